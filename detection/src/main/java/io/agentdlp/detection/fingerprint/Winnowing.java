package io.agentdlp.detection.fingerprint;

/**
 * Robust winnowing (Schleimer, Wilkerson, Aiken 2003) on the shapes of a text's k-grams (so the choice does
 * not depend on spellings): in each window of {@code w} consecutive k-gram hashes keep the minimum of the
 * upper 56 bits; on ties keep the one already kept, else the rightmost. A hash of {@link Long#MAX_VALUE}
 * marks a k-gram of prose, which is never kept.
 */
final class Winnowing {
    private static final long NOT_CODE = Long.MAX_VALUE;
    /** {@link #NOT_CODE} without its lowest 8 bits, as the selection compares it. */
    private static final long NOT_CODE_SHAPE = NOT_CODE >> 8;

    private Winnowing() {
    }

    /** Writes the positions of the kept code k-grams of {@code h[0, m)} to {@code out} (at least m long). */
    static int select(long[] h, int m, int w, int[] out) {
        if (w == 3 && m > 3) {
            return selectOfThree(h, m, out);
        }
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

    /**
     * The selection for windows of three (the default), without branches: which k-gram is the minimum of a
     * window of random hashes is a coin toss, and the branches of {@link #select} mispredicted about as
     * often. The rightmost minimum of each window is that of the last two k-grams of the window before and
     * the new one; choices are sign masks of differences, which cannot overflow for 56-bit values.
     */
    private static int selectOfThree(long[] h, int m, int[] out) {
        int min = rightmostMin(h, 0, 2);
        long minShape = h[min] >> 8;
        int count = 0;
        if (minShape != NOT_CODE_SHAPE) {
            out[count++] = min;
        }
        // rightmost minimum of the last two k-grams
        long previous = h[2] >> 8;
        long keepFirst = (h[1] >> 8) - previous >> 63;
        long pairShape = previous + ((h[1] >> 8) - previous & keepFirst);
        int pairPos = 2 ^ (1 ^ 2) & (int) keepFirst;
        for (int r = 3; r < m; r++) {
            long v = h[r] >> 8;
            long keepPair = pairShape - v >> 63;
            long best = v + (pairShape - v & keepPair);
            int pos = r ^ (pairPos ^ r) & (int) keepPair;
            long keepPrevious = previous - v >> 63;
            pairShape = v + (previous - v & keepPrevious);
            pairPos = r ^ (r - 1 ^ r) & (int) keepPrevious;
            previous = v;
            // the kept minimum is a minimum of its window: it stays while inside the window and tied
            int inside = r - 3 - min >> 31;
            long differ = best ^ minShape;
            int tied = (int) ~((differ | -differ) >> 63);
            int next = pos ^ (pos ^ min) & inside & tied;
            long code = best ^ NOT_CODE_SHAPE;
            int changed = next ^ min;
            out[count] = next;
            count += (int) ((code | -code) >>> 63) & (changed | -changed) >>> 31;
            min = next;
            minShape = best;
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
}
