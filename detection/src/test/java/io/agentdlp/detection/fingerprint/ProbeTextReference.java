package io.agentdlp.detection.fingerprint;

import java.util.Arrays;

/**
 * {@link ProbeText} as it was before the fingerprinting round of 2026-11-24 (a full walk of the text per
 * JSON level, the line rewrite always into a new copy), kept as the reference the optimised decoding must
 * equal char for char and line for line ({@link ProbeTextEquivalenceTest}). Decoding is part of the
 * fingerprint format: any difference would change fingerprints without a format version bump.
 */
record ProbeTextReference(char[] chars, int length, int[] lineMap) {
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
        return line < lineMap.length ? lineMap[line] : lineMap[lineMap.length - 1];
    }

    static ProbeTextReference decode(CharSequence text) {
        return decode(text, new char[0]);
    }

    /** Decodes {@code text}, copying it into {@code scratch} when that is large enough (no allocation). */
    static ProbeTextReference decode(CharSequence text, char[] scratch) {
        int n = text.length();
        char[] chars = scratch.length >= n ? scratch : new char[n];
        if (text instanceof String s) {
            s.getChars(0, n, chars, 0);
        } else {
            for (int i = 0; i < n; i++) {
                chars[i] = text.charAt(i);
            }
        }
        ProbeTextReference t = new ProbeTextReference(chars, n, null);
        for (int depth = 0; depth < MAX_JSON_DEPTH; depth++) {
            ProbeTextReference next = t.unescapeJsonDocuments();
            if (next == t) {
                break;
            }
            t = next;
        }
        return t.rewriteLines();
    }

    private ProbeTextReference unescapeJsonDocuments() {
        char[] a = chars;
        int n = length;
        if (!containsEscapedNewline(a, n)) {
            return this;
        }
        Builder out = null;
        int line = 1;
        int copiedUpTo = 0;
        int copiedLine = 1;
        int i = 0;
        while (i < n) {
            char c = a[i];
            // one comparison for most chars: '\n' and '"' are the only ones that matter here, both below '#'
            if (c > '"') {
                i++;
                continue;
            }
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c != '"') {
                i++;
                continue;
            }
            int j = i + 1;
            int escapedNewlines = 0;
            while (j < n) {
                char d = a[j];
                // letters and most punctuation are above '\\', which is above '"' and '\n'
                if (d > '\\') {
                    j++;
                    continue;
                }
                if (d == '"' || d == '\n') {
                    break;
                }
                if (d != '\\') {
                    j++;
                    continue;
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
                    out = new Builder(n);
                }
                out.copy(a, copiedUpTo, i, this, copiedLine);
                out.newline(originalLine(line));
                unescape(a, i + 1, j, out, originalLine(line));
                out.newline(originalLine(line));
                copiedUpTo = j + 1;
                copiedLine = line;
            }
            i = j + 1;
        }
        if (out == null) {
            return this;
        }
        out.copy(a, copiedUpTo, n, this, copiedLine);
        return out.build();
    }

    private static boolean containsEscapedNewline(char[] a, int n) {
        for (int i = 0; i + 1 < n; i++) {
            if (a[i] == '\\' && a[i + 1] == 'n') {
                return true;
            }
        }
        return false;
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
                        out.append((char) Integer.parseInt(new String(a, i, 4), 16));
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

    private ProbeTextReference rewriteLines() {
        if (!hasDecoratedLine()) {
            return this;
        }
        char[] a = chars;
        int n = length;
        Builder out = new Builder(n);
        Hunk hunk = null;
        int line = 1;
        int start = 0;
        while (start <= n) {
            int end = start;
            while (end < n && a[end] != '\n') {
                end++;
            }
            int content = afterLineNumber(a, start, end);
            int original = originalLine(line);
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
                hunk = new Hunk();
                content = end;
            } else if (isFence(a, content, end) || isDiffHeader(a, content, end)) {
                content = end;
            }
            out.newline(original);
            out.append(a, content, end);
            start = end + 1;
            line++;
        }
        if (hunk != null) {
            hunk.flush(out);
        }
        return out.build();
    }

    private boolean hasDecoratedLine() {
        char[] a = chars;
        int n = length;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && a[end] != '\n') {
                end++;
            }
            if (mayBeDecorated(a, start, end)) {
                int content = afterLineNumber(a, start, end);
                if (content != start || startsWith(a, content, end, "@@ -") || isFence(a, content, end)
                        || isDiffHeader(a, content, end)) {
                    return true;
                }
            }
            start = end + 1;
        }
        return false;
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

    /** The two sides of one diff hunk, collected until the hunk ends. */
    private static final class Hunk {
        private final Builder oldSide = new Builder(256);
        private final Builder newSide = new Builder(256);

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

        Builder(int capacity) {
            chars = new char[Math.max(16, capacity)];
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

        /** Copies {@code a[from, to)} of {@code source}, whose first char is on source line {@code line}. */
        void copy(char[] a, int from, int to, ProbeTextReference source, int line) {
            int l = line;
            if (lines == 0) {
                addLine(source.originalLine(l));
            }
            int i = from;
            while (i < to) {
                int run = i;
                while (run < to && a[run] != '\n') {
                    run++;
                }
                append(a, i, run);
                if (run < to) {
                    l++;
                    newline(source.originalLine(l));
                }
                i = run + 1;
            }
        }

        ProbeTextReference build() {
            return new ProbeTextReference(chars, length, Arrays.copyOf(map, lines + 1));
        }
    }
}
