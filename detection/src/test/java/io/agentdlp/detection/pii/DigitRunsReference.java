package io.agentdlp.detection.pii;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The digit-run pass as it was before its edges were written two per store ({@link DigitRuns}): the oracle
 * {@link DigitRunsLayoutTest} compares it with. One {@code int} store per change, four per eight bytes
 * unconditionally and four more past four changes.
 */
final class DigitRunsReference {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;

    /** Start and end of each run, in text order. */
    private final int[] bounds;
    private final int size;
    private final boolean nonAscii;
    private final boolean noReplacement;

    /**
     * The runs of {@code text}, read eight characters at a time from {@code bytes}, one byte per character
     * (the text's Latin-1 copy, or {@link ScreenText}'s bytes). A character above U+00FF is {@code ?} in a
     * Latin-1 copy, which no digit test takes; a {@code ?} the text does not hold there marks the text as
     * neither Latin-1 nor ASCII.
     */
    static DigitRunsReference of(byte[] bytes, String text) {
        if (bytes.length != text.length()) {
            throw new IllegalArgumentException("one byte per character expected: bytes=" + bytes.length + " chars=" + text.length());
        }
        return new DigitRunsReference(bytes, text);
    }

    /**
     * Per eight bytes, a mask with the high bit of each byte that is an ASCII digit, and where it
     * differs from the byte before: each change starts or ends a run. The changes' positions are
     * written without a branch per change (four stores, four more when there are more changes; only the
     * first {@code bitCount} count, the rest are overwritten later): in hex digests the number of changes
     * per eight bytes is random, and a loop over them mispredicted its exit nearly every time.
     */
    private DigitRunsReference(byte[] latin1, String text) {
        int n = latin1.length;
        int[] edges = new int[initialCapacity(n)];
        int count = 0;
        long seen = 0;
        boolean replaced = false;
        long previous = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = (long) LONGS.get(latin1, i);
            seen |= x;
            long digits = ((x | HIGH_BITS) - 0x3030303030303030L) & (0xB9B9B9B9B9B9B9B9L - (x & LOW_SEVEN_BITS)) & ~x & HIGH_BITS;
            // a run is open when the byte before this word was a digit: taken from that word's mask, not from
            // the count of edges, so no word waits for the previous one's count
            long changes = digits ^ ((digits << 8) | (previous >>> 56));
            previous = digits;
            if (count + 8 > edges.length) {
                edges = Arrays.copyOf(edges, edges.length * 2);
            }
            int changed = Long.bitCount(changes);
            for (int k = 0; k < 4; k++) {
                edges[count + k] = i + (Long.numberOfTrailingZeros(changes) >>> 3);
                changes &= changes - 1;
            }
            if (changed > 4) {
                for (int k = 4; k < 8; k++) {
                    edges[count + k] = i + (Long.numberOfTrailingZeros(changes) >>> 3);
                    changes &= changes - 1;
                }
            }
            count += changed;
            long q = x ^ QUESTION_MARKS;
            long questionMarks = ~(((q & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | q) & HIGH_BITS;
            while (questionMarks != 0) {
                replaced |= text.charAt(i + (Long.numberOfTrailingZeros(questionMarks) >>> 3)) != '?';
                questionMarks &= questionMarks - 1;
            }
        }
        if (count + (n - i) + 1 > edges.length) {
            edges = Arrays.copyOf(edges, count + (n - i) + 1);
        }
        for (; i < n; i++) {
            byte b = latin1[i];
            seen |= b;
            replaced |= b == '?' && text.charAt(i) != '?';
            boolean digit = b >= '0' && b <= '9';
            if (digit != ((count & 1) != 0)) {
                edges[count++] = i;
            }
        }
        if ((count & 1) != 0) {
            edges[count++] = n;
        }
        this.bounds = edges;
        this.size = count / 2;
        this.noReplacement = !replaced;
        this.nonAscii = replaced || (seen & HIGH_BITS) != 0;
    }

    /** Room for a run every eight characters (agents' texts have one every ~12): most texts never grow it. */
    private static int initialCapacity(int length) {
        return Math.max(64, length / 4);
    }

    int size() {
        return size;
    }

    int start(int i) {
        return bounds[2 * i];
    }

    int end(int i) {
        return bounds[2 * i + 1];
    }

    /**
     * Whether no byte read was a {@code ?} standing for another character (what a Latin-1 encoder writes for
     * a character above U+00FF): for a Latin-1 copy, whether it is the text's exact encoding.
     */
    boolean noReplacement() {
        return noReplacement;
    }

    /** Whether the text has a character outside ASCII (Unicode digits, full-width signs). */
    boolean nonAscii() {
        return nonAscii;
    }
}
