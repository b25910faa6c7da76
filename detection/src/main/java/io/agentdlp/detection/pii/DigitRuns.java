package io.agentdlp.detection.pii;

import java.util.Arrays;

/**
 * The maximal runs of ASCII digits of a text, found in one pass, and whether the text has any
 * non-ASCII character. Every value the scanner reports (but an e-mail address) holds a digit, so
 * the screens start from these runs instead of passing over all the text once per kind of value.
 */
final class DigitRuns {
    private int[] bounds = new int[64];
    private int size;
    private final boolean nonAscii;

    DigitRuns(char[] text) {
        int n = text.length;
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
