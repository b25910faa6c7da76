package io.agentdlp.detection.text;

/** Appends decoded chars while recording, for each, the original offset of its source in the parent rendering. */
final class DecodedTextBuilder {
    private final DecodedText parent;
    private final int depth;
    private char[] chars;
    private int[] origin;
    private int length;

    DecodedTextBuilder(DecodedText parent, int capacity, int depth) {
        this.parent = parent;
        this.depth = depth;
        this.chars = new char[Math.max(16, capacity)];
        this.origin = new int[chars.length + 1];
    }

    void append(char c, int parentIndex) {
        if (length == chars.length) {
            grow();
        }
        chars[length] = c;
        origin[length] = parent.originalOffset(parentIndex);
        length++;
    }

    /** Copies parent chars {@code [from, to)} unchanged. */
    void copy(int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        while (length + n > chars.length) {
            grow();
        }
        System.arraycopy(parent.buffer(), from, chars, length, n);
        int[] parentOrigin = parent.originMap();
        if (parentOrigin == null) {
            for (int k = 0; k < n; k++) {
                origin[length + k] = from + k;
            }
        } else {
            System.arraycopy(parentOrigin, from, origin, length, n);
        }
        length += n;
    }

    DecodedText build(int parentEnd) {
        origin[length] = parent.originalOffset(parentEnd);
        return DecodedText.mapped(parent.original(), chars, length, origin, depth);
    }

    private void grow() {
        int n = chars.length * 2;
        chars = java.util.Arrays.copyOf(chars, n);
        origin = java.util.Arrays.copyOf(origin, n + 1);
    }
}
