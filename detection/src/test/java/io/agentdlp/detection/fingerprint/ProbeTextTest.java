package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The decoded text of agent wrappings, char for char, with each decoded line's original line. */
class ProbeTextTest {
    private static String text(ProbeText t) {
        return new String(t.chars(), 0, t.length());
    }

    @Test
    void aJsonDocumentIsUnescapedOnLinesOfItsOwn() {
        String json = "{\"content\":\"line one\\nline two\\n\\tindented \\\"q\\\" \\\\ back\\u0041\"}\nnext";
        ProbeText t = ProbeText.decode(json);
        assertThat(text(t)).isEqualTo("{\"content\":\nline one\nline two\n\tindented \"q\" \\ backA\n}\nnext");
        for (int line = 1; line <= 5; line++) {
            assertThat(t.originalLine(line)).as("decoded line " + line).isEqualTo(1);
        }
        assertThat(t.originalLine(6)).isEqualTo(2);
    }

    @Test
    void shortOrSingleLineLiteralsStayAsTheyAre() {
        String code = "String s = \"a\\nb\";\nString long1 = \"only one escaped newline\\n in a long literal here\";";
        ProbeText t = ProbeText.decode(code);
        assertThat(text(t)).isEqualTo(code);
    }

    @Test
    void lineNumbersFencesAndDiffHeadersAreRemovedOnlyWhereTheyStartALine() {
        String tool = "   12\tint a = 1;\n\t13\tint b;\n  ```java\ndone\n--- a/F.java\n    14\u2192c();\nd - 1;\n";
        ProbeText t = ProbeText.decode(tool);
        assertThat(text(t)).isEqualTo("int a = 1;\n\t13\tint b;\n\ndone\n\nc();\nd - 1;\n");
        assertThat(t.originalLine(6)).isEqualTo(6);
    }

    @Test
    void undecoratedTextIsUsedUnchanged() {
        String prose = "Please look at this:\n\tindented line\n  spaced 12 words\n";
        ProbeText t = ProbeText.decode(prose);
        assertThat(text(t)).isEqualTo(prose);
        assertThat(t.lineMap()).isNull();
    }
}
