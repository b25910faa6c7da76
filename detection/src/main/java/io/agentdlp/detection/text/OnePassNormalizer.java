package io.agentdlp.detection.text;

/**
 * {@link AgentText#normalize} in one walk over the text: JSON escapes are undone and the line prefixes of the
 * unescaped text are cut out as each line is complete, straight into one rendering. A line without escapes is
 * read where it is; a line with escapes is unescaped into a line buffer first, which remembers where each of
 * its pieces came from. A text whose unescaped form could hold a second level of escapes (a backslash
 * followed by an escape letter) is left to the layer-by-layer decoders, which handle it as before; agent
 * payloads are escaped once far more often.
 */
final class OnePassNormalizer {
    /**
     * Non-zero for backslash, line feed and double quote. A constant array over every {@code char} needs no
     * range check, so the search tests a char with one load and one branch (three compares cost more, and
     * three branches mispredict on text).
     */
    private static final byte[] SPECIAL = new byte[Character.MAX_VALUE + 1];

    static {
        SPECIAL['\\'] = 1;
        SPECIAL['\n'] = 1;
        SPECIAL['"'] = 1;
    }

    /**
     * Chars of an original text copied into a rendering's buffer per step of the walk, so that the walk reads them
     * while they are in the cache; a 10 MB text copied whole is out of it before the walk starts.
     */
    static final int FILL_STEP = 8192;
    /**
     * Chars past a special char the walk may read: a six-char unicode escape checked right after another (11 chars
     * on).
     */
    private static final int LOOKAHEAD = 16;

    private DecodedText in;
    private char[] src;
    private int n;
    /** The original text whose chars {@code src} receives as the walk goes, or null once all are there. */
    private CharSequence source;
    /** Chars {@code src[0, filled)} are there. */
    private int filled;
    /** Where the walk records the original's line starts, or null. */
    private LineStarts lines;
    private RenderingBuffers buffers;
    /** The rendering, created when the first char is dropped or changed; until then it would equal {@code in}. */
    private DecodedTextBuilder out;
    /** Kept input chars {@code [pendFrom, pendTo)}, not yet copied into {@code out}. */
    private int pendFrom;
    private int pendTo;

    /** Input index where the current line starts. */
    private int lineStart;
    /**
     * Indices of the current line's double quotes (line-buffer indices once the line has an escape), in order:
     * the search stops at each anyway, so the line's cuts after quotes are looked for at these only.
     */
    private int[] quotes = new int[16];
    private int quoteCount;
    private DiffHunks hunks;
    /** Cuts of the current line as {@code [start, end)} pairs, in the coordinates of the line's chars. */
    private int[] cuts = new int[8];
    private int cutCount;

    /** The current line unescaped, once it holds an escape: chars, and its pieces in order. */
    private boolean lineEscaped;
    private char[] lineChars = new char[256];
    private int lineLength;
    /** Line-buffer index where each piece starts. */
    private int[] pieceStart = new int[16];
    /** Input index of a piece of plain chars, or {@code ~index} of the escape a one-char piece was decoded from. */
    private int[] pieceSource = new int[16];
    private int pieceCount;
    /** Input index of the first char not yet in the line buffer (once the line has an escape). */
    private int lineCopied;

    /** A normaliser whose line buffers serve one text after another, on one thread (see {@link RenderingBuffers}). */
    OnePassNormalizer() {
    }

    static DecodedText normalize(DecodedText in, RenderingBuffers buffers) {
        return normalize(in, null, buffers, null);
    }

    /**
     * {@code normalize(DecodedText.of(text, limit, buffers), buffers)}, the text's chars copied into the identity
     * rendering's buffer a step ahead of the walk instead of all before it; a non-null {@code lines} receives
     * where the text's lines start.
     */
    static DecodedText normalize(CharSequence text, int limit, RenderingBuffers buffers, LineStarts lines) {
        int length = Math.min(limit, text.length());
        return normalize(DecodedText.ofBuffer(text, buffers.take(length), length), text, buffers, lines);
    }

    private static DecodedText normalize(DecodedText in, CharSequence source, RenderingBuffers buffers, LineStarts lines) {
        OnePassNormalizer pass = buffers.normalizer();
        try {
            return pass.normalizeOne(in, source, buffers, lines);
        } finally {
            // a pooled normaliser must not keep the scanned text reachable after the scan
            pass.in = null;
            pass.src = null;
            pass.source = null;
            pass.lines = null;
            pass.out = null;
        }
    }

    /** Normalises {@code text}; a non-null {@code source} is the original whose chars its buffer has yet to receive. */
    private DecodedText normalizeOne(DecodedText text, CharSequence source, RenderingBuffers into, LineStarts lineStarts) {
        in = text;
        src = text.buffer();
        n = text.length();
        this.source = source;
        filled = source == null ? n : 0;
        lines = lineStarts;
        if (lines != null) {
            lines.reset();
        }
        buffers = into;
        out = null;
        pendFrom = 0;
        pendTo = 0;
        lineStart = 0;
        quoteCount = 0;
        hunks = new DiffHunks();
        cutCount = 0;
        lineEscaped = false;
        lineLength = 0;
        pieceCount = 0;
        lineCopied = 0;
        boolean oneWalk = run();
        fill(n);
        if (oneWalk && lines != null) {
            lines.complete(n);
        }
        if (!oneWalk) {
            return LinePrefixStripper.strip(
                    JsonStringUnescaper.unescapeNested(text, AgentText.JSON_UNESCAPE_PASSES, into), into);
        }
        if (out == null && pendFrom == 0 && pendTo == n) {
            return text;
        }
        flush();
        return out.build(n);
    }

    /** Unescapes and cuts; false when the unescaped text may need another unescaping pass. */
    private boolean run() {
        final char[] s = src;
        int r = 0;
        while ((r = nextSpecial(r)) < n) {
            char c = s[r];
            if (c == '\\') {
                int v = escapeAt(r);
                if (v < 0) {
                    if (escapeLetterAt(r + 1)) {
                        return false;
                    }
                    r++;
                    continue;
                }
                char decoded = (char) v;
                int next = r + (v >>> 16);
                if (decoded == '\\' && escapeLetterAt(next)) {
                    return false;
                }
                if (!lineEscaped) {
                    lineEscaped = true;
                    lineLength = 0;
                    pieceCount = 0;
                    lineCopied = lineStart;
                    for (int q = 0; q < quoteCount; q++) {
                        quotes[q] -= lineStart;
                    }
                }
                bufferPlain(r);
                addPiece(~r);
                appendLineChar(decoded);
                lineCopied = next;
                r = next;
                if (decoded == '\n') {
                    endEscapedLine();
                    lineStart = next;
                } else if (decoded == '"') {
                    addQuote(lineLength - 1);
                }
                continue;
            }
            if (c == '\n') {
                if (lines != null) {
                    lines.add(r + 1);
                }
                if (lineEscaped) {
                    bufferPlain(r + 1);
                    endEscapedLine();
                } else {
                    endPlainLine(r);
                }
                lineStart = r + 1;
            } else {
                addQuote(lineEscaped ? lineLength + r - lineCopied : r);
            }
            r++;
        }
        if (lineEscaped) {
            bufferPlain(n);
            if (lineLength > 0) {
                endEscapedLine();
            }
        } else if (lineStart < n) {
            endPlainLine(n);
        }
        return true;
    }

    /**
     * The first backslash, line feed or double quote at or after {@code from}, or {@code n}; the chars up to
     * {@value #LOOKAHEAD} past it are in {@code src}.
     */
    private int nextSpecial(int from) {
        final char[] s = src;
        int i = from;
        while (true) {
            int end = filled;
            for (; i < end; i++) {
                if (SPECIAL[s[i]] != 0) {
                    if (end - i < LOOKAHEAD) {
                        fill(end + FILL_STEP);
                    }
                    return i;
                }
            }
            if (end == n) {
                return n;
            }
            fill(end + FILL_STEP);
        }
    }

    /** Copies the original's chars into {@code src} up to {@code to} (at most {@code n}). */
    private void fill(int to) {
        int end = Math.min(n, to);
        if (end <= filled) {
            return;
        }
        if (source instanceof String s) {
            s.getChars(filled, end, src, filled);
        } else {
            for (int i = filled; i < end; i++) {
                src[i] = source.charAt(i);
            }
        }
        filled = end;
    }

    /** The line {@code in[lineStart, eol)} without escapes is complete ({@code in[eol]} is a line feed or the end). */
    private void endPlainLine(int eol) {
        cutCount = 0;
        findCuts(src, lineStart, eol);
        int from = lineStart;
        for (int k = 0; k < cutCount; k += 2) {
            keep(from, cuts[k]);
            from = cuts[k + 1];
        }
        keep(from, Math.min(n, eol + 1));
        quoteCount = 0;
    }

    /** The current line, held in the line buffer, is complete: its cuts are left out of the rendering. */
    private void endEscapedLine() {
        int length = lineLength;
        int eol = lineChars[length - 1] == '\n' ? length - 1 : length;
        cutCount = 0;
        findCuts(lineChars, 0, eol);
        int cut = 0;
        for (int p = 0; p < pieceCount; p++) {
            int start = pieceStart[p];
            int end = p + 1 < pieceCount ? pieceStart[p + 1] : length;
            int source = pieceSource[p];
            // the parts of [start, end) outside the cuts
            int from = start;
            while (from < end) {
                while (cut < cutCount && cuts[cut + 1] <= from) {
                    cut += 2;
                }
                int to = cut < cutCount ? Math.min(end, cuts[cut]) : end;
                if (to > from) {
                    if (source >= 0) {
                        keep(source + from - start, source + to - start);
                    } else {
                        append(lineChars[from], ~source);
                    }
                    from = to;
                }
                if (from < end) {
                    from = Math.min(end, cuts[cut + 1]);
                }
            }
        }
        lineEscaped = false;
        quoteCount = 0;
    }

    /** Records the cuts of the line {@code buf[i, eol)}; {@code buf[eol]} is a line feed when inside the buffer. */
    private void findCuts(char[] buf, int i, int eol) {
        int content = i + hunks.markerLength(buf, i, eol);
        content += LinePrefixStripper.timestampPrefix(buf, content, eol);
        content += LinePrefixStripper.lineNumberPrefix(buf, content, eol);
        if (content > i) {
            addCut(i, content);
        }
        int from = content;
        for (int k = 0; k < quoteCount; k++) {
            int q = quotes[k];
            if (q >= from && q + 1 < eol && (buf[q + 1] == ' ' || LinePrefixStripper.isDigit(buf[q + 1]))) {
                int skip = LinePrefixStripper.lineNumberPrefix(buf, q + 1, eol);
                if (skip > 0) {
                    addCut(q + 1, q + 1 + skip);
                    from = q + 1 + skip;
                }
            }
        }
    }

    private void addQuote(int index) {
        if (quoteCount == quotes.length) {
            quotes = java.util.Arrays.copyOf(quotes, quoteCount * 2);
        }
        quotes[quoteCount++] = index;
    }

    private void addCut(int start, int end) {
        cuts = LinePrefixStripper.addCut(cuts, cutCount, start, end);
        cutCount += 2;
    }

    /** Input chars {@code [from, to)} go into the rendering unchanged. */
    private void keep(int from, int to) {
        if (to <= from) {
            return;
        }
        if (from != pendTo) {
            flush();
            pendFrom = from;
        }
        pendTo = to;
    }

    /** A decoded char goes into the rendering, mapped to the input index of its escape. */
    private void append(char c, int source) {
        flush();
        out.append(c, source);
    }

    private void flush() {
        if (out == null) {
            out = new DecodedTextBuilder(in, n, in.depth(), buffers);
        }
        out.copy(pendFrom, pendTo);
        pendFrom = pendTo;
    }

    /** Copies the current line's plain chars up to input index {@code to} into the line buffer as one piece. */
    private void bufferPlain(int to) {
        int count = to - lineCopied;
        if (count <= 0) {
            return;
        }
        addPiece(lineCopied);
        if (lineLength + count > lineChars.length) {
            lineChars = java.util.Arrays.copyOf(lineChars, Math.max(lineLength + count, lineChars.length * 2));
        }
        System.arraycopy(src, lineCopied, lineChars, lineLength, count);
        lineLength += count;
        lineCopied = to;
    }

    private void addPiece(int source) {
        if (pieceCount == pieceStart.length) {
            pieceStart = java.util.Arrays.copyOf(pieceStart, pieceCount * 2);
            pieceSource = java.util.Arrays.copyOf(pieceSource, pieceCount * 2);
        }
        pieceStart[pieceCount] = lineLength;
        pieceSource[pieceCount] = source;
        pieceCount++;
    }

    private void appendLineChar(char c) {
        if (lineLength == lineChars.length) {
            lineChars = java.util.Arrays.copyOf(lineChars, lineLength * 2);
        }
        lineChars[lineLength++] = c;
    }

    /** True when the unescaped char that {@code in[r]} starts is one a JSON escape may follow a backslash with. */
    private boolean escapeLetterAt(int r) {
        if (r >= n) {
            return false;
        }
        char c = src[r];
        if (c == '\\') {
            int v = escapeAt(r);
            c = v < 0 ? '\\' : (char) v;
        }
        return switch (c) {
            case 'n', 't', 'r', 'b', 'f', '"', '\\', '/', 'u' -> true;
            default -> false;
        };
    }

    /** The escape at {@code in[r]} (a backslash) as {@code decoded | consumed << 16}, or -1 when it is none. */
    private int escapeAt(int r) {
        if (r + 1 >= n) {
            return -1;
        }
        return switch (src[r + 1]) {
            case 'n' -> '\n' | 2 << 16;
            case 't' -> '\t' | 2 << 16;
            case 'r' -> '\r' | 2 << 16;
            case 'b' -> '\b' | 2 << 16;
            case 'f' -> '\f' | 2 << 16;
            case '"' -> '"' | 2 << 16;
            case '\\' -> '\\' | 2 << 16;
            case '/' -> '/' | 2 << 16;
            case 'u' -> {
                int v = hex4(r + 2);
                yield v < 0 ? -1 : v | 6 << 16;
            }
            default -> -1;
        };
    }

    private int hex4(int from) {
        if (from + 4 > n) {
            return -1;
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(src[from + k], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }
}
