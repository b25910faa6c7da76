package io.agentdlp.detection.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A search for escapes started at the text's first {@code '%'} (as the secret scanner does, from the keyword
 * automaton's first {@code "%"} hit) gives the rendering of a search from the start: chars and every offset.
 */
class PercentDecoderTest {
    private static final String[] PIECES = {
        "%", "%3D", "%2F", "%40", "%3a", "%0A", "%09", "%08", "%7F", "%80", "%C3%A9", "%2", "%G1", "%%3D", "100%",
        "a", "token", "=", " ", "\n", "\t", "\r", "x".repeat(40), "é", "→", "+", "&key=",
    };

    @Test
    void searchFromTheFirstPercentSignEqualsSearchFromTheStart() {
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
            DecodedText fromStart = PercentDecoder.decodeNearEscapes(in, margin, RenderingBuffers.unpooled());
            int firstPercent = in.toString().indexOf('%');
            if (firstPercent < 0) {
                assertThat(fromStart).isSameAs(in);
                continue;
            }
            for (int from : new int[] {firstPercent, random.nextInt(firstPercent + 1)}) {
                DecodedText fromFirst = PercentDecoder.decodeNearEscapes(in, margin, from, RenderingBuffers.unpooled());
                assertEqual(fromFirst, fromStart, in);
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
