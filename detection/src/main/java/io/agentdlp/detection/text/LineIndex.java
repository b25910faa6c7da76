package io.agentdlp.detection.text;

import java.util.Arrays;

/** Maps char offsets of a text to 1-based line and column numbers ({@code \n} ends a line). */
public final class LineIndex {
    private final int[] lineStarts;
    private final int lines;

    private LineIndex(int[] lineStarts, int lines) {
        this.lineStarts = lineStarts;
        this.lines = lines;
    }

    /** The index whose lines start at {@code starts[0, count)} (the first at 0, in increasing order). */
    static LineIndex over(int[] starts, int count) {
        return new LineIndex(starts, count);
    }

    public static LineIndex of(CharSequence text) {
        return of(text, text.length());
    }

    /** Index of the first {@code limit} chars of {@code text}. */
    public static LineIndex of(CharSequence text, int limit) {
        int[] starts = new int[16];
        int n = 1;
        int len = Math.min(limit, text.length());
        if (text instanceof String s) {
            // String.indexOf is vectorised; this index is built for every text with findings
            for (int i = s.indexOf('\n'); i >= 0 && i < len; i = s.indexOf('\n', i + 1)) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
            return new LineIndex(starts, n);
        }
        for (int i = 0; i < len; i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return new LineIndex(starts, n);
    }

    /** 1-based line of {@code offset}. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, 0, lines, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of {@code offset} within its line, in chars. */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** Offset where 1-based {@code line} starts. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    public int lineCount() {
        return lines;
    }
}
