package io.agentdlp.detection.fingerprint;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random texts dense in what the decoding and the lexer branch on: JSON documents escaped once to three
 * times (also with {@code \u000a} and {@code \u2192} escapes), line-number prefixes, fences, diff headers
 * and hunks, quotes, backslashes, comments and non-ASCII chars, mixed with generated code.
 */
final class WrappedText {
    private static final List<String> PIECES = List.of("\"", "\\", "\\n", "\\\\n", "\\\"", "\\u000a", "\\u2192",
            "\\u00e9", "\\t", "\n", "\n", "\n", " ", "  ", "\t", "     12\t", "    7\u2192", "```java\n", "~~~\n",
            "@@ -1,3 +1,4 @@\n", "diff --git a/x b/x\n", "--- a/x\n", "+++ b/x\n", "+", "-", "\\ No newline\n",
            "--- /dev/null\n", "x = a + b;", "if (a == b) { return c; }", "foo(bar, baz);", "'", "`", "'''", "\"\"\"",
            "// note\n", "/* c */", "# h\n", "-- q\n", "<!-- x -->", "f\"", "b'", "0x1F", "1.5e-3", ".5", "é",
            "\u00a0", "é1", "SELECT", "self", "interface", "$x", "_y", "{", "}", "(", ")", ";", ",", "@");
    private static final List<String> CODE = List.of(SyntheticCode.java(1, 2), SyntheticCode.java(2, 2),
            SyntheticCode.python(3, 2), SyntheticCode.python(4, 2));

    private WrappedText() {
    }

    /** A random text of about {@code pieces} pieces; the same seed gives the same text. */
    static String random(SplittableRandom random, int pieces) {
        StringBuilder s = new StringBuilder();
        while (pieces > 0) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                int inner = 1 + random.nextInt(Math.max(1, pieces));
                String doc = random(random, Math.min(inner, 40));
                int levels = 1 + random.nextInt(3);
                for (int l = 0; l < levels; l++) {
                    doc = "{\"content\":\"" + LeakTransforms.jsonEscape(doc) + "\"}";
                }
                s.append(doc);
                pieces -= inner;
            } else if (kind == 1) {
                String code = CODE.get(random.nextInt(CODE.size()));
                int from = random.nextInt(code.length());
                s.append(code, from, Math.min(code.length(), from + 1 + random.nextInt(300)));
                pieces -= 5;
            } else {
                s.append(PIECES.get(random.nextInt(PIECES.size())));
                pieces--;
            }
        }
        return s.toString();
    }
}
