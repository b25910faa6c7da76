package io.agentdlp.detection.text;

/** Appends decoded chars while recording, for each, the original offset of its source in the parent rendering. */
final class DecodedTextBuilder {
    private final DecodedText parent;
    private final OffsetRuns parentRuns;
    private final int depth;
    private final RenderingBuffers buffers;
    private final OffsetRuns.Builder runs;
    private char[] chars;
    private int length;
    /** The parent run read last: decoders read their parent in increasing order, so lookups move forward. */
    private int parentRun;

    DecodedTextBuilder(DecodedText parent, int capacity, int depth, RenderingBuffers buffers) {
        this(parent, capacity, 8, depth, buffers);
    }

    /** As the other constructor, with room for {@code runCapacity} offset runs before they grow. */
    DecodedTextBuilder(DecodedText parent, int capacity, int runCapacity, int depth, RenderingBuffers buffers) {
        this.runs = new OffsetRuns.Builder(runCapacity);
        this.parent = parent;
        this.parentRuns = parent.offsetRuns();
        this.depth = depth;
        this.buffers = buffers;
        this.chars = buffers.take(Math.max(16, capacity));
    }

    void append(char c, int parentIndex) {
        if (length == chars.length) {
            grow(length + 1);
        }
        chars[length] = c;
        runs.add(parentOffset(parentIndex));
        length++;
    }

    /**
     * Appends {@code src[0, n)}, decoded from the parent's base64 run that starts at {@code parentStart}: each
     * group of three chars (the last may be shorter) comes from the parent char that starts its quantum, the
     * run's chars taken in fours with line breaks not counted.
     */
    void appendQuanta(char[] src, int n, int parentStart) {
        if (length + n > chars.length) {
            grow(length + n);
        }
        System.arraycopy(src, 0, chars, length, n);
        length += n;
        char[] p = parent.buffer();
        int seen = 0;
        int q = 0;
        for (int i = parentStart; q < n; i++) {
            char c = p[i];
            if (c == '\n' || c == '\r') {
                continue;
            }
            if ((seen++ & 3) == 0) {
                runs.addShared(parentOffset(i), Math.min(3, n - q));
                q += 3;
            }
        }
    }

    /** Copies parent chars {@code [from, to)} unchanged. */
    void copy(int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        if (length + n > chars.length) {
            grow(length + n);
        }
        System.arraycopy(parent.buffer(), from, chars, length, n);
        length += n;
        if (parentRuns == null) {
            runs.addAdvancing(from, n);
            return;
        }
        int i = from;
        int k = parentRunAt(from);
        while (i < to) {
            int pieceEnd = Math.min(to, parentRuns.nextStart(k));
            if (parentRuns.advances(k)) {
                runs.addAdvancing(parentRuns.offsetIn(k, i), pieceEnd - i);
            } else {
                int o = parentRuns.offsetIn(k, i);
                for (int q = i; q < pieceEnd; q++) {
                    runs.add(o);
                }
            }
            i = pieceEnd;
            k++;
        }
        parentRun = k - 1;
    }

    DecodedText build(int parentEnd) {
        return DecodedText.mapped(parent.original(), chars, length, runs.build(), parent.originalOffset(parentEnd), depth);
    }

    private int parentOffset(int parentIndex) {
        if (parentRuns == null) {
            return parentIndex;
        }
        if (parentIndex >= parent.length()) {
            return parent.originalOffset(parentIndex);
        }
        int k = parentRunAt(parentIndex);
        parentRun = k;
        return parentRuns.offsetIn(k, parentIndex);
    }

    private int parentRunAt(int parentIndex) {
        int k = parentRun;
        if (parentIndex < parentRuns.nextStart(k) && (k == 0 || parentIndex >= parentRuns.nextStart(k - 1))) {
            return k;
        }
        if (parentIndex >= parentRuns.nextStart(k) && parentIndex < parentRuns.nextStart(k + 1)) {
            return k + 1;
        }
        return parentRuns.runAt(parentIndex, parentIndex >= parentRuns.nextStart(k) ? k : 0);
    }

    private void grow(int atLeast) {
        char[] larger = buffers.take(Math.max(atLeast, chars.length * 2));
        System.arraycopy(chars, 0, larger, 0, length);
        chars = larger;
    }
}
