package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Severity;

class SecretDetectionTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void secretInAPromptBecomesAnAlertWithRedactedEvidenceOnly() {
        try (TopologyFixture f = TopologyFixture.defaults()) {
            f.send(Events.prompt(T0, "please deploy with GITHUB_TOKEN=" + Events.GITHUB_TOKEN + " thanks"));
            List<DlpAlert> alerts = f.alerts();
            assertThat(alerts).hasSize(1);
            DlpAlert a = alerts.get(0);
            assertThat(a.getDetector()).isEqualTo("secret");
            assertThat(a.getRuleId()).isEqualTo("github-pat-classic");
            assertThat(a.getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.getSessionId()).isEqualTo(Events.SESSION);
            assertThat(a.getOccurrenceCount()).isEqualTo(1);
            assertThat(a.getEvidence()).hasSize(1);
            assertThat(a.getEvidence().get(0).getKeyedHash()).hasSize(64);
            assertThat(a.toString()).doesNotContain(Events.GITHUB_TOKEN);
            assertThat(f.deadLetters.isEmpty()).isTrue();
        }
    }
}
