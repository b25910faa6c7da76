package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.agentdlp.topology.session.SessionSummary;

class SessionSummaryTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void detectionsAreSummarisedPerSessionWithRedactedPreviewsOnly() {
        try (TopologyFixture f = TopologyFixture.defaults()) {
            f.send(Events.prompt(T0, "token " + Events.GITHUB_TOKEN));
            f.send(Events.shell(T0.plusSeconds(5), "chmod 777 /srv/app"));
            f.send(Events.prompt(T0.plusSeconds(6), "nothing to see"));
            SessionSummary s = f.driver.<String, SessionSummary>getKeyValueStore(DlpTopology.SESSION_STORE).get(Events.KEY);
            assertThat(s.detections()).isEqualTo(2);
            assertThat(s.bySeverity()).containsEntry("CRITICAL", 1L).containsEntry("MEDIUM", 1L);
            assertThat(s.byDetector()).containsEntry("secret", 1L).containsEntry("risky-action", 1L);
            assertThat(s.riskScore()).isEqualTo(18);
            assertThat(s.recent()).hasSize(2);
            assertThat(s.recent().get(0).rule()).isEqualTo("world-writable-permissions");
            assertThat(new String(s.toJson())).doesNotContain(Events.GITHUB_TOKEN).contains("ghp_");
        }
    }
}
