package io.agentdlp.detection.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;
import io.agentdlp.detection.secret.eval.LabeledSample;

/**
 * {@link AgentText#normalize} against the layer-by-layer decoders it replaced ({@link OriginalJsonStringUnescaper}
 * twice, then {@link OriginalLinePrefixStripper}): same chars, same original offset of every char, and the
 * input itself back exactly when the oracle gives it back.
 */
class OnePassNormalizerTest {
    /** The pieces that steer unescaping and stripping, drawn at random. */
    private static final String[] PIECES = {
        "\"", "\\", "\\\\", "\\u", "\\u0041", "\\u005c", "\\u005C", "\\u000a", "\\u0022", "\\u00e9", "\\uD83D\\uDE00",
        "\\uzz12", "\\u12", "\\n", "\\t", "\\r", "\\b", "\\f", "\\/", "\\\"", "\\\\n", "\\\\\"", "\\\\u0041", "\\d",
        "\n", "\r\n", "\t", " ", "  ", "     1\t", "    12\u2192", "\"     3\t", "\" 7\t", "\"12\t", "12345678\t",
        "@@ -1,2 +1,2 @@", "@@ ", "+", "-", "\\ No newline", "2025-03-01T10:15:00.123Z ", "2025-03-01T10:15:00 ",
        "2025-03-01T10:15:00Z", "0", "7", "9", "a", "n", "u", "f", "A", "Z", "T", ":", ".", "=", "%", "%41", "%2",
        "QUJD", "ZGVm", "+/", "_-", "==", "é", "\u2192", "\uD83D\uDE00", "\uD83D", "\uDE00", "\u00ff", "\uff10",
        "key=\"", "password: ", "ghp_",
    };

    @Test
    void randomTextsNormaliseAsTheLayerByLayerDecoders() {
        Random random = new Random(20251125L);
        for (int t = 0; t < 20_000; t++) {
            assertSameAsOracle(DecodedText.of(randomText(random, 1 + random.nextInt(t < 10_000 ? 12 : 80))));
        }
    }

    @Test
    void charsThatShareALowByteWithBackslashLineFeedOrQuoteAreNotSpecial() {
        // the search reads a table over every char: chars equal to a special one in their low byte must not stop it
        String[] lookalikes = {"\u015c", "\u010a", "\u0122", "\uff3c", "\u220a", "\uffff", "\u0080", "\u00a2"};
        Random random = new Random(11L);
        for (int t = 0; t < 4_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int i = 1 + random.nextInt(40); i > 0; i--) {
                b.append(random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : lookalikes[random.nextInt(lookalikes.length)]);
            }
            assertSameAsOracle(DecodedText.of(b));
        }
    }

    @Test
    void mappedInputsNormaliseAsTheLayerByLayerDecoders() {
        // decoded layers (base64 blobs, unescaped text) are normalised too, and their offsets go through the parent's map
        Random random = new Random(7L);
        int mapped = 0;
        for (int t = 0; t < 4_000; t++) {
            String text = randomText(random, 4 + random.nextInt(40));
            DecodedText escaped = OriginalJsonStringUnescaper.unescape(DecodedText.of("\\u0041\\n" + text));
            assertSameAsOracle(escaped);
            String ascii = text.replaceAll("[^\\x20-\\x7e\\n\\t]", "x");
            String blob = "data: " + Base64.getEncoder().encodeToString(("  1\t" + ascii + " padding for length").getBytes(StandardCharsets.ISO_8859_1));
            for (DecodedText child : Base64Blobs.decodeAll(DecodedText.of(blob))) {
                assertThat(child.depth()).isEqualTo(1);
                assertSameAsOracle(child);
                mapped++;
            }
        }
        assertThat(mapped).isGreaterThan(1_000);
    }

    @Test
    void corpusTextsNormaliseAsTheLayerByLayerDecoders() {
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
        for (LabeledSample s : corpus.generate(3000)) {
            assertSameAsOracle(DecodedText.of(s.text()));
        }
        for (int size : new int[] {1024, 5120, 102400}) {
            for (int i = 0; i < 8; i++) {
                assertSameAsOracle(DecodedText.of(corpus.traffic(size, i % 2 == 0)));
            }
        }
    }

    @Test
    void pooledBuffersGiveTheSameRenderings() {
        RenderingBuffers buffers = RenderingBuffers.reused();
        Random random = new Random(3L);
        for (int t = 0; t < 2_000; t++) {
            DecodedText in = DecodedText.of(randomText(random, 1 + random.nextInt(60)));
            DecodedText expected = oracle(in);
            assertEqual(AgentText.normalize(in, buffers), expected, in);
            buffers.releaseAll();
        }
    }

    @Test
    void onePooledNormaliserServesTextAfterText() {
        // the pooled normaliser keeps its line buffers: a text that ends inside a hunk, an escaped line or a
        // quoted line must leave nothing for the next one
        RenderingBuffers buffers = RenderingBuffers.reused();
        Random random = new Random(13L);
        for (int t = 0; t < 20_000; t++) {
            DecodedText in = DecodedText.of(randomText(random, 1 + random.nextInt(t % 2 == 0 ? 8 : 60)));
            assertEqual(AgentText.normalize(in, buffers), oracle(in), in);
            if (random.nextInt(4) == 0) {
                buffers.releaseAll();
            }
        }
    }

    @Test
    void originalsCopiedDuringTheWalkNormaliseAsTheLayerByLayerDecoders() {
        // the original's chars reach the buffer a step at a time: pieces are placed across the steps' ends, where
        // the walk stops at a special char with fewer than its lookahead's chars copied
        RenderingBuffers buffers = RenderingBuffers.reused();
        Random random = new Random(17L);
        int step = OnePassNormalizer.FILL_STEP;
        for (int t = 0; t < 3_000; t++) {
            StringBuilder b = new StringBuilder("x".repeat(Math.max(0, step - random.nextInt(24))));
            b.append(randomText(random, 1 + random.nextInt(8)));
            if (t % 3 == 0) {
                b.append("y".repeat(Math.max(0, 2 * step - b.length() - random.nextInt(24))));
            }
            b.append(randomText(random, random.nextInt(t % 10 == 0 ? 4_000 : 20)));
            String text = t % 5 == 0 ? "  1\t" + b : b.toString();
            int limit = t % 4 == 0 ? random.nextInt(text.length() + 1) : text.length() + random.nextInt(3);
            CharSequence original = t % 2 == 0 ? text : new StringBuilder(text);
            DecodedText raw = DecodedText.of(original, limit);
            DecodedText expected = oracle(raw);
            DecodedText actual = AgentText.normalize(original, limit, buffers, null);
            String context = "input of " + text.length() + " chars, limit " + limit;
            assertThat(actual.isIdentity()).as(context).isEqualTo(expected == raw);
            assertThat(actual.toString()).as(context).isEqualTo(expected.toString());
            assertThat(actual.original()).as(context).isSameAs(original);
            assertThat(actual.depth()).as(context).isZero();
            for (int i = 0; i <= expected.length(); i++) {
                if (actual.originalOffset(i) != expected.originalOffset(i)) {
                    assertThat(actual.originalOffset(i)).as(context + " offset of char " + i).isEqualTo(expected.originalOffset(i));
                }
            }
            buffers.releaseAll();
        }
    }

    private static String randomText(Random random, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static DecodedText oracle(DecodedText in) {
        return OriginalLinePrefixStripper.strip(OriginalJsonStringUnescaper.unescapeNested(in, AgentText.JSON_UNESCAPE_PASSES));
    }

    private static void assertSameAsOracle(DecodedText in) {
        assertEqual(AgentText.normalize(in), oracle(in), in);
    }

    private static void assertEqual(DecodedText actual, DecodedText expected, DecodedText in) {
        String context = "input " + List.of(in.toString());
        assertThat(actual.toString()).as(context).isEqualTo(expected.toString());
        assertThat(actual == in).as(context).isEqualTo(expected == in);
        assertThat(actual.depth()).as(context).isEqualTo(expected.depth());
        assertThat(actual.original()).as(context).isSameAs(expected.original());
        for (int i = 0; i <= expected.length(); i++) {
            if (actual.originalOffset(i) != expected.originalOffset(i)) {
                assertThat(actual.originalOffset(i)).as(context + " offset of char " + i).isEqualTo(expected.originalOffset(i));
            }
        }
    }
}
