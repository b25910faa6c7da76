package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.topology.config.TopologyConfig;

class AlertAggregationTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void repeatsAggregateUnderOneIdWithBoundedUpdateRate() {
        TopologyConfig c = TopologyConfig.defaults().with("alert.update.interval", "30s").with("dedup.enabled", "false");
        try (TopologyFixture f = new TopologyFixture(c)) {
            // Different texts carrying the same token: same detector, rule, session and keyed hash.
            f.send(Events.prompt(T0, "first " + Events.GITHUB_TOKEN));
            List<DlpAlert> first = f.alerts();
            assertThat(first).hasSize(1);
            String id = first.get(0).getAlertId();
            assertThat(first.get(0).getOccurrenceCount()).isEqualTo(1);

            f.send(Events.prompt(T0.plusSeconds(1), "second " + Events.GITHUB_TOKEN));
            f.send(Events.prompt(T0.plusSeconds(2), "third " + Events.GITHUB_TOKEN));
            // Within the update interval (wall clock): no update yet.
            assertThat(f.alerts()).isEmpty();
            assertThat(f.metrics.registry().get("dlp.alert.repeats.suppressed").tag("rule", "github-pat-classic").counter().count())
                    .isEqualTo(2.0);

            f.driver.advanceWallClockTime(Duration.ofSeconds(31));
            List<DlpAlert> update = f.alerts();
            assertThat(update).hasSize(1);
            DlpAlert u = update.get(0);
            assertThat(u.getAlertId()).isEqualTo(id);
            assertThat(u.getOccurrenceCount()).isEqualTo(3);
            assertThat(u.getFirstSeen()).isEqualTo(T0);
            assertThat(u.getLastSeen()).isEqualTo(T0.plusSeconds(2));
            assertThat(u.getEventIds()).hasSize(3);
            assertThat(u.getEvidence()).hasSize(1);

            // Nothing dirty: the next tick emits nothing.
            f.driver.advanceWallClockTime(Duration.ofSeconds(31));
            assertThat(f.alerts()).isEmpty();
            // After the interval, the next occurrence goes out at once.
            f.send(Events.prompt(T0.plusSeconds(70), "fourth " + Events.GITHUB_TOKEN));
            assertThat(f.alerts()).singleElement().satisfies(a -> assertThat(a.getOccurrenceCount()).isEqualTo(4));
        }
    }

    @Test
    void differentSecretsAreDifferentAlertsAndEventIdsAreBounded() {
        TopologyConfig c = TopologyConfig.defaults().with("alert.max.event.ids", "2").with("alert.update.interval", "1s")
                .with("dedup.enabled", "false");
        try (TopologyFixture f = new TopologyFixture(c)) {
            f.send(Events.prompt(T0, "a " + Events.GITHUB_TOKEN + " and " + Events.AWS_KEY_ID));
            List<DlpAlert> two = f.alerts();
            assertThat(two).extracting(DlpAlert::getRuleId).containsExactlyInAnyOrder("github-pat-classic", "aws-access-key-id");
            assertThat(two.get(0).getAlertId()).isNotEqualTo(two.get(1).getAlertId());
            for (int i = 1; i <= 3; i++) {
                f.driver.advanceWallClockTime(Duration.ofSeconds(2));
                f.send(Events.prompt(T0.plusSeconds(i), "n" + i + " " + Events.GITHUB_TOKEN));
            }
            List<DlpAlert> updates = f.alerts();
            DlpAlert last = updates.get(updates.size() - 1);
            assertThat(last.getOccurrenceCount()).isEqualTo(4);
            assertThat(last.getEventIds()).hasSize(2);
        }
    }

    @Test
    void alertsExpireAfterRetentionAndStartAgain() {
        TopologyConfig c = TopologyConfig.defaults().with("alert.retention", "1h").with("cleanup.interval", "1m")
                .with("dedup.enabled", "false");
        try (TopologyFixture f = new TopologyFixture(c)) {
            f.send(Events.prompt(T0, "x " + Events.GITHUB_TOKEN));
            f.alerts();
            f.send(Events.prompt(T0.plus(Duration.ofHours(3)), "unrelated prompt"));
            f.driver.advanceWallClockTime(Duration.ofMinutes(2));
            assertThat(f.driver.getKeyValueStore(DlpTopology.SESSION_ALERTS_STORE).approximateNumEntries()).isZero();
            f.send(Events.prompt(T0.plus(Duration.ofHours(3)).plusSeconds(1), "again " + Events.GITHUB_TOKEN));
            assertThat(f.alerts()).singleElement().satisfies(a -> {
                assertThat(a.getOccurrenceCount()).isEqualTo(1);
                assertThat(a.getFirstSeen()).isEqualTo(T0.plus(Duration.ofHours(3)).plusSeconds(1));
            });
        }
    }
}
