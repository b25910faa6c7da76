package io.agentdlp.detection.text;

/**
 * The oracle for equivalence tests: {@code JsonStringUnescaper} as it was before {@link OnePassNormalizer} (commit f0b93c6).
 *
 * <p>Undoes JSON string escapes ({@code \n \t \" \\ \/ \b \f \r \\uXXXX}) wherever they occur, so that text
 * carried inside LLM API bodies and hook payloads reads as the author wrote it. Not a JSON parser: the
 * whole text is unescaped, quoted or not, which is harmless outside strings (an unknown escape such as
 * {@code \d} is kept as is). Text escaped twice (a JSON document inside a JSON string) needs two passes.
 */
final class OriginalJsonStringUnescaper {
    private OriginalJsonStringUnescaper() {
    }

    /** One unescaping pass; returns {@code in} itself when it holds no escape. */
    public static DecodedText unescape(DecodedText in) {
        return unescape(in, RenderingBuffers.unpooled());
    }

    /** As {@link #unescape(DecodedText)}, decoding into {@code buffers}. */
    public static DecodedText unescape(DecodedText in, RenderingBuffers buffers) {
        int first = firstEscape(in);
        if (first < 0) {
            return in;
        }
        int n = in.length();
        DecodedTextBuilder out = new DecodedTextBuilder(in, n, in.depth(), buffers);
        out.copy(0, first);
        char[] buf = in.buffer();
        int i = first;
        while (i < n) {
            char c = buf[i];
            if (c != '\\' || i + 1 >= n) {
                int run = i;
                while (run < n && buf[run] != '\\') {
                    run++;
                }
                if (run == i) {
                    run++;
                }
                out.copy(i, run);
                i = run;
                continue;
            }
            char e = buf[i + 1];
            int consumed = 2;
            char decoded;
            switch (e) {
                case 'n' -> decoded = '\n';
                case 't' -> decoded = '\t';
                case 'r' -> decoded = '\r';
                case 'b' -> decoded = '\b';
                case 'f' -> decoded = '\f';
                case '"', '\\', '/' -> decoded = e;
                case 'u' -> {
                    int v = hex4(in, i + 2);
                    if (v < 0) {
                        decoded = c;
                        consumed = 1;
                    } else {
                        decoded = (char) v;
                        consumed = 6;
                    }
                }
                default -> {
                    decoded = c;
                    consumed = 1;
                }
            }
            out.append(decoded, i);
            i += consumed;
        }
        return out.build(n);
    }

    /** Unescapes repeatedly (at most {@code maxPasses} times) while escapes remain. */
    public static DecodedText unescapeNested(DecodedText in, int maxPasses) {
        return unescapeNested(in, maxPasses, RenderingBuffers.unpooled());
    }

    /** As {@link #unescapeNested(DecodedText, int)}, decoding into {@code buffers}. */
    public static DecodedText unescapeNested(DecodedText in, int maxPasses, RenderingBuffers buffers) {
        DecodedText cur = in;
        for (int p = 0; p < maxPasses; p++) {
            DecodedText next = unescape(cur, buffers);
            if (next == cur) {
                break;
            }
            cur = next;
        }
        return cur;
    }

    private static int firstEscape(DecodedText in) {
        char[] c = in.buffer();
        int n = in.length() - 1;
        for (int i = 0; i < n; i++) {
            if (c[i] == '\\' && isEscapeChar(c[i + 1], in, i + 2)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isEscapeChar(char e, DecodedText in, int hexFrom) {
        return switch (e) {
            case 'n', 't', 'r', 'b', 'f', '"', '\\', '/' -> true;
            case 'u' -> hex4(in, hexFrom) >= 0;
            default -> false;
        };
    }

    private static int hex4(DecodedText in, int from) {
        if (from + 4 > in.length()) {
            return -1;
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(in.charAt(from + k), 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }
}
