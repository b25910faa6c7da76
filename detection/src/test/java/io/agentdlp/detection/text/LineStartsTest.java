package io.agentdlp.detection.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;

/**
 * The line starts the normalisation records give, below every limit asked for, the lines and columns of
 * {@link LineIndex#of(CharSequence, int)} over the original text.
 */
class LineStartsTest {
    private static final String[] PIECES = {
        "\n", "\n\n", "\r\n", "\\n", "\\\\n", "\\u000a", "\"", "\\", "\\\"", "  12\t", "@@ -1 +1 @@", "+", "-", " ",
        "a", "token", "é", "\u010a", "x".repeat(30), "%0A",
    };

    @Test
    void recordedLinesEqualTheIndexOfTheOriginal() {
        Random random = new Random(29L);
        LineStarts lines = new LineStarts();
        RenderingBuffers buffers = RenderingBuffers.reused();
        int recorded = 0;
        for (int t = 0; t < 5_000; t++) {
            StringBuilder b = new StringBuilder();
            int pieces = random.nextInt(t % 20 == 0 ? 3_000 : 40);
            for (int p = 0; p < pieces; p++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            recorded += check(t % 2 == 0 ? b.toString() : b, random, lines, buffers);
        }
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
        for (int size : new int[] {1024, 5120, 102400}) {
            for (int i = 0; i < 6; i++) {
                recorded += check(corpus.traffic(size, i % 2 == 0), random, lines, buffers);
            }
        }
        assertThat(recorded).isGreaterThan(2_000);
    }

    /** 1 when the walk recorded the lines of {@code text} (up to a random limit), 0 when it left them to the index. */
    private static int check(CharSequence text, Random random, LineStarts lines, RenderingBuffers buffers) {
        int limit = random.nextInt(4) == 0 ? random.nextInt(text.length() + 1) : text.length();
        AgentText.normalize(text, limit, buffers, lines);
        buffers.releaseAll();
        int n = Math.min(limit, text.length());
        int asked = random.nextInt(3) == 0 ? random.nextInt(n + 1) : n;
        LineIndex actual = lines.index(asked);
        if (actual == null) {
            return 0;
        }
        LineIndex expected = LineIndex.of(text, asked);
        for (int offset = 0; offset < asked; offset++) {
            if (actual.line(offset) != expected.line(offset) || actual.column(offset) != expected.column(offset)) {
                assertThat(actual.line(offset)).as("line of offset " + offset + " of " + asked).isEqualTo(expected.line(offset));
                assertThat(actual.column(offset)).as("column of offset " + offset + " of " + asked).isEqualTo(expected.column(offset));
            }
        }
        return 1;
    }
}
