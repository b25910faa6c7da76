package io.agentdlp.detection.text;

import java.util.Arrays;

/**
 * The original offsets of a rendering's chars, kept as runs instead of one {@code int} per char: decoding
 * copies long stretches unchanged (their offsets grow by one per char) and changes few places (an escape
 * becomes one char, a base64 quantum three chars of the same offset). A run starts at a decoded index and
 * either advances with it or stays at one offset. Immutable once built.
 */
final class OffsetRuns {
    /** Decoded index of each run's first char, strictly increasing, the first one 0. */
    private final int[] starts;
    /** Original offset of each run's first char; {@code ~offset} (negative) for a run whose chars share it. */
    private final int[] origins;
    private final int count;

    private OffsetRuns(int[] starts, int[] origins, int count) {
        this.starts = starts;
        this.origins = origins;
        this.count = count;
    }

    /** How many runs the map holds (for tests and measurements). */
    int runCount() {
        return count;
    }

    /** Original offset of decoded char {@code index}, which must lie inside the rendering. */
    int originalOffset(int index) {
        return offsetIn(runAt(index, 0), index);
    }

    /** Index of the run holding decoded char {@code index}, searched from run {@code from} onwards. */
    int runAt(int index, int from) {
        return runAt(index, from, count - 1);
    }

    /**
     * Index of the run holding decoded char {@code index} (inside the rendering), as {@link #runAt}{@code (index, 0)},
     * searched outwards from run {@code near} in doubling steps and then by halves between the last two.
     */
    int runNear(int index, int near) {
        if (starts[near] <= index) {
            int lo = near;
            int step = 1;
            while (lo + step < count && starts[lo + step] <= index) {
                lo += step;
                step <<= 1;
            }
            return runAt(index, lo, Math.min(count - 1, lo + step - 1));
        }
        // starts[hi] > index, and the first run starts at 0, so the run lies before hi
        int hi = near;
        int step = 1;
        while (hi - step >= 0 && starts[hi - step] > index) {
            hi -= step;
            step <<= 1;
        }
        return runAt(index, Math.max(0, hi - step), hi - 1);
    }

    /** Index of the run holding decoded char {@code index}, which lies in runs {@code lo} to {@code hi}. */
    private int runAt(int index, int lo, int hi) {
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Decoded index where run {@code k + 1} starts, or {@code Integer.MAX_VALUE} after the last run. */
    int nextStart(int k) {
        return k + 1 < count ? starts[k + 1] : Integer.MAX_VALUE;
    }

    int offsetIn(int k, int index) {
        int o = origins[k];
        return o >= 0 ? o + (index - starts[k]) : ~o;
    }

    boolean advances(int k) {
        return origins[k] >= 0;
    }

    /** Collects runs as decoded chars are appended in order; merges a char into the last run when it fits. */
    static final class Builder {
        private int[] starts;
        private int[] origins;
        private int count;
        /** Decoded index of the next char to be added. */
        private int length;

        Builder() {
            this(8);
        }

        /** A builder with room for {@code runs} runs before it grows. */
        Builder(int runs) {
            starts = new int[Math.max(1, runs)];
            origins = new int[starts.length];
        }

        /** One decoded char whose source is at original offset {@code origin}. */
        void add(int origin) {
            if (count > 0) {
                int k = count - 1;
                int o = origins[k];
                int runLength = length - starts[k];
                if (o >= 0 ? o + runLength == origin : ~o == origin) {
                    length++;
                    return;
                }
                if (runLength == 1 && o == origin) {
                    origins[k] = ~origin;
                    length++;
                    return;
                }
            }
            newRun(origin);
            length++;
        }

        /** {@code n} decoded chars whose sources are consecutive from original offset {@code origin}. */
        void addAdvancing(int origin, int n) {
            if (n <= 0) {
                return;
            }
            if (count > 0) {
                int k = count - 1;
                int o = origins[k];
                int runLength = length - starts[k];
                if (o >= 0 && o + runLength == origin) {
                    length += n;
                    return;
                }
            }
            newRun(origin);
            length += n;
        }

        /**
         * {@code n} decoded chars that all come from original offset {@code origin} (a base64 quantum's bytes):
         * one run for all of them, or the last run extended when it is shared by the same offset. The offsets
         * are those of {@code n} calls of {@link #add}; only a single char may be held as a shared run where
         * {@code add} would start an advancing one, which maps it the same.
         */
        void addShared(int origin, int n) {
            if (n <= 0) {
                return;
            }
            if (count == 0 || origins[count - 1] != ~origin) {
                newRun(~origin);
            }
            length += n;
        }

        OffsetRuns build() {
            return new OffsetRuns(starts, origins, count);
        }

        private void newRun(int origin) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                origins = Arrays.copyOf(origins, count * 2);
            }
            starts[count] = length;
            origins[count] = origin;
            count++;
        }
    }
}
