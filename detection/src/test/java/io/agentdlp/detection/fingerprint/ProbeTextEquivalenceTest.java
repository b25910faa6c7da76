package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The optimised decoding equals the reference decoding, char for char and line for line. */
class ProbeTextEquivalenceTest {
    @Test
    void randomWrappedTextsDecodeAsWithTheReference() {
        SplittableRandom random = new SplittableRandom(20261124L);
        for (int i = 0; i < 1_500; i++) {
            assertSameDecoding(WrappedText.random(random, 1 + random.nextInt(120)));
        }
    }

    @Test
    void wrappedCodeDecodesAsWithTheReference() {
        SplittableRandom random = new SplittableRandom(7L);
        for (String code : corpus()) {
            assertSameDecoding(code);
            assertSameDecoding(LeakTransforms.jsonBody(code));
            assertSameDecoding(LeakTransforms.jsonBody(LeakTransforms.jsonBody(LeakTransforms.chat(code, "java", random))));
            assertSameDecoding(LeakTransforms.lineNumbered(code, 1 + random.nextInt(90), random.nextBoolean()));
            assertSameDecoding(LeakTransforms.jsonBody(LeakTransforms.lineNumbered(code, 1, true)) + "\n" + code);
            assertSameDecoding("diff --git a/A.java b/A.java\n--- a/A.java\n+++ b/A.java\n@@ -1,4 +1,4 @@\n "
                    + code.replace("\n", "\n ").replace(" return", "-return") + "\n+added();\n" + code);
        }
    }

    @Test
    void buffersOfAnySizeGiveTheSameDecoding() {
        SplittableRandom random = new SplittableRandom(3L);
        for (int i = 0; i < 300; i++) {
            String text = WrappedText.random(random, 1 + random.nextInt(100));
            ProbeText.Buffers buffers = new ProbeText.Buffers(random.nextInt(2 * text.length() + 1));
            assertSame(ProbeText.decode(text, buffers), ProbeTextReference.decode(text), text);
        }
    }

    /** One thread's buffers serve text after text: nothing of a text may leak into the next one's decoding. */
    @Test
    void buffersReusedFromTextToTextGiveTheSameDecoding() {
        SplittableRandom random = new SplittableRandom(4L);
        ProbeText.Buffers buffers = new ProbeText.Buffers(0);
        for (int i = 0; i < 1_000; i++) {
            String text = WrappedText.random(random, 1 + random.nextInt(random.nextInt(8) == 0 ? 200 : 60));
            assertSame(ProbeText.decode(text, buffers), ProbeTextReference.decode(text), text);
        }
    }

    private static List<String> corpus() {
        List<String> files = new ArrayList<>();
        for (long seed = 0; seed < 40; seed++) {
            files.add(SyntheticCode.java(seed, 3));
            files.add(SyntheticCode.python(seed, 3));
        }
        return files;
    }

    private static void assertSameDecoding(String text) {
        assertSame(ProbeText.decode(text), ProbeTextReference.decode(text), text);
    }

    private static void assertSame(ProbeText actual, ProbeTextReference expected, String input) {
        String decoded = new String(expected.chars(), 0, expected.length());
        assertThat(new String(actual.chars(), 0, actual.length())).as("decoding of %s", input).isEqualTo(decoded);
        int lines = (int) decoded.chars().filter(c -> c == '\n').count() + 1;
        for (int line = 1; line <= lines; line++) {
            assertThat(actual.originalLine(line)).as("original of line %d of %s", line, input)
                    .isEqualTo(expected.originalLine(line));
        }
    }
}
