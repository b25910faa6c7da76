package io.agentdlp.detection.pii;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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

    private int[] bounds;
    private int size;
    private final boolean nonAscii;

    /**
     * The runs of {@code text}, whose characters are {@code chars}, read eight characters at a time from
     * a Latin-1 copy (a copy of the string's own bytes when it holds no character above U+00FF). A
     * character above U+00FF becomes {@code ?} in that copy, which no digit test takes; a {@code ?} the
     * text does not hold there marks the text as non-ASCII. A text whose copy is shorter (a surrogate
     * pair becomes one {@code ?}) is read character by character.
     */
    static DigitRuns of(String text, char[] chars) {
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        return latin1.length == chars.length ? new DigitRuns(latin1, chars) : new DigitRuns(chars);
    }

    /**
     * Per eight bytes, a mask with the high bit of each byte that is an ASCII digit, and where it
     * differs from the byte before: each change starts or ends a run. No branch per character, and
     * the eight bytes of a digest's hex digits cost one step and one per run edge.
     */
    private DigitRuns(byte[] latin1, char[] chars) {
        int n = latin1.length;
        this.bounds = new int[initialCapacity(n)];
        long seen = 0;
        boolean replaced = false;
        boolean inRun = false;
        int start = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = (long) LONGS.get(latin1, i);
            seen |= x;
            long digits = ((x | HIGH_BITS) - 0x3030303030303030L) & (0xB9B9B9B9B9B9B9B9L - (x & LOW_SEVEN_BITS)) & ~x & HIGH_BITS;
            long changes = digits ^ ((digits << 8) | (inRun ? 0x80L : 0L));
            while (changes != 0) {
                int at = i + (Long.numberOfTrailingZeros(changes) >>> 3);
                if (inRun) {
                    add(start, at);
                } else {
                    start = at;
                }
                inRun = !inRun;
                changes &= changes - 1;
            }
            long q = x ^ QUESTION_MARKS;
            long questionMarks = ~(((q & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | q) & HIGH_BITS;
            while (questionMarks != 0) {
                replaced |= chars[i + (Long.numberOfTrailingZeros(questionMarks) >>> 3)] != '?';
                questionMarks &= questionMarks - 1;
            }
        }
        for (; i < n; i++) {
            byte b = latin1[i];
            seen |= b;
            replaced |= b == '?' && chars[i] != '?';
            boolean digit = b >= '0' && b <= '9';
            if (digit != inRun) {
                if (inRun) {
                    add(start, i);
                } else {
                    start = i;
                }
                inRun = digit;
            }
        }
        if (inRun) {
            add(start, n);
        }
        this.nonAscii = replaced || (seen & HIGH_BITS) != 0;
    }

    /** The runs of {@code text} read character by character. */
    DigitRuns(char[] text) {
        int n = text.length;
        this.bounds = new int[initialCapacity(n)];
        int seen = 0;
        int i = 0;
        while (i < n) {
            char c = text[i];
            if (isDigit(c)) {
                int start = i;
                do {
                    i++;
                } while (i < n && isDigit(text[i]));
                add(start, i);
            } else {
                seen |= c;
                i++;
            }
        }
        this.nonAscii = seen >= 128;
    }

    /** Room for a run every eight characters (agents' texts have one every ~12): most texts never grow it. */
    private static int initialCapacity(int length) {
        return Math.max(64, length / 4);
    }

    /** One unsigned comparison: one branch per character where two range tests would take two. */
    static boolean isDigit(char c) {
        return (char) (c - '0') < 10;
    }

    private void add(int start, int end) {
        if (2 * size + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * size] = start;
        bounds[2 * size + 1] = end;
        size++;
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

    /** Whether the text has a character outside ASCII (Unicode digits, full-width signs). */
    boolean nonAscii() {
        return nonAscii;
    }
}
