package io.agentdlp.detection.secret;

import java.util.Arrays;

/**
 * A set of offsets, one bit each, for the overlap test of findings: whether a span holds a covered
 * offset costs the span's length over 64, wherever the other covered offsets lie. Reused by one thread;
 * the caller uncovers what it covered.
 */
final class CoveredOffsets {
    private long[] words = new long[16];

    /** True when an offset in {@code [from, to)} is covered ({@code from < to}). */
    boolean anyIn(int from, int to) {
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        if (first >= words.length) {
            return false;
        }
        long firstMask = -1L << from;
        long lastMask = -1L >>> -to;
        if (first == last) {
            return (words[first] & firstMask & lastMask) != 0;
        }
        if ((words[first] & firstMask) != 0) {
            return true;
        }
        int end = Math.min(last, words.length);
        for (int w = first + 1; w < end; w++) {
            if (words[w] != 0) {
                return true;
            }
        }
        return last < words.length && (words[last] & lastMask) != 0;
    }

    /** Covers {@code [from, to)} ({@code from < to}). */
    void cover(int from, int to) {
        int last = (to - 1) >>> 6;
        if (last >= words.length) {
            words = Arrays.copyOf(words, Math.max(words.length * 2, last + 1));
        }
        apply(from, to, true);
    }

    /** Uncovers {@code [from, to)} ({@code from < to}), which must lie within what was covered. */
    void uncover(int from, int to) {
        apply(from, to, false);
    }

    private void apply(int from, int to, boolean set) {
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        for (int w = first; w <= last; w++) {
            long mask = -1L;
            if (w == first) {
                mask &= -1L << from;
            }
            if (w == last) {
                mask &= -1L >>> -to;
            }
            words[w] = set ? words[w] | mask : words[w] & ~mask;
        }
    }
}
