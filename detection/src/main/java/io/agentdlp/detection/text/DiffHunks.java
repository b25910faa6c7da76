package io.agentdlp.detection.text;

/**
 * Whether the lines of a text, read in order, are inside a unified-diff hunk (after an {@code @@ -a,b +c,d @@}
 * header), and so how long the {@code '+'}, {@code '-'} or {@code ' '} marker to cut from each is. One rule for
 * {@link LinePrefixStripper} and {@link OnePassNormalizer}, whose renderings must be the same.
 */
final class DiffHunks {
    private boolean inside;

    /**
     * The length (0 or 1) of the diff marker of the line {@code buf[i, eol)}; call it for every line, in order.
     * A header line starts a hunk; inside one, a line starting with another char (an empty line or a
     * {@code \ No newline} note excepted) ends it.
     */
    int markerLength(char[] buf, int i, int eol) {
        if (eol - i >= 3 && buf[i] == '@' && buf[i + 1] == '@' && buf[i + 2] == ' ') {
            inside = true;
            return 0;
        }
        if (!inside) {
            return 0;
        }
        char c = buf[i];
        if (c == '+' || c == '-' || c == ' ') {
            return 1;
        }
        if (i != eol && c != '\\') {
            inside = false;
        }
        return 0;
    }
}
