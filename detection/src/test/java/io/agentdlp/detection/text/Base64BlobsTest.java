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
 * {@link Base64Blobs} against the former class ({@link OriginalBase64Blobs}, which checked a run and then decoded
 * it again): the same blobs in the same order, with the same chars, depth and original offset of every char, on
 * plain, unescaped and base64-decoded parents, unpooled and pooled.
 */
class Base64BlobsTest {
    /** Payload pieces of text and line structure. */
    private static final String[] TEXT = {
        "password=", "hunter2", " ", "\n", "\r\n", "\t", "key: ", "ghp_", "AKIA", "é", "0123456789",
        "abcdefghijklmnopqrstuvwxyz", "{\"a\":\"b\"}", "=", "%",
    };
    /** Payload bytes around the text test's bounds (high bytes, control chars), so that some runs fail it. */
    private static final String[] BINARY = {"\u00ff", "\u0080", "\u0000", "\u0001", "\u007f", "\u00c0", "\u00f4", "\u00f5"};
    /** Glue between blobs: separators, escape tails and base64-like words that steer the run search. */
    private static final String[] GLUE = {
        " ", "\n", "\r\n", "\n\n", "\\", "%", "=", "==", "data: ", "\"", "word ", "kebab-case-name_with_underscores",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789", "\\n", "\\u0041",
    };

    @Test
    void randomBlobsDecodeAsTheFormerClass() {
        Random random = new Random(20251125L);
        int decoded = 0;
        for (int t = 0; t < 20_000; t++) {
            decoded += assertSameAsOracle(DecodedText.of(randomText(random, 1 + random.nextInt(t < 10_000 ? 4 : 16))));
        }
        assertThat(decoded).isGreaterThan(5_000);
    }

    @Test
    void charsSharingALowByteWithTheAlphabetEndRuns() {
        // the run search reads a table over every char: a char equal to a base64 char in its low byte is none
        String[] lookalikes = {"\u0141", "\u017a", "\u0130", "\u012b", "\u012f", "\u012d", "\u015f", "\uff41", "\u2010", "\uffff"};
        Random random = new Random(5L);
        int decoded = 0;
        for (int t = 0; t < 6_000; t++) {
            String text = randomText(random, 1 + random.nextInt(6));
            StringBuilder b = new StringBuilder(text);
            for (int i = random.nextInt(4); i > 0; i--) {
                b.insert(random.nextInt(b.length() + 1), lookalikes[random.nextInt(lookalikes.length)]);
            }
            decoded += assertSameAsOracle(DecodedText.of(b));
        }
        assertThat(decoded).isGreaterThan(1_000);
    }

    @Test
    void theTextTestDecidesAsTheFormerClassForEveryByteAtEveryPlace() {
        // the test reads three bytes at a time within a line and one at a time across a line break: single bad
        // bytes at every place in the quantum, and shares of high bytes around the tenth that text may hold
        Random random = new Random(29L);
        int decoded = 0;
        for (int t = 0; t < 20_000; t++) {
            byte[] bytes = new byte[6 + random.nextInt(70)];
            int highShare = random.nextInt(25);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(100) < highShare ? 0x80 + random.nextInt(128) : 0x20 + random.nextInt(95));
            }
            if (random.nextBoolean()) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            String blob = random.nextBoolean() ? Base64.getEncoder().encodeToString(bytes)
                    : Base64.getMimeEncoder(60 + random.nextInt(30), random.nextBoolean() ? "\n".getBytes() : "\r\n".getBytes())
                            .encodeToString(bytes);
            decoded += assertSameAsOracle(DecodedText.of("k: " + blob.substring(0, blob.length() - random.nextInt(3)) + " ."));
        }
        assertThat(decoded).isGreaterThan(2_000);
    }

    @Test
    void mappedParentsDecodeAsTheFormerClass() {
        Random random = new Random(11L);
        int nested = 0;
        for (int t = 0; t < 4_000; t++) {
            String text = randomText(random, 1 + random.nextInt(8));
            // an unescaped parent: escapes before and inside the blobs move the offsets
            assertSameAsOracle(OriginalJsonStringUnescaper.unescape(DecodedText.of("\\u0041\\n" + text.replace("\n", "\\n"))));
            // a base64-decoded parent (runs of three chars sharing an offset): blobs inside blobs
            String outer = "blob " + Base64.getEncoder().encodeToString(("x " + text + " y").getBytes(StandardCharsets.ISO_8859_1));
            for (DecodedText child : OriginalBase64Blobs.decodeAll(DecodedText.of(outer))) {
                nested += assertSameAsOracle(child);
            }
        }
        assertThat(nested).isGreaterThan(500);
    }

    @Test
    void runsFoundWhetherOrNotTheProbeStartsOnABase64Char() {
        // text runs of 28 to 36 chars after separators of every length, near the text's end and glued to '%', '\\'
        // and '=': the run search probes from separators as from base64 chars
        Random random = new Random(2121);
        String separators = " \n\r=%\\.\"";
        int decoded = 0;
        for (int t = 0; t < 20_000; t++) {
            StringBuilder b = new StringBuilder();
            int pieces = 1 + random.nextInt(4);
            for (int p = 0; p < pieces; p++) {
                int gap = random.nextInt(40);
                for (int k = 0; k < gap; k++) {
                    b.append(separators.charAt(random.nextInt(separators.length())));
                }
                String blob = Base64.getEncoder().encodeToString(
                        "password=hunter2-and-more-text-here".substring(0, 21 + random.nextInt(6)).getBytes(StandardCharsets.US_ASCII));
                b.append(blob, 0, Math.max(1, blob.length() - random.nextInt(8)));
            }
            decoded += assertSameAsOracle(DecodedText.of(b.toString()));
        }
        assertThat(decoded).isGreaterThan(1_000);
    }

    @Test
    void corpusTextsDecodeAsTheFormerClass() {
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
        for (LabeledSample s : corpus.generate(3000)) {
            assertTreeSameAsOracle(AgentText.normalize(DecodedText.of(s.text())));
        }
        for (int size : new int[] {1024, 5120, 102400}) {
            for (int i = 0; i < 8; i++) {
                assertTreeSameAsOracle(AgentText.normalize(DecodedText.of(corpus.traffic(size, i % 2 == 0))));
            }
        }
    }

    @Test
    void pooledBuffersGiveTheSameBlobs() {
        RenderingBuffers buffers = RenderingBuffers.reused();
        Random random = new Random(3L);
        for (int t = 0; t < 4_000; t++) {
            DecodedText in = DecodedText.of(randomText(random, 1 + random.nextInt(12)));
            List<DecodedText> expected = OriginalBase64Blobs.decodeAll(in);
            assertEqual(Base64Blobs.decodeAll(in, buffers), expected, in);
            if (t % 3 != 0) {
                buffers.releaseAll();
            }
        }
    }

    private static String randomText(Random random, int blobs) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < blobs; k++) {
            b.append(GLUE[random.nextInt(GLUE.length)]);
            StringBuilder payload = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
                payload.append(random.nextInt(12) == 0 ? BINARY[random.nextInt(BINARY.length)] : TEXT[random.nextInt(TEXT.length)]);
            }
            byte[] bytes = payload.toString().getBytes(StandardCharsets.ISO_8859_1);
            String blob = switch (random.nextInt(5)) {
                case 0 -> Base64.getUrlEncoder().encodeToString(bytes);
                case 1 -> Base64.getMimeEncoder(60 + random.nextInt(30), random.nextBoolean() ? "\n".getBytes() : "\r\n".getBytes())
                        .encodeToString(bytes);
                case 2 -> Base64.getEncoder().withoutPadding().encodeToString(bytes);
                default -> Base64.getEncoder().encodeToString(bytes);
            };
            if (random.nextInt(4) == 0) {
                blob = blob.substring(0, random.nextInt(blob.length() + 1));
            }
            b.append(blob);
        }
        return b.toString();
    }

    /** Compares the blobs of {@code in} and, recursively, of each blob; returns how many were decoded. */
    private static int assertTreeSameAsOracle(DecodedText in) {
        List<DecodedText> actual = Base64Blobs.decodeAll(in);
        assertEqual(actual, OriginalBase64Blobs.decodeAll(in), in);
        int decoded = actual.size();
        for (DecodedText child : actual) {
            decoded += assertTreeSameAsOracle(AgentText.normalize(child));
        }
        return decoded;
    }

    private static int assertSameAsOracle(DecodedText in) {
        List<DecodedText> actual = Base64Blobs.decodeAll(in);
        assertEqual(actual, OriginalBase64Blobs.decodeAll(in), in);
        return actual.size();
    }

    private static void assertEqual(List<DecodedText> actual, List<DecodedText> expected, DecodedText in) {
        String context = "input " + List.of(in.toString());
        assertThat(actual).as(context).hasSameSizeAs(expected);
        for (int b = 0; b < expected.size(); b++) {
            DecodedText x = actual.get(b);
            DecodedText e = expected.get(b);
            assertThat(x.toString()).as(context).isEqualTo(e.toString());
            assertThat(x.depth()).as(context).isEqualTo(e.depth());
            assertThat(x.original()).as(context).isSameAs(e.original());
            for (int i = 0; i <= e.length(); i++) {
                if (x.originalOffset(i) != e.originalOffset(i)) {
                    assertThat(x.originalOffset(i)).as(context + " offset of char " + i).isEqualTo(e.originalOffset(i));
                }
            }
        }
    }
}
