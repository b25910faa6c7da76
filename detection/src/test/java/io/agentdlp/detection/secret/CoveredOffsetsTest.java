package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link CoveredOffsets} answers what a plain array of covered flags answers. */
class CoveredOffsetsTest {

    @Test
    void agreesWithAFlagArrayAndIsEmptyAgainAfterUncovering() {
        Random random = new Random(3);
        int hits = 0;
        for (int round = 0; round < 200; round++) {
            CoveredOffsets covered = new CoveredOffsets();
            int size = 1 + random.nextInt(round % 2 == 0 ? 300 : 5_000);
            boolean[] reference = new boolean[size];
            List<int[]> spans = new ArrayList<>();
            for (int q = 0; q < 100; q++) {
                int from = random.nextInt(size);
                int to = from + 1 + random.nextInt(Math.min(size - from, random.nextBoolean() ? 8 : 200));
                boolean expected = false;
                for (int i = from; i < to; i++) {
                    expected |= reference[i];
                }
                assertThat(covered.anyIn(from, to)).as("[%d, %d) of %d", from, to, size).isEqualTo(expected);
                if (!expected) {
                    covered.cover(from, to);
                    spans.add(new int[]{from, to});
                    for (int i = from; i < to; i++) {
                        reference[i] = true;
                    }
                } else {
                    hits++;
                }
            }
            for (int[] span : spans) {
                covered.uncover(span[0], span[1]);
            }
            assertThat(covered.anyIn(0, size)).isFalse();
        }
        assertThat(hits).isGreaterThan(1_000);
    }
}
