package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.volume.VolumeAnomalyDetector;

class VolumeTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    /** 5-minute windows, 1-minute grace, alert above 4 sigma and 20 KiB / 50 events, after 4 windows of history. */
    private static final TopologyConfig VOLUME = TopologyConfig.defaults()
            .with("detector.secret.enabled", "false").with("detector.sequence.enabled", "false")
            .with("dedup.enabled", "false")
            .with("volume.window", "5m").with("volume.grace", "1m").with("volume.zscore", "4")
            .with("volume.floor.bytes", "20KiB").with("volume.floor.events", "50").with("volume.min.history", "4")
            .with("volume.ewma.alpha", "0.3");

    private static List<DlpAlert> volumeAlerts(TopologyFixture f) {
        return f.alerts().stream().filter(a -> a.getDetector().equals(VolumeAnomalyDetector.DETECTOR)).toList();
    }

    /** Sends {@code n} requests of {@code size} bytes spread over the window starting at {@code start}. */
    private static void window(TopologyFixture f, Instant start, int n, int size) {
        for (int i = 0; i < n; i++) {
            f.send(Events.modelRequest(start.plusMillis(i * 1000L), "p".repeat(size - 1) + i % 10, "api.anthropic.com"));
        }
    }

    @Test
    void burstFarAboveTheBaselineAndTheFloorAlertsOncePerWindowAndMeasure() {
        try (TopologyFixture f = new TopologyFixture(VOLUME)) {
            for (int w = 0; w < 6; w++) {
                window(f, T0.plus(Duration.ofMinutes(5L * w)), 10, 1000);
            }
            assertThat(volumeAlerts(f)).isEmpty();
            // Window 6: 40 requests of 2 KB = 80 KB against a ~10 KB baseline.
            window(f, T0.plus(Duration.ofMinutes(30)), 40, 2000);
            List<DlpAlert> alerts = volumeAlerts(f);
            assertThat(alerts).singleElement().satisfies(a -> {
                assertThat(a.getRuleId()).isEqualTo(VolumeAnomalyDetector.RULE_BYTES);
                assertThat(a.getUserId()).isEqualTo("u-42");
                assertThat(a.getDestination().getHost()).isEqualTo("api.anthropic.com");
                Map<String, String> at = a.getAttributes();
                assertThat(at).containsEntry("window_start", String.valueOf(T0.plus(Duration.ofMinutes(30)).toEpochMilli()))
                        // The 10:25 window is still in its grace period while 10:30 fills: 5 windows of history.
                        .containsEntry("history_windows", "5").containsEntry("measure", "bytes");
                assertThat(Double.parseDouble(at.get("baseline_mean"))).isBetween(9000.0, 11000.0);
                assertThat(Double.parseDouble(at.get("zscore"))).isGreaterThan(4.0);
            });
            assertThat(f.metrics.registry().get("dlp.rule.hits").tag("rule", VolumeAnomalyDetector.RULE_BYTES).counter().count())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void belowTheAbsoluteFloorOrWithoutHistoryNothingAlerts() {
        try (TopologyFixture f = new TopologyFixture(VOLUME)) {
            // No history: a big first window cannot alert.
            window(f, T0, 30, 2000);
            for (int w = 1; w < 6; w++) {
                window(f, T0.plus(Duration.ofMinutes(5L * w)), 2, 100);
            }
            // 10x the tiny baseline but below the 20 KiB floor.
            window(f, T0.plus(Duration.ofMinutes(30)), 8, 1000);
            assertThat(volumeAlerts(f)).isEmpty();
        }
    }

    @Test
    void lateEventsWithinGraceCountAndLaterOnesAreDropped() {
        try (TopologyFixture f = new TopologyFixture(VOLUME)) {
            window(f, T0, 5, 1000);
            // Stream time moves to 10:05:30: the 10:00 window is still inside its grace period.
            f.send(Events.modelRequest(T0.plus(Duration.ofSeconds(330)), "q", "api.anthropic.com"));
            f.send(Events.modelRequest(T0.plusSeconds(100), "late but within grace", "api.anthropic.com"));
            // Stream time moves to 10:07: the 10:00 window closed; this one is dropped.
            f.send(Events.modelRequest(T0.plus(Duration.ofSeconds(420)), "q", "api.anthropic.com"));
            f.send(Events.modelRequest(T0.plusSeconds(200), "too late", "api.anthropic.com"));
            assertThat(f.metrics.registry().get("dlp.late.records.dropped").tag("detector", "volume").counter().count())
                    .isEqualTo(1.0);
            var store = f.driver.<String, io.agentdlp.topology.volume.VolumeState>getKeyValueStore(DlpTopology.VOLUME_STORE);
            var st = store.get("u-42|api.anthropic.com");
            // The closed window (5 + 1 late events) is in the baseline.
            assertThat(st.events().windows()).isEqualTo(1);
            assertThat(st.events().mean()).isEqualTo(6.0);
        }
    }

    @Test
    void policyThresholdOverridesTheConfiguredZScore() {
        try (TopologyFixture f = new TopologyFixture(VOLUME)) {
            f.policies.pipeInput("default", Policies.withThresholds(Policies.allowOnly(1, "*"), Map.of("volume.zscore", 1000.0)));
            for (int w = 0; w < 6; w++) {
                window(f, T0.plus(Duration.ofMinutes(5L * w)), 10, 1000);
            }
            window(f, T0.plus(Duration.ofMinutes(30)), 40, 2000);
            assertThat(volumeAlerts(f)).isEmpty();
        }
    }
}
