package io.agentdlp.detection.text;

import java.util.Arrays;

/**
 * Where the lines of an original text start, recorded by the normalisation's walk over it (which stops at every
 * line feed anyway), so that the {@link LineIndex} of the findings need not walk the text again. Reused from
 * text to text on one thread.
 */
public final class LineStarts {
    private int[] starts = new int[16];
    private int count;
    /** Chars of the text whose line feeds are all recorded, or -1 while the record is incomplete. */
    private int coveredChars = -1;

    /** Forgets the previous text's lines. */
    void reset() {
        count = 1;
        coveredChars = -1;
    }

    /** A line starts at {@code offset}, past every one recorded so far. */
    void add(int offset) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = offset;
    }

    /** Every line feed of the text's first {@code chars} chars is recorded. */
    void complete(int chars) {
        coveredChars = chars;
    }

    /**
     * The index of the text's first {@code limit} chars, equal to {@code LineIndex.of(text, limit)} for every offset
     * below {@code limit}, or null when the walk did not record their line feeds. The index shares this record's
     * array: use it before the next text is recorded.
     */
    public LineIndex index(int limit) {
        return coveredChars >= 0 && limit <= coveredChars ? LineIndex.over(starts, count) : null;
    }
}
