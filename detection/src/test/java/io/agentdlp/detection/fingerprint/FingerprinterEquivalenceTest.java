package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The optimised fingerprinting gives the fingerprints of the reference, for the default and other k. */
class FingerprinterEquivalenceTest {
    private static final List<FingerprintConfig> CONFIGS = List.of(FingerprintConfig.DEFAULT,
            new FingerprintConfig(4, 1, 0), new FingerprintConfig(9, 4, 2), new FingerprintConfig(64, 5, 4));
    private static final List<Fingerprinter> OPTIMISED = CONFIGS.stream().map(Fingerprinter::new).toList();
    private static final List<FingerprinterReference> REFERENCE = CONFIGS.stream().map(FingerprinterReference::new)
            .toList();

    @Test
    void randomWrappedTextsGiveTheReferenceFingerprints() {
        SplittableRandom random = new SplittableRandom(20261124L);
        for (int i = 0; i < 600; i++) {
            assertSameFingerprints(WrappedText.random(random, 1 + random.nextInt(120)));
        }
    }

    @Test
    void generatedCodeAsIsAndRenamedGivesTheReferenceFingerprints() {
        SplittableRandom random = new SplittableRandom(11L);
        for (long seed = 0; seed < 30; seed++) {
            String java = SyntheticCode.java(seed, 3);
            String python = SyntheticCode.python(seed, 3);
            assertSameFingerprints(java);
            assertSameFingerprints(python);
            assertSameFingerprints(LeakTransforms.rename(java, "java", random));
            assertSameFingerprints(LeakTransforms.jsonBody(LeakTransforms.chat(python, "python", random)));
        }
    }

    /** Few spellings among many identifiers: spellings that share a slot of the link table are in the window together. */
    @Test
    void identifierRunsWithRepeatedSpellingsGiveTheReferenceFingerprints() {
        SplittableRandom random = new SplittableRandom(5L);
        for (int i = 0; i < 300; i++) {
            int spellings = 1 + random.nextInt(600);
            StringBuilder s = new StringBuilder();
            for (int t = random.nextInt(400); t > 0; t--) {
                s.append(random.nextInt(4) == 0 ? "+(" : " ").append("v").append(random.nextInt(spellings));
                if (random.nextInt(12) == 0) {
                    s.append(";\n");
                }
            }
            assertSameFingerprints(s.toString());
        }
    }

    private static void assertSameFingerprints(String text) {
        for (int c = 0; c < CONFIGS.size(); c++) {
            Fingerprints expected = REFERENCE.get(c).fingerprint(text);
            Fingerprints actual = OPTIMISED.get(c).fingerprint(text);
            if (!actual.equals(expected)) {
                assertThat(actual).as("%s of %s", CONFIGS.get(c), text).isEqualTo(expected);
            }
        }
    }
}
