package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;
import io.agentdlp.detection.secret.eval.DetectionQuality;
import io.agentdlp.detection.secret.eval.LabeledSample;
import org.junit.jupiter.api.Test;

/** Precision and recall on the generated labelled corpus (fixed seed); figures are recorded in docs/secrets.md. */
class DetectionQualityTest {

    @Test
    void precisionAndRecallOnAgentTrafficCorpusMeetTheTarget() {
        KeyedHasher hasher = KeyedHasher.fromSecret("detection-quality-test-key");
        SecretScanner scanner = SecretScanner.builder().hasher(hasher).build();
        List<LabeledSample> corpus = new AgentTrafficCorpus(20250301L).generate(3000);
        assertThat(corpus.stream().mapToInt(s -> s.planted().size()).sum()).isGreaterThan(2500);
        DetectionQuality q = DetectionQuality.measure(scanner, hasher, RuleCatalog.builtIn(), corpus);
        System.out.println(q.markdownTable() + "\nfalse positives by rule: " + q.falsePositiveRules() + "\nmissed: " + q.missedKinds());
        assertThat(q.overall().precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(q.overall().recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(q.overall().f1()).isGreaterThanOrEqualTo(0.95);
    }
}
