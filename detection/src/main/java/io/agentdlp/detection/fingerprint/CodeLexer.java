package io.agentdlp.detection.fingerprint;

/**
 * A single-pass, allocation-free lexer that reduces source text of any of the supported languages to
 * the normalised token stream fingerprints are computed over. It does not know the language; it applies
 * rules that are right (or harmlessly wrong, and always the same for the indexed file and the probe) for
 * all of them:
 * <ul>
 *   <li>whitespace, {@code ,} and {@code ;} are dropped (formatters add and remove trailing commas and
 *       optional semicolons), as are backslashes and non-ASCII symbols;</li>
 *   <li>comments are dropped: {@code //}, {@code /* *}{@code /}, {@code <!-- -->}, {@code #} at the start
 *       of a line or after whitespace (not {@code #[} attributes), and {@code -- } (SQL) after whitespace;</li>
 *   <li>string and char literals become one {@link TokenBuffer#STRING} token: quotes pair on the same
 *       line (an unpaired quote, as in prose {@code don't}, is punctuation), triple quotes and backticks
 *       may span lines, a word glued to a double-quoted or backtick literal ({@code f"}, {@code L"},
 *       Scala's {@code s"}, a tagged template) or a one- or two-letter word glued to a single-quoted one
 *       ({@code b'}) is its prefix and belongs to it, so renaming an interpolator does not change the
 *       tokens;</li>
 *   <li>numbers become {@link TokenBuffer#NUMBER};</li>
 *   <li>words are {@link Keywords} or identifiers; identifiers keep only the hash of their spelling;</li>
 *   <li>every other ASCII char is a punctuation token of its own (multi-char operators are sequences).</li>
 * </ul>
 */
final class CodeLexer {
    /** A char whose meaning depends on what follows it: comments, literals, dropped chars, {@code .5}. */
    private static final byte OTHER = 0;
    private static final byte WORD = 1;
    private static final byte DIGIT = 2;
    private static final byte SPACE = 3;
    /** A punctuation char that is always a token of its own. */
    private static final byte PUNCT = 4;
    private static final byte NEWLINE = 5;
    /**
     * The kind of each ASCII char, so that the main loop finds the common kinds (words, plain punctuation,
     * blanks) with one table read and no look-ahead.
     */
    private static final byte[] CLASS = new byte[128];
    /** Chars that continue a word: letters, digits, {@code _} and {@code $}. */
    private static final boolean[] WORD_PART = new boolean[128];

    static {
        for (int c = 0; c <= ' '; c++) {
            CLASS[c] = SPACE;
        }
        CLASS['\n'] = NEWLINE;
        for (int c = '!'; c < 127; c++) {
            CLASS[c] = PUNCT;
        }
        for (char c : new char[] {',', ';', '\\', '"', '\'', '`', '/', '#', '-', '<', '.'}) {
            CLASS[c] = OTHER;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            CLASS[c] = WORD;
            CLASS[c - 'a' + 'A'] = WORD;
        }
        CLASS['_'] = WORD;
        CLASS['$'] = WORD;
        for (int c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT;
        }
        for (int c = 0; c < 128; c++) {
            WORD_PART[c] = CLASS[c] == WORD || CLASS[c] == DIGIT;
        }
    }

    private CodeLexer() {
    }

    /** Appends the tokens of {@code text[0, length)} to {@code out}; lines are counted from 1. */
    static void lex(char[] text, int length, TokenBuffer out) {
        char[] a = text;
        int n = length;
        int i = 0;
        int line = 1;
        while (i < n) {
            char c = a[i];
            if (c >= 128) {
                i = Character.isLetter(c) ? word(a, n, i, line, out) : i + 1;
                continue;
            }
            // kinds by frequency in agent traffic: words, punctuation, blanks, line breaks, numbers
            byte cls = CLASS[c];
            if (cls == WORD) {
                i = word(a, n, i, line, out);
                continue;
            }
            if (cls == PUNCT) {
                out.add(c, line);
                i++;
                continue;
            }
            if (cls == SPACE) {
                i++;
                continue;
            }
            if (cls == NEWLINE) {
                line++;
                i++;
                continue;
            }
            if (cls == DIGIT) {
                i = number(a, n, i);
                out.add(TokenBuffer.NUMBER, line);
                continue;
            }
            switch (c) {
                case ',', ';', '\\' -> i++;
                case '"', '\'' -> {
                    int end = quoted(a, n, i, c);
                    if (end < 0) {
                        out.add(c, line);
                        i++;
                    } else {
                        out.add(TokenBuffer.STRING, line);
                        line += newlines(a, i, end);
                        i = end;
                    }
                }
                case '`' -> {
                    int end = closing(a, n, i + 1, '`');
                    if (end < 0) {
                        out.add(c, line);
                        i++;
                    } else {
                        out.add(TokenBuffer.STRING, line);
                        line += newlines(a, i, end);
                        i = end;
                    }
                }
                case '/' -> {
                    char next = i + 1 < n ? a[i + 1] : 0;
                    if (next == '/') {
                        i = endOfLine(a, n, i);
                    } else if (next == '*') {
                        int end = indexOf(a, n, i + 2, '*', '/');
                        end = end < 0 ? n : end + 2;
                        line += newlines(a, i, end);
                        i = end;
                    } else {
                        out.add(c, line);
                        i++;
                    }
                }
                case '#' -> {
                    if (isHashComment(a, n, i)) {
                        i = endOfLine(a, n, i);
                    } else {
                        out.add(c, line);
                        i++;
                    }
                }
                case '-' -> {
                    if (isDashComment(a, n, i)) {
                        i = endOfLine(a, n, i);
                    } else {
                        out.add(c, line);
                        i++;
                    }
                }
                case '<' -> {
                    if (i + 3 < n && a[i + 1] == '!' && a[i + 2] == '-' && a[i + 3] == '-') {
                        int end = indexOf(a, n, i + 4, '-', '-');
                        while (end >= 0 && (end + 2 >= n || a[end + 2] != '>')) {
                            end = indexOf(a, n, end + 1, '-', '-');
                        }
                        end = end < 0 ? n : end + 3;
                        line += newlines(a, i, end);
                        i = end;
                    } else {
                        out.add(c, line);
                        i++;
                    }
                }
                case '.' -> {
                    if (i + 1 < n && a[i + 1] < 128 && CLASS[a[i + 1]] == DIGIT) {
                        i = number(a, n, i);
                        out.add(TokenBuffer.NUMBER, line);
                    } else {
                        out.add(c, line);
                        i++;
                    }
                }
                default -> {
                    out.add(c, line);
                    i++;
                }
            }
        }
    }

    private static int word(char[] a, int n, int start, int line, TokenBuffer out) {
        long h = Keywords.SEED;
        int i = start;
        while (i < n) {
            char c = a[i];
            if (c < 128 ? !WORD_PART[c] : !Character.isLetterOrDigit(c)) {
                break;
            }
            h = Keywords.step(h, c);
            i++;
        }
        int len = i - start;
        if (i < n && opensLiteral(a, n, i, len)) {
            // a word glued to a literal is its prefix or interpolator (f"", b'', L"", s"", sql"", tag`...`):
            // the literal that follows is the token, whatever the word is called
            return i;
        }
        int keyword = Keywords.lookup(h, a, start, len);
        if (keyword >= 0) {
            out.add(TokenBuffer.KEYWORD_BASE + keyword, line);
        } else {
            out.addIdentifier(h, line);
        }
        return i;
    }

    /**
     * Whether the word of {@code len} chars before {@code a[i]} prefixes a literal. Before a single quote
     * only one- or two-letter prefixes count ({@code b'}, {@code u'}): longer words there are prose
     * apostrophes ({@code don't}), and checking each for a closing quote would rescan long lines.
     */
    private static boolean opensLiteral(char[] a, int n, int i, int len) {
        char c = a[i];
        if (c == '"' || (c == '\'' && len <= 2)) {
            return quoted(a, n, i, c) >= 0;
        }
        return c == '`' && closing(a, n, i + 1, '`') >= 0;
    }

    private static int number(char[] a, int n, int start) {
        int i = start + 1;
        while (i < n) {
            char c = a[i];
            if (c >= 128) {
                break;
            }
            if (WORD_PART[c]) {
                i++;
            } else if (c == '.' && i + 1 < n && a[i + 1] < 128 && CLASS[a[i + 1]] == DIGIT) {
                i++;
            } else if ((c == '+' || c == '-') && (a[i - 1] == 'e' || a[i - 1] == 'E')
                    && i + 1 < n && a[i + 1] < 128 && CLASS[a[i + 1]] == DIGIT) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * End (exclusive) of the quoted literal opening at {@code start}, or -1 when it does not close: a
     * triple quote closes at the next triple quote on any line; a single quote on the same line.
     */
    private static int quoted(char[] a, int n, int start, char q) {
        if (start + 2 < n && a[start + 1] == q && a[start + 2] == q) {
            int i = start + 3;
            while (i + 2 < n) {
                if (a[i] == '\\') {
                    i += 2;
                } else if (a[i] == q && a[i + 1] == q && a[i + 2] == q) {
                    return i + 3;
                } else {
                    i++;
                }
            }
            return -1;
        }
        int i = start + 1;
        while (i < n) {
            char c = a[i];
            if (c == '\\') {
                i += 2;
            } else if (c == q) {
                return i + 1;
            } else if (c == '\n') {
                return -1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** End (exclusive) of a literal closed by {@code q} on any line, honouring backslash escapes, or -1. */
    private static int closing(char[] a, int n, int from, char q) {
        int i = from;
        while (i < n) {
            char c = a[i];
            if (c == '\\') {
                i += 2;
            } else if (c == q) {
                return i + 1;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static boolean isHashComment(char[] a, int n, int i) {
        if (i > 0 && a[i - 1] != ' ' && a[i - 1] != '\t' && a[i - 1] != '\n' && a[i - 1] != '\r') {
            return false; // $#, ${#x}, obj.#field, url#anchor
        }
        char next = i + 1 < n ? a[i + 1] : 0;
        return next != '[' && !(next == '!' && i + 2 < n && a[i + 2] == '[');
    }

    private static boolean isDashComment(char[] a, int n, int i) {
        if (i + 1 >= n || a[i + 1] != '-') {
            return false;
        }
        if (i > 0 && a[i - 1] != ' ' && a[i - 1] != '\t' && a[i - 1] != '\n') {
            return false;
        }
        return i + 2 >= n || a[i + 2] == ' ' || a[i + 2] == '\t' || a[i + 2] == '\n' || a[i + 2] == '\r';
    }

    private static int endOfLine(char[] a, int n, int i) {
        while (i < n && a[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int indexOf(char[] a, int n, int from, char c1, char c2) {
        for (int i = from; i + 1 < n; i++) {
            if (a[i] == c1 && a[i + 1] == c2) {
                return i;
            }
        }
        return -1;
    }

    private static int newlines(char[] a, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (a[i] == '\n') {
                count++;
            }
        }
        return count;
    }
}
