package io.agentdlp.detection.fingerprint;

import java.util.Arrays;
import java.util.Objects;

/**
 * {@link Fingerprinter} as it was before the fingerprinting round of 2026-11-24 (identifiers linked by a
 * backward scan over the k-gram, branches per token in the rolling hash), over {@link ProbeTextReference},
 * kept as the reference the optimised fingerprinting must equal ({@link FingerprinterEquivalenceTest}).
 */
final class FingerprinterReference {
    private static final long BASE = 0x9E3779B97F4A7C15L;
    private static final long NOT_CODE = Long.MAX_VALUE;
    private static final int SHRINK_ABOVE_TOKENS = 1 << 20;
    private static final long[] SYMBOL_VALUES = new long[TokenBuffer.KEYWORD_BASE + Keywords.count()];
    private static final long[] REFERENCE_VALUES = new long[65];

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
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    FingerprinterReference(FingerprintConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.powers = new long[config.k()];
        long p = 1;
        for (int j = 0; j < powers.length; j++) {
            powers[j] = p;
            p *= BASE;
        }
    }

    /** A fingerprinter with {@link FingerprintConfig#DEFAULT}. */
    static FingerprinterReference withDefaults() {
        return new FingerprinterReference(FingerprintConfig.DEFAULT);
    }

    FingerprintConfig config() {
        return config;
    }

    /** Fingerprints of {@code text}; lines refer to the lines of {@code text}. */
    Fingerprints fingerprint(CharSequence text) {
        Objects.requireNonNull(text, "text");
        Workspace ws = workspaces.get();
        ProbeTextReference decoded = ProbeTextReference.decode(text, ws.text);
        if (decoded.chars().length > ws.text.length && decoded.lineMap() == null) {
            ws.text = decoded.chars();
        }
        try {
            TokenBuffer tokens = ws.tokens;
            tokens.clear();
            CodeLexer.lex(decoded.chars(), decoded.length(), tokens);
            return winnow(ws, decoded);
        } finally {
            if (ws.tokens.symbols.length > SHRINK_ABOVE_TOKENS || ws.text.length > SHRINK_ABOVE_TOKENS * 8) {
                workspaces.remove();
            }
        }
    }

    private Fingerprints winnow(Workspace ws, ProbeTextReference decoded) {
        TokenBuffer t = ws.tokens;
        int n = t.size;
        int k = config.k();
        if (n < k) {
            return new Fingerprints(new long[0], new int[0], new int[0], n);
        }
        ws.ensure(n);
        linkIdentifiers(t, ws.distance, ws.next, k);
        int m = n - k + 1;
        long[] kgrams = ws.kgrams;
        hashKgrams(t, ws.distance, ws.next, kgrams);
        int selected = select(kgrams, m, config.w(), ws.selected);
        long[] hashes = new long[selected];
        int[] starts = new int[selected];
        int[] ends = new int[selected];
        int[] lines = t.lines;
        for (int i = 0; i < selected; i++) {
            int s = ws.selected[i];
            hashes[i] = kgrams[s];
            starts[i] = decoded.originalLine(lines[s]);
            ends[i] = decoded.originalLine(lines[s + k - 1]);
            if (ends[i] < starts[i]) {
                // diff sides re-order lines; report the k-gram by its first line
                ends[i] = starts[i];
            }
        }
        return new Fingerprints(hashes, starts, ends, n);
    }

    /**
     * distance[i]: tokens back to the previous identifier with the same spelling if that is less than k
     * away, else 0; next[j]: the token whose distance points at j, or -1.
     */
    private static void linkIdentifiers(TokenBuffer t, int[] distance, int[] next, int k) {
        int n = t.size;
        int[] symbols = t.symbols;
        long[] spellings = t.spellings;
        Arrays.fill(next, 0, n, -1);
        for (int i = 0; i < n; i++) {
            distance[i] = 0;
            if (symbols[i] != TokenBuffer.IDENTIFIER) {
                continue;
            }
            long spelling = spellings[i];
            int stop = Math.max(0, i - k + 1);
            for (int j = i - 1; j >= stop; j--) {
                if (spellings[j] == spelling && symbols[j] == TokenBuffer.IDENTIFIER) {
                    distance[i] = i - j;
                    next[j] = i;
                    break;
                }
            }
        }
    }

    private void hashKgrams(TokenBuffer t, int[] distance, int[] next, long[] out) {
        int k = config.k();
        int minStructural = config.minStructural();
        int n = t.size;
        int[] symbols = t.symbols;
        long[] pw = powers;
        long top = pw[k - 1];
        long fresh = SYMBOL_VALUES[TokenBuffer.IDENTIFIER];
        long[] spellings = t.spellings;
        long h = 0;
        long x = 0;
        int structural = 0;
        for (int i = 0; i < k; i++) {
            h = h * BASE + value(symbols[i], distance[i]);
            x = x * BASE + spelled(symbols[i], spellings[i]);
            if (TokenBuffer.isStructural(symbols[i])) {
                structural++;
            }
        }
        int m = n - k + 1;
        for (int s = 0; ; s++) {
            out[s] = structural < minStructural ? NOT_CODE : finish(h, x);
            if (s + 1 >= m) {
                break;
            }
            h -= SYMBOL_VALUES[symbols[s]] * top;
            x -= spelled(symbols[s], spellings[s]) * top;
            int later = next[s];
            if (later >= 0) {
                int rel = later - s;
                h += (fresh - REFERENCE_VALUES[rel]) * pw[k - 1 - rel];
            }
            int in = s + k;
            h = h * BASE + value(symbols[in], distance[in]);
            x = x * BASE + spelled(symbols[in], spellings[in]);
            if (TokenBuffer.isStructural(symbols[s])) {
                structural--;
            }
            if (TokenBuffer.isStructural(symbols[in])) {
                structural++;
            }
        }
    }

    private static long value(int symbol, int distance) {
        return distance > 0 ? REFERENCE_VALUES[distance] : SYMBOL_VALUES[symbol];
    }

    private static long spelled(int symbol, long spelling) {
        return symbol == TokenBuffer.IDENTIFIER ? spelling : SYMBOL_VALUES[symbol];
    }

    /** Shape hash in the upper 56 bits, spelling check in the lowest 8. */
    private static long finish(long shape, long spelling) {
        long f = (mix(shape) & ~0xFFL) | (mix(spelling) & 0xFFL);
        return (f | 0xFFL) == NOT_CODE ? f - 0x100L : f;
    }

    /**
     * Robust winnowing on the shapes (so the choice does not depend on spellings): in each window of
     * {@code w} k-gram hashes keep the minimum; on ties keep the one already kept, else the rightmost.
     * Writes the positions of kept code k-grams to {@code out}.
     */
    static int select(long[] h, int m, int w, int[] out) {
        int count = 0;
        int width = Math.min(w, m);
        int min = rightmostMin(h, 0, width - 1);
        if (h[min] != NOT_CODE) {
            out[count++] = min;
        }
        for (int r = width; r < m; r++) {
            int left = r - width + 1;
            if (min < left) {
                min = rightmostMin(h, left, r);
            } else if (h[r] >> 8 < h[min] >> 8) {
                min = r;
            } else {
                continue;
            }
            if (h[min] != NOT_CODE) {
                out[count++] = min;
            }
        }
        return count;
    }

    private static int rightmostMin(long[] h, int lo, int hi) {
        int pos = lo;
        long best = h[lo] >> 8;
        for (int j = lo + 1; j <= hi; j++) {
            long v = h[j] >> 8;
            if (v <= best) {
                best = v;
                pos = j;
            }
        }
        return pos;
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
        final TokenBuffer tokens = new TokenBuffer(4096, 64);
        char[] text = new char[1 << 16];
        int[] distance = new int[0];
        int[] next = new int[0];
        long[] kgrams = new long[0];
        int[] selected = new int[0];

        void ensure(int n) {
            if (distance.length < n) {
                int cap = Math.max(n, distance.length * 2);
                distance = new int[cap];
                next = new int[cap];
                kgrams = new long[cap];
                selected = new int[cap];
            }
        }
    }
}
