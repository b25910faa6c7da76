package io.agentdlp.detection.pii;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stretches of a text a matcher has to look at, with counts of the characters its patterns need
 * (digits, upper-case letters, dots, colons) and the longest run of consecutive digits, so a matcher can skip a stretch that cannot hold a
 * match without running any pattern on it.
 */
final class Spans {
    private static final int STRIDE = 9;
    /** The bit of digit runs of this many digits or more in {@link #digitRunLengths}. */
    private static final int LONG_RUN_BIT = 31;
    private static final int UNLIMITED = Integer.MAX_VALUE;

    private static final int[] NONE = {};

    /** Allocated on the first span: most texts give no span of some kinds. */
    private int[] data;
    private int size;

    Spans() {
        this(NONE);
    }

    /** Spans written into {@code reused} (stale contents), grown when full: {@link #array()} is the array in use. */
    Spans(int[] reused) {
        this.data = reused;
    }

    /** One span over the whole text with unlimited counts: every matcher runs over all of it. */
    static Spans whole(CharSequence text) {
        Spans s = new Spans();
        s.add(0, text.length(), UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, -1, -1);
        return s;
    }

    /** As {@link #add(int, int, int, int, int, int, int, int, int)}, every digit run taken for one without a letter beside it. */
    void add(int start, int end, int digits, int upper, int dots, int colons, int longestDigitRun, int digitRunLengths) {
        add(start, end, digits, upper, dots, colons, longestDigitRun, digitRunLengths, digitRunLengths);
    }

    /**
     * Adds a span with its counts; {@code digitRunLengths} has bit {@code k} set when the span holds a maximal
     * run of exactly {@code k} ASCII digits ({@link #lengthBit}), 0 when not counted, and
     * {@code freeDigitRunLengths} the same for the runs with no ASCII letter right before or after them
     * ({@link #hasFreeDigitRunOf}).
     */
    void add(int start, int end, int digits, int upper, int dots, int colons, int longestDigitRun, int digitRunLengths,
            int freeDigitRunLengths) {
        if ((size + 1) * STRIDE > data.length) {
            data = Arrays.copyOf(data, Math.max(STRIDE * 8, data.length * 2));
        }
        int at = size * STRIDE;
        data[at] = start;
        data[at + 1] = end;
        data[at + 2] = digits;
        data[at + 3] = upper;
        data[at + 4] = dots;
        data[at + 5] = colons;
        data[at + 6] = longestDigitRun;
        data[at + 7] = digitRunLengths;
        data[at + 8] = freeDigitRunLengths;
        size++;
    }

    int size() {
        return size;
    }

    /** The array the spans are in, to keep for the next text ({@link ScanBuffers}). */
    int[] array() {
        return data;
    }

    /** Drops the span added last. */
    void removeLast() {
        size--;
    }

    int start(int i) {
        return data[i * STRIDE];
    }

    int end(int i) {
        return data[i * STRIDE + 1];
    }

    int length(int i) {
        return end(i) - start(i);
    }

    int digits(int i) {
        return data[i * STRIDE + 2];
    }

    int upper(int i) {
        return data[i * STRIDE + 3];
    }

    int dots(int i) {
        return data[i * STRIDE + 4];
    }

    int colons(int i) {
        return data[i * STRIDE + 5];
    }

    /** The most consecutive ASCII digits in span {@code i} (what a pattern's {@code \d{n}} needs). */
    int longestDigitRun(int i) {
        return data[i * STRIDE + 6];
    }

    /** The bit of a maximal digit run of {@code length} digits in a span's {@code digitRunLengths}. */
    static int lengthBit(int length) {
        return 1 << Math.min(length, LONG_RUN_BIT);
    }

    /**
     * Whether span {@code i} holds a maximal run of exactly {@code length} ASCII digits, for some {@code length}
     * whose bit is in {@code lengthBits} (lengths below 31). A pattern such as {@code (?<!\d)\d{9}(?!\d)} can
     * only match where the text has a digit run of exactly that length.
     */
    boolean hasDigitRunOf(int i, int lengthBits) {
        return (digitRunLengths(i) & lengthBits) != 0;
    }

    /** The lengths of the maximal digit runs of span {@code i}, one bit each ({@link #lengthBit}). */
    int digitRunLengths(int i) {
        return data[i * STRIDE + 7];
    }

    /**
     * Whether span {@code i} holds a maximal run of exactly {@code length} ASCII digits with no ASCII letter right
     * before or after it, for some {@code length} whose bit is in {@code lengthBits}: a pattern such as
     * {@code (?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])} can only match at such a run. In hex digests and base64 most
     * runs of nine or twelve digits stand between letters.
     */
    boolean hasFreeDigitRunOf(int i, int lengthBits) {
        return (freeDigitRunLengths(i) & lengthBits) != 0;
    }

    /** The lengths of the maximal digit runs of span {@code i} with no ASCII letter beside them ({@link #hasFreeDigitRunOf}). */
    int freeDigitRunLengths(int i) {
        return data[i * STRIDE + 8];
    }

    /** Whether span {@code i} of {@code spans} can hold a match at all. */
    @FunctionalInterface
    interface Filter {
        boolean test(Spans spans, int i);
    }

    /**
     * Runs {@code pattern} over each span that passes {@code filter} and hands every match to
     * {@code onMatch}; the matcher is only created when a span passes.
     */
    void find(Pattern pattern, CharSequence text, Filter filter, Consumer<Matcher> onMatch) {
        Matcher m = null;
        try {
            for (int i = 0; i < size; i++) {
                if (!filter.test(this, i)) {
                    continue;
                }
                if (m == null) {
                    m = THREAD_MATCHERS.get().of(pattern, text);
                }
                m.region(start(i), end(i));
                while (m.find()) {
                    onMatch.accept(m);
                }
            }
        } finally {
            if (m != null) {
                // the thread keeps the matcher, not the text
                m.reset("");
            }
        }
    }

    /**
     * One region matcher per pattern and thread, reset for each text: a scan runs ~15 patterns, and a new
     * {@link Matcher} allocates its group and local arrays each time. Not reentrant for one pattern, which
     * {@link #find} never is (no match handler searches spans with its own pattern).
     */
    private static final ThreadLocal<ThreadMatchers> THREAD_MATCHERS = ThreadLocal.withInitial(ThreadMatchers::new);

    private static final class ThreadMatchers {
        private final IdentityHashMap<Pattern, Matcher> byPattern = new IdentityHashMap<>();

        Matcher of(Pattern pattern, CharSequence text) {
            Matcher m = byPattern.get(pattern);
            if (m == null) {
                m = regionMatcher(pattern, text);
                byPattern.put(pattern, m);
                return m;
            }
            // reset keeps the transparent, non-anchoring bounds
            return m.reset(text);
        }
    }

    /**
     * A matcher for {@code pattern} whose regions see the text around them (look-behind and
     * look-ahead work as over the whole text), so finding within a span gives exactly the matches
     * the whole-text search gives there.
     */
    static Matcher regionMatcher(Pattern pattern, CharSequence text) {
        return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }
}
