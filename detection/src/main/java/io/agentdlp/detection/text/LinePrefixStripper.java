package io.agentdlp.detection.text;

/**
 * Removes line decorations that tools add around file content, so that multi-line secrets (PEM blocks)
 * and line-anchored assignments read as in the file:
 * <ul>
 *   <li>line numbers of {@code cat -n} and agent file readers: {@code "     1\t"} or {@code "     1→"}, at
 *       a line start or right after a double quote (the first line of a tool result inside JSON);</li>
 *   <li>the {@code '+'}, {@code '-'} or {@code ' '} marker of lines inside unified-diff hunks (after an
 *       {@code @@ -a,b +c,d @@} header);</li>
 *   <li>ISO-8601 timestamps that CI runners put before every log line ({@code 2025-03-01T10:15:00.123Z }).</li>
 * </ul>
 */
public final class LinePrefixStripper {
    private static final int MAX_LINE_NUMBER_DIGITS = 7;
    private static final char ARROW = '\u2192';

    private LinePrefixStripper() {
    }

    /** Returns {@code in} itself when no line carries such a prefix. */
    public static DecodedText strip(DecodedText in) {
        return strip(in, RenderingBuffers.unpooled());
    }

    /** As {@link #strip(DecodedText)}, decoding into {@code buffers}. */
    public static DecodedText strip(DecodedText in, RenderingBuffers buffers) {
        int n = in.length();
        char[] buf = in.buffer();
        // one pass records the prefixes to cut as [start, end) pairs; most texts have none and are not copied
        int[] cuts = null;
        int cutCount = 0;
        DiffHunks hunks = new DiffHunks();
        int i = 0;
        while (i < n) {
            int eol = endOfLine(in, i);
            int content = i + hunks.markerLength(buf, i, eol);
            content += timestampPrefix(buf, content, eol);
            content += lineNumberPrefix(buf, content, eol);
            if (content > i) {
                cuts = addCut(cuts, cutCount, i, content);
                cutCount += 2;
            }
            for (int q = content; q < eol; q++) {
                if (buf[q] == '"' && q + 1 < eol && (buf[q + 1] == ' ' || isDigit(buf[q + 1]))) {
                    int skip = lineNumberPrefix(buf, q + 1, eol);
                    if (skip > 0) {
                        cuts = addCut(cuts, cutCount, q + 1, q + 1 + skip);
                        cutCount += 2;
                        q += skip;
                    }
                }
            }
            i = eol + 1;
        }
        if (cutCount == 0) {
            return in;
        }
        DecodedTextBuilder out = new DecodedTextBuilder(in, n, in.depth(), buffers);
        int from = 0;
        for (int k = 0; k < cutCount; k += 2) {
            out.copy(from, cuts[k]);
            from = cuts[k + 1];
        }
        out.copy(from, n);
        return out.build(n);
    }

    static int[] addCut(int[] cuts, int count, int start, int end) {
        int[] c = cuts == null ? new int[16] : count + 2 > cuts.length ? java.util.Arrays.copyOf(cuts, cuts.length * 2) : cuts;
        c[count] = start;
        c[count + 1] = end;
        return c;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Length of a {@code spaces digits (TAB|→)} prefix at {@code from}, or 0. */
    static int lineNumberPrefix(char[] buf, int from, int eol) {
        int i = from;
        while (i < eol && i - from <= 16 && buf[i] == ' ') {
            i++;
        }
        int digitsStart = i;
        while (i < eol && i - digitsStart <= MAX_LINE_NUMBER_DIGITS && isDigit(buf[i])) {
            i++;
        }
        if (i == digitsStart || i - digitsStart > MAX_LINE_NUMBER_DIGITS || i >= eol) {
            return 0;
        }
        char sep = buf[i];
        return sep == '\t' || sep == ARROW ? i + 1 - from : 0;
    }

    /** Length of a {@code yyyy-mm-ddThh:mm:ss[.fff][Z] } prefix at {@code from}, or 0. */
    static int timestampPrefix(char[] buf, int from, int eol) {
        final String shape = "dddd-dd-ddTdd:dd:dd";
        if (eol - from < shape.length() + 1) {
            return 0;
        }
        for (int k = 0; k < shape.length(); k++) {
            char c = buf[from + k];
            char want = shape.charAt(k);
            if (want == 'd' ? c < '0' || c > '9' : c != want) {
                return 0;
            }
        }
        int i = from + shape.length();
        if (buf[i] == '.') {
            i++;
            while (i < eol && buf[i] >= '0' && buf[i] <= '9') {
                i++;
            }
        }
        if (i < eol && buf[i] == 'Z') {
            i++;
        }
        return i < eol && buf[i] == ' ' ? i + 1 - from : 0;
    }

    private static int endOfLine(DecodedText in, int from) {
        char[] c = in.buffer();
        int n = in.length();
        for (int i = from; i < n; i++) {
            if (c[i] == '\n') {
                return i;
            }
        }
        return n;
    }
}
