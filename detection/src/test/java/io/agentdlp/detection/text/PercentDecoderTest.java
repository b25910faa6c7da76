package io.agentdlp.detection.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The rendering from the text's {@code '%'} indices (as the secret scanner passes them, from the keyword
 * automaton's {@code "%"} hits) and the rendering of a search over the text both equal the former decoder's
 * ({@link OriginalPercentDecoder}): chars and every offset.
 */
class PercentDecoderTest {
    private static final String[] PIECES = {
        "%", "%3D", "%2F", "%40", "%3a", "%0A", "%09", "%08", "%7F", "%80", "%C3%A9", "%2", "%G1", "%%3D", "100%",
        "a", "token", "=", " ", "\n", "\t", "\r", "x".repeat(40), "é", "→", "+", "&key=",
    };

    @Test
    void renderingFromThePercentSignsEqualsSearchFromTheStart() {
        Random random = new Random(20261125L);
        int decoded = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(round % 10 == 0 ? 400 : 40);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            DecodedText in = round % 3 == 0 ? AgentText.normalize(DecodedText.of(text)) : DecodedText.of(text);
            int margin = 1 + random.nextInt(round % 4 == 0 ? 2000 : 64);
            DecodedText fromStart = OriginalPercentDecoder.decodeNearEscapes(in, margin, RenderingBuffers.unpooled());
            assertEqual(PercentDecoder.decodeNearEscapes(in, margin, RenderingBuffers.unpooled()), fromStart, in);
            int[] percents = new int[in.length() + random.nextInt(3)];
            int count = 0;
            for (int i = 0; i < in.length(); i++) {
                if (in.charAt(i) == '%') {
                    percents[count++] = i;
                }
            }
            DecodedText fromPercents = PercentDecoder.decodeNearEscapes(in, margin, percents, count, RenderingBuffers.unpooled());
            assertEqual(fromPercents, fromStart, in);
            if (count == 0) {
                assertThat(fromStart).isSameAs(in);
                continue;
            }
            if (fromStart != in) {
                decoded++;
            }
        }
        assertThat(decoded).isGreaterThan(5_000);
    }

    private static void assertEqual(DecodedText actual, DecodedText expected, DecodedText in) {
        String context = "input " + List.of(in.toString());
        assertThat(actual.toString()).as(context).isEqualTo(expected.toString());
        assertThat(actual == in).as(context).isEqualTo(expected == in);
        assertThat(actual.depth()).as(context).isEqualTo(expected.depth());
        for (int i = 0; i <= expected.length(); i++) {
            if (actual.originalOffset(i) != expected.originalOffset(i)) {
                assertThat(actual.originalOffset(i)).as(context + " offset of char " + i).isEqualTo(expected.originalOffset(i));
            }
        }
    }
}
