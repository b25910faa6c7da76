package io.agentdlp.detection.fingerprint;

import java.util.Objects;

/**
 * Computes the winnowed fingerprints of a text (Schleimer, Wilkerson, Aiken 2003, robust winnowing)
 * over the normalised token stream of {@link CodeLexer}, after {@link ProbeText} has undone JSON
 * escaping, line numbers, fences and diff markers.
 *
 * <p>Identifiers are renaming-invariant without being thrown away: inside each k-gram an identifier is
 * encoded by the distance back to the previous occurrence of the same spelling in that k-gram (or as
 * "first occurrence"), as in parameterised matching. Any consistent renaming keeps the encoding, while
 * {@code a = a + b} and {@code a = b + c} still differ. The k-gram hash is a polynomial rolling hash
 * (mod 2^64) updated in O(1) per token, including the one identifier whose encoding changes when its
 * earlier occurrence leaves the k-gram, then mixed with the murmur3 finaliser.
 *
 * <p>A fingerprint is 64 bits: the upper 56 are this renaming-invariant "shape" of the k-gram (what
 * winnowing selects on and the index is keyed by); the lowest 8 are a check of the k-gram's identifier
 * spellings, so that a match can tell code copied as is from code whose names were changed, and ask for
 * more evidence in the second case (see {@link MatchThresholds}).
 *
 * <p>Thread-safe: scratch arrays are per thread.
 */
public final class Fingerprinter {
    /**
     * Version of everything that determines fingerprint values (lexer rules, keyword list, decoding,
     * hash). Indexes record it and refuse fingerprints of another version.
     */
    public static final int FORMAT_VERSION = 2;

    private static final long BASE = 0x9E3779B97F4A7C15L;
    private static final long NOT_CODE = Long.MAX_VALUE;
    private static final int SHRINK_ABOVE_TOKENS = 1 << 20;
    /**
     * A thread keeps its decoding buffers (about six arrays the size of the largest text it decoded) only
     * up to this many chars: the workload's long tail (200 KB) reuses them, while a thread that met one
     * near the scan limit (1 MiB by default) does not hold ~12 MB of buffers for the rest of its life.
     */
    private static final int SHRINK_DECODING_ABOVE_CHARS = 1 << 18;
    /** Hash value of each token symbol (for an identifier: its first occurrence in a k-gram). */
    static final long[] SYMBOL_VALUES = new long[TokenBuffer.KEYWORD_BASE + Keywords.count()];
    /** Hash value of an identifier that refers back to the same spelling, by distance. */
    static final long[] REFERENCE_VALUES = new long[65];

    static {
        for (int s = 0; s < SYMBOL_VALUES.length; s++) {
            SYMBOL_VALUES[s] = mix(0x5EED_0000_0000_0000L + s);
        }
        for (int d = 0; d < REFERENCE_VALUES.length; d++) {
            REFERENCE_VALUES[d] = mix(0x7EF0_0000_0000_0000L + d);
        }
    }

    private final FingerprintConfig config;
    private final long[] powers;
    /**
     * By distance d: what the hash gains when a token leaves the k-gram and the identifier d tokens later,
     * which referred back to it, becomes a first occurrence (0 for d = 0, no such identifier).
     */
    private final long[] releases;
    private final ThreadLocal<Workspace> workspaces;

    public Fingerprinter(FingerprintConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.powers = new long[config.k()];
        long p = 1;
        for (int j = 0; j < powers.length; j++) {
            powers[j] = p;
            p *= BASE;
        }
        int k = config.k();
        this.releases = new long[k];
        for (int d = 1; d < k; d++) {
            releases[d] = (SYMBOL_VALUES[TokenBuffer.IDENTIFIER] - REFERENCE_VALUES[d]) * powers[k - 1 - d];
        }
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(k));
    }

    /** A fingerprinter with {@link FingerprintConfig#DEFAULT}. */
    public static Fingerprinter withDefaults() {
        return new Fingerprinter(FingerprintConfig.DEFAULT);
    }

    public FingerprintConfig config() {
        return config;
    }

    /** Fingerprints of {@code text}; lines refer to the lines of {@code text}. */
    public Fingerprints fingerprint(CharSequence text) {
        return fingerprint(text, null);
    }

    /**
     * Fingerprints of {@code text} as {@link #fingerprint} gives them when the shape of at least one of them
     * might be in {@code presence}; otherwise {@link Fingerprints#empty()}, which matches nothing either.
     * Most probes hold no indexed code: for them the spelling checks and the lines of the fingerprints,
     * which only the postings found need, are not computed.
     */
    Fingerprints fingerprintIfAnyPresent(CharSequence text, PresenceFilter presence) {
        return fingerprint(text, Objects.requireNonNull(presence, "presence"));
    }

    private Fingerprints fingerprint(CharSequence text, PresenceFilter presence) {
        Objects.requireNonNull(text, "text");
        Workspace ws = workspaces.get();
        ProbeText decoded = ProbeText.decode(text, ws.decoding);
        try {
            TokenBuffer tokens = ws.tokens;
            tokens.clear();
            CodeLexer.lex(decoded.chars(), decoded.length(), tokens);
            return winnow(ws, decoded, presence);
        } finally {
            if (ws.tokens.symbols.length > SHRINK_ABOVE_TOKENS || ws.decoding.largest() > SHRINK_DECODING_ABOVE_CHARS) {
                workspaces.remove();
            }
        }
    }

    /** The winnowed fingerprints of the lexed tokens; with a presence filter, empty when it holds none of them. */
    private Fingerprints winnow(Workspace ws, ProbeText decoded, PresenceFilter presence) {
        TokenBuffer t = ws.tokens;
        int n = t.size;
        int k = config.k();
        if (n < k) {
            return new Fingerprints(new long[0], new int[0], new int[0], n);
        }
        ws.ensure(n);
        int m = n - k + 1;
        if (presence == null) {
            hashKgrams(t, ws.kgrams, ws.spelled);
            return fingerprints(ws, decoded, Winnowing.select(ws.kgrams, m, config.w(), ws.selected));
        }
        hashShapes(t, ws.kgrams);
        int selected = Winnowing.select(ws.kgrams, m, config.w(), ws.selected);
        if (!anyPresent(ws, selected, presence)) {
            return Fingerprints.empty();
        }
        hashSpellings(t, ws.spelled);
        return fingerprints(ws, decoded, selected);
    }

    /** Whether the filter may hold the shape of one of the first {@code count} selected k-grams. */
    private static boolean anyPresent(Workspace ws, int count, PresenceFilter presence) {
        long[] shapes = ws.shapes;
        for (int i = 0; i < count; i++) {
            // the shape of a fingerprint is the upper 56 bits of its k-gram's hash, whatever the spelling check
            shapes[i] = ws.kgrams[ws.selected[i]] >>> 8;
        }
        return presence.mightContainAny(shapes, count, ws.filterWords);
    }

    /** The fingerprints of the {@code selected} k-grams of the workspace, whose shapes and spellings are hashed. */
    private Fingerprints fingerprints(Workspace ws, ProbeText decoded, int selected) {
        TokenBuffer t = ws.tokens;
        int k = config.k();
        long[] kgrams = ws.kgrams;
        long[] spelled = ws.spelled;
        long[] hashes = new long[selected];
        int[] starts = new int[selected];
        int[] ends = new int[selected];
        int[] lines = t.lines;
        for (int i = 0; i < selected; i++) {
            int s = ws.selected[i];
            hashes[i] = kgrams[s] | (mix(spelled[s]) & 0xFFL);
            starts[i] = decoded.originalLine(lines[s]);
            ends[i] = decoded.originalLine(lines[s + k - 1]);
            if (ends[i] < starts[i]) {
                // diff sides re-order lines; report the k-gram by its first line
                ends[i] = starts[i];
            }
        }
        return new Fingerprints(hashes, starts, ends, t.size);
    }

    /**
     * Writes the shape of each k-gram (upper 56 bits, {@link #NOT_CODE} for prose) to {@code out} and its
     * spelled hash to {@code spelled}: only the k-grams winnowing keeps need their spelling check mixed.
     */
    private void hashKgrams(TokenBuffer t, long[] out, long[] spelled) {
        int k = config.k();
        int minStructural = config.minStructural();
        int n = t.size;
        int[] symbols = t.symbols;
        long[] entering = t.entering;
        long[] spellings = t.spellings;
        int[] laterDistance = t.laterDistance;
        long[] released = releases;
        long top = powers[k - 1];
        long h = 0;
        long x = 0;
        int structural = 0;
        for (int i = 0; i < k; i++) {
            h = h * BASE + entering[i];
            x = x * BASE + spellings[i];
            structural += structuralBit(symbols[i]);
        }
        int m = n - k + 1;
        for (int s = 0; ; s++) {
            out[s] = structural < minStructural ? NOT_CODE : shape(h);
            spelled[s] = x;
            if (s + 1 >= m) {
                break;
            }
            int in = s + k;
            // the leaving token counts as a first occurrence by now; the identifier that referred back to
            // it becomes one
            h = (h - SYMBOL_VALUES[symbols[s]] * top + released[laterDistance[s]]) * BASE + entering[in];
            x = (x - spellings[s] * top) * BASE + spellings[in];
            structural += structuralBit(symbols[in]) - structuralBit(symbols[s]);
        }
    }

    /** The shapes {@link #hashKgrams} writes, without the spelled hashes. */
    private void hashShapes(TokenBuffer t, long[] out) {
        int k = config.k();
        int minStructural = config.minStructural();
        int n = t.size;
        int[] symbols = t.symbols;
        long[] entering = t.entering;
        int[] laterDistance = t.laterDistance;
        long[] released = releases;
        long top = powers[k - 1];
        long h = 0;
        int structural = 0;
        for (int i = 0; i < k; i++) {
            h = h * BASE + entering[i];
            structural += structuralBit(symbols[i]);
        }
        int m = n - k + 1;
        for (int s = 0; ; s++) {
            out[s] = structural < minStructural ? NOT_CODE : shape(h);
            if (s + 1 >= m) {
                break;
            }
            int in = s + k;
            h = (h - SYMBOL_VALUES[symbols[s]] * top + released[laterDistance[s]]) * BASE + entering[in];
            structural += structuralBit(symbols[in]) - structuralBit(symbols[s]);
        }
    }

    /** The spelled hashes {@link #hashKgrams} writes, without the shapes. */
    private void hashSpellings(TokenBuffer t, long[] spelled) {
        int k = config.k();
        int n = t.size;
        long[] spellings = t.spellings;
        long top = powers[k - 1];
        long x = 0;
        for (int i = 0; i < k; i++) {
            x = x * BASE + spellings[i];
        }
        int m = n - k + 1;
        for (int s = 0; ; s++) {
            spelled[s] = x;
            if (s + 1 >= m) {
                break;
            }
            x = (x - spellings[s] * top) * BASE + spellings[s + k];
        }
    }

    /** 1 for punctuation and operators ({@link TokenBuffer#isStructural}), else 0, without a branch. */
    private static int structuralBit(int symbol) {
        return (symbol - TokenBuffer.STRING) >>> 31;
    }

    /**
     * Shape hash in the upper 56 bits, lowest 8 bits clear for the spelling check; never {@link #NOT_CODE}
     * whatever the check.
     */
    private static long shape(long h) {
        long f = mix(h) & ~0xFFL;
        return (f | 0xFFL) == NOT_CODE ? f - 0x100L : f;
    }

    /** murmur3 fmix64. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Per-thread scratch space. */
    private static final class Workspace {
        final TokenBuffer tokens;
        final ProbeText.Buffers decoding = new ProbeText.Buffers(1 << 16);
        long[] kgrams = new long[0];
        long[] spelled = new long[0];
        int[] selected = new int[0];
        long[] shapes = new long[0];
        long[] filterWords = new long[0];

        Workspace(int k) {
            tokens = new TokenBuffer(4096, k);
        }

        void ensure(int n) {
            if (kgrams.length < n) {
                int cap = Math.max(n, kgrams.length * 2);
                kgrams = new long[cap];
                spelled = new long[cap];
                selected = new int[cap];
                shapes = new long[cap];
                filterWords = new long[cap];
            }
        }
    }
}
