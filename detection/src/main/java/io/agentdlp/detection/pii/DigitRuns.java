package io.agentdlp.detection.pii;

import java.util.Arrays;

/**
 * The maximal runs of ASCII digits of a text, found in one pass, and whether the text has any
 * non-ASCII character. Every value the scanner reports (but an e-mail address) holds a digit, so
 * the screens start from these runs instead of passing over all the text once per kind of value.
 */
final class DigitRuns {
    /** Characters read between two checks of the room left for bounds: each can add at most one bound. */
    private static final int BLOCK = 64;

    private final int[] bounds;
    private final int size;
    private final boolean nonAscii;

    /**
     * Records the index of every change between digit and non-digit without branching on the
     * character (hex strings alternate digits and letters at random, which defeats branch
     * prediction): each index is written, and the count only moves on a change.
     */
    DigitRuns(char[] text) {
        int n = text.length;
        int[] b = new int[2 * BLOCK];
        int k = 0;
        int inDigits = 0;
        int any = 0;
        for (int from = 0; from < n; from += BLOCK) {
            if (k + BLOCK + 1 > b.length) {
                b = Arrays.copyOf(b, Math.max(2 * b.length, k + BLOCK + 1));
            }
            int to = Math.min(n, from + BLOCK);
            for (int i = from; i < to; i++) {
                char c = text[i];
                any |= c;
                int x = c - '0';
                int digit = ((x - 10) & ~x) >>> 31;
                b[k] = i;
                k += digit ^ inDigits;
                inDigits = digit;
            }
        }
        if (k + 1 > b.length) {
            b = Arrays.copyOf(b, k + 1);
        }
        b[k] = n;
        k += inDigits;
        this.bounds = b;
        this.size = k / 2;
        this.nonAscii = any >= 128;
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
