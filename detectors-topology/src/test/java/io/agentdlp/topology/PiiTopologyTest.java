package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Severity;
import io.agentdlp.topology.config.TopologyConfig;

class PiiTopologyTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String CARD = "4556 7375 8689 9855";
    private static final String SSN = "536-22-8712";
    private static final TopologyConfig ONLY_PII = TopologyConfig.defaults().with("detector.secret.enabled", "false")
            .with("detector.code.enabled", "false").with("detector.risky.enabled", "false");

    private static List<DlpAlert> pii(List<DlpAlert> alerts) {
        return alerts.stream().filter(a -> a.getDetector().equals("pii")).toList();
    }

    @Test
    void valueFindingsAtOrAboveTheMinimumSeverityAlertWithRedactedEvidenceOnly() {
        try (TopologyFixture f = new TopologyFixture(ONLY_PII)) {
            f.send(Events.prompt(T0, "refund card " + CARD + " exp 09/29, mail maria.schmidt@kontor-berlin.de"));
            List<DlpAlert> alerts = pii(f.alerts());
            assertThat(alerts).singleElement().satisfies(a -> {
                assertThat(a.getRuleId()).isEqualTo("pii.payment-card");
                assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
                assertThat(a.getEvidence()).singleElement().satisfies(e -> {
                    assertThat(e.getKeyedHash()).isNotBlank();
                    assertThat(e.getRedactedPreview()).doesNotContain(CARD).doesNotContain(CARD.replace(" ", ""));
                });
            });
            assertThat(alerts.toString()).doesNotContain(CARD).doesNotContain("maria.schmidt");
        }
    }

    @Test
    void aDumpIsOneBulkAlertWithCountsByType() {
        String rows = IntStream.range(0, 12).mapToObj(i -> "user" + i + ".name@kontor-berlin.de")
                .collect(Collectors.joining("\n"));
        try (TopologyFixture f = new TopologyFixture(ONLY_PII)) {
            f.send(Events.prompt(T0, "import these:\n" + rows + "\nowner ssn " + SSN + "\ncard " + CARD));
            List<DlpAlert> alerts = pii(f.alerts());
            assertThat(alerts).singleElement().satisfies(a -> {
                assertThat(a.getRuleId()).isEqualTo("pii.bulk");
                assertThat(a.getSeverity()).isEqualTo(Severity.CRITICAL);
                assertThat(a.getAttributes()).containsEntry("pii_count_email", "12").containsEntry("pii_count_us-ssn", "1")
                        .containsEntry("pii_count_payment-card", "1").containsEntry("pii_distinct_values", "14");
                assertThat(a.getEvidence()).hasSizeLessThanOrEqualTo(1 + 5).first()
                        .satisfies(e -> assertThat(e.getRuleId()).isEqualTo("pii.bulk"));
                assertThat(a.getEvidence().get(1).getRuleId()).isIn("pii.us-ssn", "pii.payment-card");
            });
            assertThat(alerts.toString()).doesNotContain(SSN).doesNotContain("user3.name");
        }
    }

    @Test
    void thresholdsComeFromConfiguration() {
        TopologyConfig c = ONLY_PII.with("pii.min.severity", "LOW").with("pii.bulk.min.values", "3");
        try (TopologyFixture f = new TopologyFixture(c)) {
            f.send(Events.prompt(T0, "mail maria.schmidt@kontor-berlin.de please"));
            f.send(Events.prompt(T0.plusSeconds(1), "a@kontor-berlin.de b@kontor-berlin.de c@kontor-berlin.de"));
            assertThat(pii(f.alerts())).extracting(DlpAlert::getRuleId).containsExactly("pii.email", "pii.bulk");
        }
    }

    @Test
    void sensitivePersonalDataToANonAllowedDestinationRaisesAndAddsAPolicyAlert() {
        try (TopologyFixture f = new TopologyFixture(ONLY_PII)) {
            f.policies.pipeInput("default", Policies.allowOnly(1, "api.anthropic.com"));
            f.send(Events.modelRequest(T0, "customer ssn " + SSN, "llm.example.net"));
            List<DlpAlert> alerts = f.alerts();
            assertThat(pii(alerts)).singleElement().satisfies(a -> {
                assertThat(a.getSeverity()).isEqualTo(Severity.CRITICAL);
                assertThat(a.getAttributes()).containsEntry("destination_allowed", "false");
            });
            assertThat(alerts).filteredOn(a -> a.getDetector().equals("policy")).singleElement()
                    .satisfies(a -> assertThat(a.getExplanation()).contains("personal data"));
        }
    }

    @Test
    void canBeDisabled() {
        try (TopologyFixture f = new TopologyFixture(ONLY_PII.with("detector.pii.enabled", "false"))) {
            f.send(Events.prompt(T0, "ssn " + SSN));
            assertThat(pii(f.alerts())).isEmpty();
        }
    }
}
