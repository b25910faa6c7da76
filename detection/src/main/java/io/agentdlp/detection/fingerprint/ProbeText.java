package io.agentdlp.detection.fingerprint;

import java.util.Arrays;

/**
 * The text the lexer reads, after undoing the wrappings agents put around code, with a map from each of
 * its lines back to the line of the original text:
 * <ol>
 *   <li>JSON string literals that hold a multi-line document (at least {@value #MIN_ESCAPED_NEWLINES}
 *       {@code \n} escapes and {@value #MIN_JSON_STRING} chars: the body of an LLM API request or a hook
 *       payload) are unescaped in place, up to {@value #MAX_JSON_DEPTH} times for JSON inside JSON. Short
 *       literals are left alone, so that code with {@code "a\nb"} literals keeps its tokens;</li>
 *   <li>line-number prefixes of tool output ({@code "     1\t"}, {@code "    12→"}) are removed;</li>
 *   <li>markdown fence lines ({@code ```java}, {@code ~~~}) become blank;</li>
 *   <li>unified-diff hunks become two texts, the old side (context and {@code -} lines) followed by the
 *       new side (context and {@code +} lines), so each side is a verbatim stretch of one version of the
 *       file; {@code diff --git}, {@code --- a/}, {@code +++ b/} headers become blank.</li>
 * </ol>
 * The same decoding runs on indexed files and on probes, so whatever it does to a file is done
 * identically to a verbatim copy of it. When nothing applies the original chars are used unchanged.
 *
 * @param chars   decoded text (only the first {@code length} chars are meaningful)
 * @param length  decoded length
 * @param lineMap original line of each decoded line (index 1..), or null when lines are unchanged
 * @param lineStarts offset of the first char of each decoded line (index 1..; every line break of
 *                   {@code chars} ends one), or null when not known
 * @param lines   the last line {@code lineMap} and {@code lineStarts} hold: they are the arrays of the
 *                {@link Buffers} that decoded the text, as long as the largest text seen, so that a
 *                decoding copies none of them (0 without a line map)
 */
record ProbeText(char[] chars, int length, int[] lineMap, int[] lineStarts, int lines) {
    static final int MIN_ESCAPED_NEWLINES = 2;
    static final int MIN_JSON_STRING = 40;
    static final int MAX_JSON_DEPTH = 3;
    private static final int MAX_LINE_NUMBER_DIGITS = 7;
    private static final char ARROW = '\u2192';

    /** Original line of decoded line {@code line}. */
    int originalLine(int line) {
        if (lineMap == null) {
            return line;
        }
        return line <= lines ? lineMap[line] : lineMap[lines];
    }

    static ProbeText decode(CharSequence text) {
        return decode(text, new Buffers(0));
    }

    /**
     * Decodes {@code text} in {@code buffers}, which grow to the largest text seen: the result is valid until
     * the next decoding in the same buffers.
     */
    static ProbeText decode(CharSequence text, Buffers buffers) {
        int n = text.length();
        if (buffers.text.length < n) {
            buffers.text = new char[n];
        }
        char[] chars = buffers.text;
        if (text instanceof String s) {
            s.getChars(0, n, chars, 0);
        } else {
            for (int i = 0; i < n; i++) {
                chars[i] = text.charAt(i);
            }
        }
        ProbeText t = new ProbeText(chars, n, null, null, 0);
        String whole = text instanceof String s ? s : new String(chars, 0, n);
        // a string that did not hold a document at one level cannot hold one at the next (strings end at
        // line breaks and every decoded document is on lines of its own), so deeper levels only walk the
        // documents decoded by the level before
        int[] documents = {0, n};
        int documentCount = 1;
        for (int depth = 0; depth < MAX_JSON_DEPTH; depth++) {
            // a level reads the builder the level before wrote, so two builders take turns
            Builder out = t.unescapeJsonDocuments(documents, documentCount, whole, buffers.levels[depth & 1]);
            if (out == null) {
                break;
            }
            documents = out.documents;
            documentCount = out.documentCount;
            t = out.build();
            // every search of the next level and of the line rewrite runs on a string of the decoded chars
            // (String.indexOf is vectorised)
            whole = new String(t.chars, 0, t.length);
        }
        return t.rewriteLines(whole, buffers);
    }

    /**
     * Unescapes the document strings that start inside {@code documents} (pairs of from/to offsets) into
     * {@code target}, or returns null when there are none. {@code whole} is a string of this text's chars.
     */
    private Builder unescapeJsonDocuments(int[] documents, int documentCount, String whole, Builder target) {
        char[] a = chars;
        int n = length;
        if (!anyEscapedNewline(whole, documents, documentCount)) {
            return null;
        }
        Builder out = null;
        int copiedUpTo = 0;
        int copiedLine = 1;
        // documents come in order, so the stops only move forward
        Stops stops = new Stops(whole);
        for (int d = 0; d < documentCount; d++) {
            int i = documents[2 * d];
            int to = documents[2 * d + 1];
            while (i < to) {
                i = stops.quote(i);
                if (i >= to) {
                    break;
                }
                int j = i + 1;
                int escapedNewlines = 0;
                while (j < n) {
                    // a document ends before a line break, so a string that does not close inside it stops
                    // at that break
                    j = stops.any(j);
                    if (j >= n) {
                        break;
                    }
                    char c = a[j];
                    if (c == '"' || c == '\n') {
                        break;
                    }
                    int run = 0;
                    while (j < n && a[j] == '\\') {
                        run++;
                        j++;
                    }
                    // \n, and \\n of a document escaped twice, both announce a multi-line document
                    if (j < n && a[j] == 'n') {
                        escapedNewlines++;
                    }
                    if ((run & 1) == 1 && j < n && a[j] != '\n') {
                        j++;
                    }
                }
                if (j >= n || a[j] != '"') {
                    i = j;
                    continue;
                }
                if (escapedNewlines >= MIN_ESCAPED_NEWLINES && j - i >= MIN_JSON_STRING) {
                    if (out == null) {
                        out = target;
                        out.reset(n);
                    }
                    int line = out.copy(a, whole, copiedUpTo, i, this, copiedLine);
                    int original = originalLine(line);
                    out.newline(original);
                    int documentStart = out.length;
                    unescape(a, i + 1, j, out, original);
                    out.addDocument(documentStart, out.length);
                    out.newline(original);
                    // a string holds no line break: the line of its closing quote is the line it opened on
                    copiedUpTo = j + 1;
                    copiedLine = line;
                }
                i = j + 1;
            }
        }
        if (out == null) {
            return null;
        }
        out.copy(a, whole, copiedUpTo, n, this, copiedLine);
        return out;
    }

    /** Whether a {@code \n} escape lies inside one of the documents (ascending from/to pairs) of {@code text}. */
    private static boolean anyEscapedNewline(String text, int[] documents, int documentCount) {
        int escape = -1;
        for (int d = 0; d < documentCount; d++) {
            if (escape < documents[2 * d]) {
                escape = text.indexOf("\\n", documents[2 * d]);
                if (escape < 0) {
                    return false;
                }
            }
            if (escape + 2 <= documents[2 * d + 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next quote, backslash and line break of the text at or after a position, found with
     * {@link String#indexOf(int, int)} (vectorised by the JVM): positions only move forward, so each char
     * is searched at most once per kind. Where none follows, the end of the text.
     */
    private static final class Stops {
        private final String text;
        private int quote = -1;
        private int backslash = -1;
        private int newline = -1;

        Stops(String text) {
            this.text = text;
        }

        int quote(int from) {
            if (quote < from) {
                quote = find('"', from);
            }
            return quote;
        }

        int any(int from) {
            if (quote < from) {
                quote = find('"', from);
            }
            if (backslash < from) {
                backslash = find('\\', from);
            }
            if (newline < from) {
                newline = find('\n', from);
            }
            return Math.min(quote, Math.min(backslash, newline));
        }

        private int find(char c, int from) {
            int p = text.indexOf(c, from);
            return p < 0 ? text.length() : p;
        }
    }

    private static void unescape(char[] a, int from, int to, Builder out, int originalLine) {
        int i = from;
        while (i < to) {
            int run = i;
            while (run < to && a[run] != '\\') {
                run++;
            }
            out.append(a, i, run);
            i = run;
            if (i >= to) {
                break;
            }
            if (i + 1 >= to) {
                out.append(a[i]);
                i++;
                continue;
            }
            char e = a[i + 1];
            i += 2;
            switch (e) {
                case 'n' -> out.newline(originalLine);
                case 't' -> out.append('\t');
                case 'r' -> { }
                case 'b', 'f' -> out.append(' ');
                case 'u' -> {
                    if (i + 4 <= to && isHex(a, i, 4)) {
                        char u = (char) Integer.parseInt(new String(a, i, 4), 16);
                        if (u == '\n') {
                            out.strayLineBreaks = true;
                        }
                        out.append(u);
                        i += 4;
                    } else {
                        out.append('\\');
                        out.append('u');
                    }
                }
                default -> out.append(e);
            }
        }
    }

    private static boolean isHex(char[] a, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (Character.digit(a[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code same} is a string of this text's chars, searched with {@link String#indexOf} (vectorised). */
    private ProbeText rewriteLines(String same, Buffers buffers) {
        if (same.indexOf("@@ -") < 0) {
            return rewriteLinesInPlace(same);
        }
        char[] a = chars;
        int n = length;
        Builder out = buffers.rewritten;
        out.reset(n);
        Hunk hunk = null;
        // a run of plain lines outside hunks is copied at once: a[runFrom, runTo), with the line break
        // before its first line, goes to out at runOut
        int runFrom = -1;
        int runTo = 0;
        int runOut = 0;
        int line = 1;
        int start = 0;
        while (start <= n) {
            int end = lineEnd(same, start, line);
            int original = originalLine(line);
            if (hunk == null && !mayBeDecorated(a, start, end)) {
                if (runFrom < 0) {
                    runFrom = start == 0 ? 0 : start - 1;
                    runOut = out.length;
                }
                out.addLineAt(original, runOut + start - runFrom);
                runTo = end;
                start = end + 1;
                line++;
                continue;
            }
            if (runFrom >= 0) {
                out.append(a, runFrom, runTo);
                runFrom = -1;
            }
            int content = afterLineNumber(a, start, end);
            if (hunk != null) {
                char marker = content < end ? a[content] : ' ';
                if (marker == ' ' || marker == '+' || marker == '-' || marker == '\\') {
                    if (marker != '\\') {
                        hunk.add(marker, a, Math.min(content + 1, end), end, original);
                    }
                    start = end + 1;
                    line++;
                    continue;
                }
                hunk.flush(out);
                hunk = null;
            }
            if (startsWith(a, content, end, "@@ -")) {
                hunk = buffers.hunk;
                hunk.clear();
                content = end;
            } else if (isFence(a, content, end) || isDiffHeader(a, content, end)) {
                content = end;
            }
            out.newline(original);
            out.append(a, content, end);
            start = end + 1;
            line++;
        }
        if (runFrom >= 0) {
            out.append(a, runFrom, runTo);
        }
        if (hunk != null) {
            hunk.flush(out);
        }
        return out.build();
    }

    /**
     * Without diff hunks every line stays one line in its place, so prefixes are cut and fences and diff
     * headers blanked inside {@code chars} (this record's own copy), and the line map stays as it is.
     */
    private ProbeText rewriteLinesInPlace(String same) {
        char[] a = chars;
        int n = length;
        // a[from, n) has not moved yet; it belongs at written. Chars move only to before the line being
        // read, so the lines found in same are those of a
        int written = 0;
        int from = 0;
        int start = 0;
        int line = 1;
        while (start < n) {
            int end = lineEnd(same, start, line);
            if (mayBeDecorated(a, start, end)) {
                int content = afterLineNumber(a, start, end);
                if (isFence(a, content, end) || isDiffHeader(a, content, end)) {
                    content = end;
                }
                if (content != start) {
                    System.arraycopy(a, from, a, written, start - from);
                    written += start - from;
                    from = content;
                }
            }
            start = end + 1;
            line++;
        }
        if (from == 0) {
            return this;
        }
        System.arraycopy(a, from, a, written, n - from);
        return new ProbeText(a, written + n - from, lineMap, null, lines);
    }

    /**
     * Offset of the line break that ends {@code line}, which starts at {@code start}, or the length: from the
     * line starts a JSON level recorded when there are, else searched in {@code same}.
     */
    private int lineEnd(String same, int start, int line) {
        if (lineStarts != null) {
            return line < lines ? lineStarts[line + 1] - 1 : length;
        }
        int end = same.indexOf('\n', start);
        return end < 0 ? length : end;
    }

    /**
     * False when the line cannot start with a line number, a hunk header, a fence or a diff header: its
     * first char is none of {@code @ d - +} and its first char after blanks is no digit, backtick or tilde.
     */
    private static boolean mayBeDecorated(char[] a, int start, int end) {
        if (start >= end) {
            return false;
        }
        char first = a[start];
        if (first == '@' || first == 'd' || first == '-' || first == '+') {
            return true;
        }
        int i = start;
        while (i < end && (a[i] == ' ' || a[i] == '\t')) {
            i++;
        }
        if (i >= end) {
            return false;
        }
        char c = a[i];
        return (c >= '0' && c <= '9') || c == '`' || c == '~';
    }

    /** Offset of the content after a {@code "   12\t"} or {@code "   12→"} prefix, or {@code start}. */
    private static int afterLineNumber(char[] a, int start, int end) {
        int i = start;
        while (i < end && a[i] == ' ') {
            i++;
        }
        int digits = i;
        while (i < end && a[i] >= '0' && a[i] <= '9') {
            i++;
        }
        int count = i - digits;
        if (count == 0 || count > MAX_LINE_NUMBER_DIGITS || i >= end) {
            return start;
        }
        return a[i] == '\t' || a[i] == ARROW ? i + 1 : start;
    }

    private static boolean isFence(char[] a, int start, int end) {
        int i = start;
        while (i < end && (a[i] == ' ' || a[i] == '\t')) {
            i++;
        }
        return startsWith(a, i, end, "```") || startsWith(a, i, end, "~~~");
    }

    private static boolean isDiffHeader(char[] a, int start, int end) {
        return startsWith(a, start, end, "diff --git ") || startsWith(a, start, end, "--- a/")
                || startsWith(a, start, end, "+++ b/") || startsWith(a, start, end, "--- /dev/null")
                || startsWith(a, start, end, "+++ /dev/null");
    }

    private static boolean startsWith(char[] a, int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (a[start + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The arrays one thread's decoding reuses from text to text: the copy of the input, a builder per JSON
     * level (two, taking turns), the rewritten text and the sides of a diff hunk.
     */
    static final class Buffers {
        private char[] text;
        private final Builder[] levels = {new Builder(256), new Builder(256)};
        private final Builder rewritten = new Builder(256);
        private final Hunk hunk = new Hunk();

        Buffers(int capacity) {
            text = new char[capacity];
        }

        /** Length of the largest array held, for callers that drop buffers a huge text grew. */
        int largest() {
            int chars = Math.max(text.length, Math.max(levels[0].chars.length, levels[1].chars.length));
            chars = Math.max(chars, Math.max(rewritten.chars.length, hunk.largest()));
            int lines = Math.max(Math.max(levels[0].map.length, levels[1].map.length), rewritten.map.length);
            return Math.max(chars, lines);
        }
    }

    /** The two sides of one diff hunk, collected until the hunk ends. */
    private static final class Hunk {
        private final Builder oldSide = new Builder(256);
        private final Builder newSide = new Builder(256);

        void clear() {
            oldSide.reset(0);
            newSide.reset(0);
        }

        int largest() {
            return Math.max(Math.max(oldSide.chars.length, newSide.chars.length),
                    Math.max(oldSide.map.length, newSide.map.length));
        }

        void add(char marker, char[] a, int from, int to, int original) {
            if (marker != '+') {
                oldSide.newline(original);
                oldSide.append(a, from, to);
            }
            if (marker != '-') {
                newSide.newline(original);
                newSide.append(a, from, to);
            }
        }

        /** Appends the old side, then the new side, line by line. */
        void flush(Builder out) {
            for (Builder side : new Builder[] {oldSide, newSide}) {
                for (int l = 1; l <= side.lines; l++) {
                    out.newline(side.map[l]);
                    out.append(side.chars, side.lineStart(l), side.lineEnd(l));
                }
            }
        }
    }

    /** Growable decoded text with the original line of each of its lines. */
    private static final class Builder {
        char[] chars;
        int length;
        int[] map = new int[64];
        int[] starts = new int[64];
        int lines;
        int[] documents = new int[8];
        int documentCount;
        /** Whether a line break was appended as a char (a {@code \u000a} escape) rather than by a new line. */
        boolean strayLineBreaks;

        Builder(int capacity) {
            chars = new char[Math.max(16, capacity)];
        }

        /** Empties the builder for reuse, with room for {@code capacity} chars. */
        void reset(int capacity) {
            if (chars.length < capacity) {
                chars = new char[capacity];
            }
            length = 0;
            lines = 0;
            documentCount = 0;
            strayLineBreaks = false;
        }

        /** Starts a new line (the first call starts line 1 without a line break). */
        void newline(int original) {
            if (lines == 0) {
                addLine(original);
                return;
            }
            append('\n');
            addLine(original);
        }

        /** Adds a line whose chars start at {@code start} and are appended later. */
        void addLineAt(int original, int start) {
            addLine(original);
            starts[lines] = start;
        }

        private void addLine(int original) {
            lines++;
            if (lines >= map.length) {
                map = Arrays.copyOf(map, map.length * 2);
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            map[lines] = original;
            starts[lines] = length;
        }

        int lineStart(int l) {
            return starts[l];
        }

        int lineEnd(int l) {
            return l < lines ? starts[l + 1] - 1 : length;
        }

        void append(char c) {
            if (length == chars.length) {
                chars = Arrays.copyOf(chars, chars.length * 2);
            }
            chars[length++] = c;
        }

        void append(char[] a, int from, int to) {
            int len = to - from;
            if (len <= 0) {
                return;
            }
            if (length + len > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + len));
            }
            System.arraycopy(a, from, chars, length, len);
            length += len;
        }

        /**
         * Copies {@code a[from, to)} of {@code source}, whose first char is on source line {@code line}, and
         * returns the source line of {@code a[to]}. {@code same} is a string of the same chars as {@code a},
         * searched for line breaks with {@link String#indexOf(int, int)} (vectorised).
         */
        int copy(char[] a, String same, int from, int to, ProbeText source, int line) {
            int l = line;
            if (lines == 0) {
                addLine(source.originalLine(l));
            }
            int base = length;
            append(a, from, to);
            for (int i = same.indexOf('\n', from); i >= 0 && i < to; i = same.indexOf('\n', i + 1)) {
                l++;
                addLine(source.originalLine(l));
                starts[lines] = base + (i - from) + 1;
            }
            return l;
        }

        /** Records the decoded document at {@code chars[from, to)}. */
        void addDocument(int from, int to) {
            if (2 * documentCount + 2 > documents.length) {
                documents = Arrays.copyOf(documents, documents.length * 2);
            }
            documents[2 * documentCount] = from;
            documents[2 * documentCount + 1] = to;
            documentCount++;
        }

        /** The decoded text, sharing this builder's arrays: valid until the builder is reset. */
        ProbeText build() {
            return new ProbeText(chars, length, map, strayLineBreaks ? null : starts, lines);
        }
    }
}
