package io.agentdlp.detection.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class DecodersTest {

    @Test
    void jsonUnescapeMapsEveryDecodedCharBackToItsEscape() {
        String original = "{\"prompt\": \"line1\\nkey=\\\"v\\u0041l\\\"\"}";
        DecodedText d = JsonStringUnescaper.unescape(DecodedText.of(original));
        String decoded = d.toString();
        assertThat(decoded).isEqualTo("{\"prompt\": \"line1\nkey=\"vAl\"\"}");
        int a = decoded.indexOf('A');
        assertThat(original.substring(d.originalOffset(a), d.originalOffset(a + 1))).isEqualTo("\\u0041");
        int nl = decoded.indexOf('\n');
        assertThat(original.substring(d.originalOffset(nl), d.originalOffset(nl + 1))).isEqualTo("\\n");
        assertThat(d.originalOffset(d.length())).isEqualTo(original.length());
    }

    @Test
    void textWithoutEscapesIsReturnedUnchanged() {
        DecodedText in = DecodedText.of("plain text, C:\\dir is not an escape");
        assertThat(JsonStringUnescaper.unescape(in)).isSameAs(in);
        assertThat(in.isIdentity()).isTrue();
    }

    @Test
    void nestedJsonStringNeedsTwoPasses() {
        String original = "{\"tool_input\": \"{\\\"content\\\": \\\"a\\\\nb\\\"}\"}";
        DecodedText d = JsonStringUnescaper.unescapeNested(DecodedText.of(original), 2);
        assertThat(d.toString()).isEqualTo("{\"tool_input\": \"{\"content\": \"a\nb\"}\"}");
    }

    @Test
    void lineNumbersAndArrowPrefixesAreStripped() {
        String original = "     1\tfirst\n     2\u2192second\n    10\tthird";
        DecodedText d = LinePrefixStripper.strip(DecodedText.of(original));
        assertThat(d.toString()).isEqualTo("first\nsecond\nthird");
        int t = d.toString().indexOf("third");
        assertThat(original.substring(d.originalOffset(t))).isEqualTo("third");
    }

    @Test
    void diffMarkersInsideHunksAreStripped() {
        String original = "diff --git a/k b/k\n--- a/k\n+++ b/k\n@@ -1,2 +1,2 @@\n context\n-old\n+new\n";
        DecodedText d = LinePrefixStripper.strip(DecodedText.of(original));
        assertThat(d.toString()).isEqualTo("diff --git a/k b/k\n--- a/k\n+++ b/k\n@@ -1,2 +1,2 @@\ncontext\nold\nnew\n");
    }

    @Test
    void percentDecodingKeepsPlusAndNonAsciiEscapes() {
        DecodedText d = PercentDecoder.decode(DecodedText.of("a%3Db+c%C3%A9"));
        assertThat(d.toString()).isEqualTo("a=b+c%C3%A9");
        assertThat(d.originalOffset(1)).isEqualTo(1);
        assertThat(d.originalOffset(2)).isEqualTo(4);
    }

    @Test
    void percentDecodingNearEscapesKeepsOnlyTheSurroundingsOfEachEscape() {
        String filler = "lorem ipsum dolor ".repeat(200);
        String original = filler + "pw=a%40b%21c " + filler + "q=x%3Dy " + filler;
        DecodedText d = PercentDecoder.decodeNearEscapes(DecodedText.of(original), 40);
        String decoded = d.toString();
        assertThat(decoded).contains("pw=a@b!c ").contains("q=x=y ").doesNotContain("%");
        assertThat(decoded.length()).isLessThan(400);
        // two parts, each starting after and ending before whitespace of the original (no cut token)
        int separator = decoded.indexOf('\n');
        assertThat(separator).isPositive().isEqualTo(decoded.lastIndexOf('\n'));
        for (int partStart : new int[]{0, separator + 1}) {
            assertThat(original.charAt(d.originalOffset(partStart) - 1)).isEqualTo(' ');
        }
        for (int partEnd : new int[]{separator, decoded.length()}) {
            assertThat(original.charAt(d.originalOffset(partEnd - 1) + 1)).isEqualTo(' ');
        }
        int at = decoded.indexOf('@');
        assertThat(original.substring(d.originalOffset(at), d.originalOffset(at + 1))).isEqualTo("%40");
        int y = decoded.indexOf("x=y") + 2;
        assertThat(original.charAt(d.originalOffset(y))).isEqualTo('y');
        assertThat(PercentDecoder.decodeNearEscapes(DecodedText.of(filler), 40).toString()).isEqualTo(filler);
    }

    @Test
    void base64RunsOfTextAreDecodedAndMappedToTheirQuantum() {
        String payload = "export TOKEN=some-value-that-is-long-enough";
        String b64 = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String original = "data: " + b64 + " end";
        List<DecodedText> blobs = Base64Blobs.decodeAll(DecodedText.of(original));
        assertThat(blobs).hasSize(1);
        DecodedText blob = blobs.get(0);
        assertThat(blob.toString()).isEqualTo(payload);
        assertThat(blob.depth()).isEqualTo(1);
        int v = payload.indexOf("some");
        assertThat(blob.originalOffset(v)).isBetween(6 + v * 4 / 3 - 4, 6 + v * 4 / 3 + 1);
    }

    @Test
    void binaryAndHexRunsAreNotDecoded() {
        String hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        byte[] random = new byte[48];
        new java.util.Random(7).nextBytes(random);
        String text = hex + " " + Base64.getEncoder().encodeToString(random);
        assertThat(Base64Blobs.decodeAll(DecodedText.of(text))).isEmpty();
    }

    @Test
    void lineIndexGivesOneBasedLinesAndColumns() {
        LineIndex idx = LineIndex.of("ab\ncd\n\nef");
        assertThat(idx.line(0)).isEqualTo(1);
        assertThat(idx.line(3)).isEqualTo(2);
        assertThat(idx.column(4)).isEqualTo(2);
        assertThat(idx.line(7)).isEqualTo(4);
        assertThat(idx.lineCount()).isEqualTo(4);
    }

    @Test
    void agentTextComposesUnescapeAndPrefixStripping() {
        String original = "{\"content\": \"     1\\tpassword = x\\n     2\\tnext\"}";
        DecodedText d = AgentText.normalize(original);
        assertThat(d.toString()).isEqualTo("{\"content\": \"password = x\nnext\"}");
        int p = d.toString().indexOf("password");
        assertThat(original.substring(d.originalOffset(p))).startsWith("password = x");
    }
}
