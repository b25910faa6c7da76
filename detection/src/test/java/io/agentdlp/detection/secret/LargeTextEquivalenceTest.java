package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;
import org.junit.jupiter.api.Test;

/**
 * The scanner evaluates a large view's windows stretch by stretch and remembers a bounded number of value
 * verdicts; neither may change a finding. The oracle is the scanner as it was before both: every rule's
 * windows over the whole view in turn ({@code evaluationStretch} unbounded) and every value's verdict
 * remembered for the whole scan ({@code valueMemoLimit} unbounded).
 */
class LargeTextEquivalenceTest {
    private static final KeyedHasher HASHER = KeyedHasher.fromSecret("large-text-equivalence-test-key");

    private static SecretScanner scanner(int stretch, int memoLimit) {
        return SecretScanner.builder().hasher(HASHER).evaluationStretch(stretch).valueMemoLimit(memoLimit).build();
    }

    private final SecretScanner oracle = scanner(Integer.MAX_VALUE, Integer.MAX_VALUE);
    private final List<SecretScanner> candidates = List.of(
            SecretScanner.builder().hasher(HASHER).build(),
            scanner(61, 1),
            scanner(97, 3),
            scanner(1000, Integer.MAX_VALUE),
            scanner(Integer.MAX_VALUE, 2),
            scanner(64 * 1024, 100));

    @Test
    void largeTrafficGivesTheOraclesFindings() {
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
        for (boolean secrets : new boolean[]{true, false}) {
            assertSameFindings(corpus.traffic(2 << 20, secrets));
        }
    }

    @Test
    void trafficOfManySizesGivesTheOraclesFindings() {
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(7L);
        Random random = new Random(11);
        for (int i = 0; i < 40; i++) {
            assertSameFindings(corpus.traffic(1 + random.nextInt(300_000), random.nextBoolean()));
        }
    }

    /**
     * Rule examples and traffic cut at random places and stitched, so that values repeat at random distances and
     * the windows of many rules cross the stretches' ends.
     */
    @Test
    void stitchedExamplesGiveTheOraclesFindings() {
        List<String> pieces = new ArrayList<>();
        for (SecretRule rule : RuleCatalog.builtIn().rules()) {
            pieces.addAll(rule.examples().truePositives());
            pieces.addAll(rule.examples().falsePositives());
        }
        pieces.addAll(TrafficTexts.rawAndNormalised());
        String[] separators = {" ", "\n", "\\n", "\"", "=", "%3D", "&", "", "\t", "\\\"", ": "};
        Random random = new Random(20261125L);
        for (int t = 0; t < 60; t++) {
            StringBuilder sb = new StringBuilder();
            int target = 1 + random.nextInt(400_000);
            while (sb.length() < target) {
                String piece = pieces.get(random.nextInt(pieces.size()));
                int from = random.nextInt(4) == 0 ? random.nextInt(piece.length() + 1) : 0;
                int to = piece.length() > 2_000 ? Math.min(piece.length(), from + random.nextInt(6_000)) : piece.length();
                sb.append(piece, Math.min(from, to), to).append(separators[random.nextInt(separators.length)]);
            }
            assertSameFindings(sb.toString());
        }
    }

    /** The same findings, and every window evaluated once: a window done twice gives a duplicate the findings would hide. */
    private void assertSameFindings(String text) {
        ScanWork expectedWork = new ScanWork();
        ScanResult expected = oracle.scan(text, expectedWork);
        for (SecretScanner scanner : candidates) {
            ScanWork work = new ScanWork();
            assertThat(scanner.scan(text, work)).isEqualTo(expected);
            assertThat(new long[]{work.windows, work.windowChars, work.regexFinds, work.handMatched, work.candidates})
                    .containsExactly(expectedWork.windows, expectedWork.windowChars, expectedWork.regexFinds,
                            expectedWork.handMatched, expectedWork.candidates);
        }
    }
}
