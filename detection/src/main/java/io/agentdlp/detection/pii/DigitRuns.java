package io.agentdlp.detection.pii;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The maximal runs of ASCII digits of a text, found in one pass, and whether the text has any
 * non-ASCII character. Every value the scanner reports (but an e-mail address) holds a digit, so
 * the screens start from these runs instead of passing over all the text once per kind of value.
 */
final class DigitRuns {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;

    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** Times a word holding only its bytes' low bits, gathers them into its top byte, byte {@code k} to bit {@code k} (no carries). */
    private static final long GATHER_HIGH_BITS = 0x0102040810204080L;
    /**
     * Per eight-bit change mask, four longs: the positions within the word of its set bits, lowest first, two
     * per long (low and high half), zero past the last: a word's edges are written with three stores, four
     * when it has more than six changes.
     */
    private static final long[] CHANGE_POSITIONS = changePositions();

    /** Start and end of each run, in text order, as little-endian ints. */
    private final byte[] bounds;
    private final int size;
    private final boolean nonAscii;
    private final boolean noReplacement;

    /**
     * The runs of {@code text}, read eight characters at a time from {@code bytes}, one byte per character
     * (the text's Latin-1 copy, or {@link ScreenText}'s bytes). A character above U+00FF is {@code ?} in a
     * Latin-1 copy, which no digit test takes; a {@code ?} the text does not hold there marks the text as
     * neither Latin-1 nor ASCII.
     */
    static DigitRuns of(byte[] bytes, String text) {
        return of(bytes, text, new ScanBuffers());
    }

    /** As {@link #of(byte[], String)}, the bounds in {@code buffers}' array, kept there grown for the next text. */
    static DigitRuns of(byte[] bytes, String text, ScanBuffers buffers) {
        if (bytes.length != text.length()) {
            throw new IllegalArgumentException("one byte per character expected: bytes=" + bytes.length + " chars=" + text.length());
        }
        DigitRuns runs = new DigitRuns(bytes, text, buffers.runBounds(Integer.BYTES * initialCapacity(bytes.length)));
        buffers.keepRunBounds(runs.bounds);
        return runs;
    }

    /**
     * Per eight bytes, a mask with the high bit of each byte that is an ASCII digit, and where it
     * differs from the byte before: each change starts or ends a run. The changes' positions are
     * written without a branch per change: the mask's eight bits index {@link #CHANGE_POSITIONS}, whose
     * positions plus the word's offset in both halves of a long give two edges per store (three stores,
     * a fourth past six changes, which ~1 % of the words have; only the first {@code bitCount} count, the
     * rest are overwritten later). In hex digests the number of changes per eight bytes is random, and a
     * loop over them mispredicted its exit nearly every time; one store per edge cost more than the mask.
     */
    private DigitRuns(byte[] latin1, String text, byte[] reusedEdges) {
        int n = latin1.length;
        byte[] edges = reusedEdges;
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
            if (Integer.BYTES * (count + 8) > edges.length) {
                edges = Arrays.copyOf(edges, edges.length * 2);
            }
            int changeBits = (int) (((changes >>> 7) * GATHER_HIGH_BITS) >>> 56);
            int positions = changeBits * 4;
            long offset = i | (long) i << 32;
            int at = Integer.BYTES * count;
            LONGS.set(edges, at, CHANGE_POSITIONS[positions] + offset);
            LONGS.set(edges, at + 8, CHANGE_POSITIONS[positions + 1] + offset);
            LONGS.set(edges, at + 16, CHANGE_POSITIONS[positions + 2] + offset);
            int changed = Integer.bitCount(changeBits);
            if (changed > 6) {
                LONGS.set(edges, at + 24, CHANGE_POSITIONS[positions + 3] + offset);
            }
            count += changed;
            long q = x ^ QUESTION_MARKS;
            long questionMarks = ~(((q & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | q) & HIGH_BITS;
            while (questionMarks != 0) {
                replaced |= text.charAt(i + (Long.numberOfTrailingZeros(questionMarks) >>> 3)) != '?';
                questionMarks &= questionMarks - 1;
            }
        }
        if (Integer.BYTES * (count + (n - i) + 1) > edges.length) {
            edges = Arrays.copyOf(edges, Integer.BYTES * (count + (n - i) + 1));
        }
        for (; i < n; i++) {
            byte b = latin1[i];
            seen |= b;
            replaced |= b == '?' && text.charAt(i) != '?';
            boolean digit = b >= '0' && b <= '9';
            if (digit != ((count & 1) != 0)) {
                INTS.set(edges, Integer.BYTES * count++, i);
            }
        }
        if ((count & 1) != 0) {
            INTS.set(edges, Integer.BYTES * count++, n);
        }
        this.bounds = edges;
        this.size = count / 2;
        this.noReplacement = !replaced;
        this.nonAscii = replaced || (seen & HIGH_BITS) != 0;
    }

    private static long[] changePositions() {
        long[] table = new long[256 * 4];
        for (int mask = 0; mask < 256; mask++) {
            int slot = 0;
            for (int bit = 0; bit < 8; bit++) {
                if ((mask >>> bit & 1) != 0) {
                    table[mask * 4 + slot / 2] |= (long) bit << (32 * (slot % 2));
                    slot++;
                }
            }
        }
        return table;
    }

    /** Room for a run every eight characters (agents' texts have one every ~12): most texts never grow it. */
    private static int initialCapacity(int length) {
        return Math.max(64, length / 4);
    }

    /** One unsigned comparison: one branch per character where two range tests would take two. */
    static boolean isDigit(char c) {
        return (char) (c - '0') < 10;
    }

    int size() {
        return size;
    }

    int start(int i) {
        return (int) INTS.get(bounds, 2 * Integer.BYTES * i);
    }

    int end(int i) {
        return (int) INTS.get(bounds, 2 * Integer.BYTES * i + Integer.BYTES);
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
