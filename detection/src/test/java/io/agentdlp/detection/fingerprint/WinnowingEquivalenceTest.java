package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The window selection keeps the k-grams the selection of {@link FingerprinterReference} keeps, for w = 3
 * (without branches) and other windows.
 */
class WinnowingEquivalenceTest {
    @Test
    void randomShapesWithTiesProseAndExtremesSelectAsTheReference() {
        SplittableRandom random = new SplittableRandom(20261125L);
        for (int round = 0; round < 20_000; round++) {
            int m = 1 + random.nextInt(random.nextBoolean() ? 12 : 400);
            int w = random.nextBoolean() ? 3 : 1 + random.nextInt(8);
            long[] h = shapes(random, m);
            int[] expected = new int[m];
            int[] actual = new int[m];
            int expectedCount = FingerprinterReference.select(h, m, w, expected);
            int actualCount = Winnowing.select(h, m, w, actual);
            assertThat(Arrays.copyOf(actual, actualCount)).as("m %d, w %d, %s", m, w, Arrays.toString(h))
                    .isEqualTo(Arrays.copyOf(expected, expectedCount));
        }
    }

    /** Shapes as {@link Fingerprinter} writes them: lowest 8 bits clear, or {@link Long#MAX_VALUE} for prose. */
    private static long[] shapes(SplittableRandom random, int m) {
        int distinct = 1 + random.nextInt(random.nextBoolean() ? 4 : 1000);
        long[] h = new long[m];
        for (int i = 0; i < m; i++) {
            int kind = random.nextInt(20);
            if (kind == 0) {
                h[i] = Long.MAX_VALUE;
            } else if (kind == 1) {
                h[i] = random.nextBoolean() ? Long.MIN_VALUE : (Long.MAX_VALUE & ~0xFFL) - 0x100L;
            } else if (kind < 10) {
                h[i] = random.nextLong() & ~0xFFL;
            } else {
                h[i] = ((long) random.nextInt(distinct) - distinct / 2) << 8;
            }
        }
        return h;
    }
}
