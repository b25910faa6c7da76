package io.agentdlp.detection.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link OffsetCursor} against {@link DecodedText#originalOffset(int)}'s binary search over all runs: lookups in
 * text order, near the previous one in both directions, far jumps, the rendering's first and last char and its
 * end, the identity rendering, and one cursor moving between renderings.
 */
class OffsetCursorTest {

    @Test
    void lookupsGiveTheOffsetsOfTheBinarySearchInAnyOrder() {
        Random random = new Random(2323);
        OffsetCursor cursor = new OffsetCursor();
        DecodedText[] recent = new DecodedText[3];
        long lookups = 0;
        for (int t = 0; t < 2_000; t++) {
            DecodedText text = rendering(random, t);
            recent[t % recent.length] = text;
            int n = text.length();
            int at = random.nextInt(n + 1);
            for (int q = 0; q < 400; q++) {
                at = switch (random.nextInt(6)) {
                    case 0 -> random.nextInt(n + 1);
                    case 1 -> Math.max(0, at - random.nextInt(200));
                    case 2 -> random.nextBoolean() ? 0 : n == 0 ? 0 : n - 1;
                    case 3 -> n;
                    default -> Math.min(n, at + random.nextInt(60));
                };
                DecodedText looked = random.nextInt(10) == 0 && recent[(t + 1) % recent.length] != null
                        ? recent[(t + 1) % recent.length] : text;
                int index = Math.min(at, looked.length());
                assertThat(cursor.originalOffset(looked, index)).as("text %d char %d", t, index)
                        .isEqualTo(looked.originalOffset(index));
                lookups++;
            }
            if (t % 50 == 0) {
                cursor.clear();
            }
        }
        assertThat(lookups).isEqualTo(800_000);
    }

    @Test
    void everyCharOfALongRenderingInTextOrderAndBackwards() {
        Random random = new Random(7);
        StringBuilder b = new StringBuilder();
        while (b.length() < 300_000) {
            b.append(random.nextInt(4) == 0 ? "\\n" : random.nextInt(3) == 0 ? "\\\"" : "word ");
        }
        DecodedText text = AgentText.normalize(DecodedText.of("\"" + b + "\""));
        assertThat(text.isIdentity()).isFalse();
        OffsetCursor cursor = new OffsetCursor();
        for (int i = 0; i <= text.length(); i++) {
            assertThat(cursor.originalOffset(text, i)).isEqualTo(text.originalOffset(i));
        }
        for (int i = text.length(); i >= 0; i--) {
            assertThat(cursor.originalOffset(text, i)).isEqualTo(text.originalOffset(i));
        }
    }

    /** JSON-escaped, percent-encoded and base64 renderings of random agent-like text, some of them identity. */
    private static DecodedText rendering(Random random, int t) {
        StringBuilder b = new StringBuilder();
        String[] pieces = {"a", "word ", "\\n", "\\t", "\\\"", "\\u0041", "%41", "\n", "  12 + ", "key=\\\"v\\\" ", "é"};
        for (int i = 0, n = random.nextInt(t % 10 == 0 ? 4_000 : 300); i < n; i++) {
            b.append(pieces[random.nextInt(pieces.length)]);
        }
        String text = b.toString();
        return switch (t % 4) {
            case 0 -> DecodedText.of(text);
            case 1 -> AgentText.normalize(DecodedText.of("\"" + text + "\""));
            case 2 -> PercentDecoder.decode(DecodedText.of(text));
            default -> AgentText.normalize(DecodedText.of(text));
        };
    }
}
