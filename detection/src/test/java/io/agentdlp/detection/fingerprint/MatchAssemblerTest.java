package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchAssemblerTest {
    private static final int FILE = 7;

    /** A probe of {@code size} fingerprints with distinct shapes, one per line, none suppressed. */
    private static MatchAssembler probeOf(int size) {
        long[] hashes = new long[size];
        int[] lines = new int[size];
        for (int i = 0; i < size; i++) {
            hashes[i] = (long) (i + 1) << 8;
            lines[i] = i + 1;
        }
        return new MatchAssembler(new Fingerprints(hashes, lines, lines.clone(), size * 3), new boolean[size],
                MatchThresholds.DEFAULT);
    }

    private static void spelledRun(MatchAssembler assembler, int hits) {
        for (int i = 0; i < hits; i++) {
            assembler.hit(i, FILE, 10 + i, 10 + i, true);
        }
    }

    @Test
    void threeSpelledHitsMatchInAShortProbe() {
        MatchAssembler assembler = probeOf(20);
        spelledRun(assembler, 3);
        assertThat(assembler.candidates()).singleElement().satisfies(c -> {
            assertThat(c.fileId()).isEqualTo(FILE);
            assertThat(c.matchedFingerprints()).isEqualTo(3);
        });
    }

    @Test
    void aLongProbeNeedsOneMoreSpelledHit() {
        MatchAssembler three = probeOf(MatchAssembler.LONG_PROBE + 1);
        spelledRun(three, 3);
        assertThat(three.candidates()).isEmpty();

        MatchAssembler four = probeOf(MatchAssembler.LONG_PROBE + 1);
        spelledRun(four, 4);
        assertThat(four.candidates()).singleElement().satisfies(c -> assertThat(c.matchedFingerprints()).isEqualTo(4));
    }

    @Test
    void theLongProbeRuleCountsOnlyEvidenceFingerprints() {
        int size = MatchAssembler.LONG_PROBE + 10;
        long[] hashes = new long[size];
        int[] lines = new int[size];
        boolean[] suppressed = new boolean[size];
        for (int i = 0; i < size; i++) {
            hashes[i] = (long) (i + 1) << 8;
            lines[i] = i + 1;
            suppressed[i] = i >= 20; // common code: neither evidence nor gap
        }
        MatchAssembler assembler = new MatchAssembler(new Fingerprints(hashes, lines, lines.clone(), size * 3), suppressed,
                MatchThresholds.DEFAULT);
        spelledRun(assembler, 3);
        assertThat(assembler.candidates()).hasSize(1);
    }
}
