package io.agentdlp.topology.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The alert counters keep their names, tags and counts with the per-alert lookups cached. */
class DlpMetricsTest {
    @Test
    void alertCountersAreTaggedAndCountedPerCombination() {
        DlpMetrics m = new DlpMetrics(new SimpleMeterRegistry());
        m.alertEmitted("secret", "aws-access-key-id", "HIGH", false);
        m.alertEmitted("secret", "aws-access-key-id", "HIGH", false);
        m.alertEmitted("secret", "aws-access-key-id", "HIGH", true);
        m.alertEmitted("secret", "aws-access-key-id", "CRITICAL", true);
        m.alertEmitted("pii", null, "MEDIUM", false);
        m.alertEmitted("pii", "unknown", "MEDIUM", false);
        m.repeatSuppressed("secret", "jwt");
        m.repeatSuppressed("secret", "jwt");
        m.repeatSuppressed(null, "jwt");

        assertThat(alerts(m, "secret", "aws-access-key-id", "HIGH", "new").count()).isEqualTo(2);
        assertThat(alerts(m, "secret", "aws-access-key-id", "HIGH", "update").count()).isEqualTo(1);
        assertThat(alerts(m, "secret", "aws-access-key-id", "CRITICAL", "update").count()).isEqualTo(1);
        assertThat(alerts(m, "pii", "unknown", "MEDIUM", "new").count()).isEqualTo(2);
        assertThat(m.registry().get("dlp.alerts").counters()).hasSize(4);
        assertThat(m.registry().get("dlp.alert.repeats.suppressed").tags("detector", "secret", "rule", "jwt").counter().count())
                .isEqualTo(2);
        assertThat(m.registry().get("dlp.alert.repeats.suppressed").tags("detector", "unknown", "rule", "jwt").counter().count())
                .isEqualTo(1);
        Counter c = alerts(m, "secret", "aws-access-key-id", "HIGH", "new");
        assertThat(c.getId().getTags().stream().map(Tag::getKey).toList())
                .containsExactlyInAnyOrder("detector", "rule", "severity", "kind");
        assertThat(c.getId().getDescription()).isEqualTo("Alert records emitted");
        assertThat(m.registry().getMeters().stream().map(Meter::getId).filter(id -> id.getName().startsWith("dlp.alert"))
                .map(id -> id.getName()).distinct().sorted().toList())
                .isEqualTo(List.of("dlp.alert.repeats.suppressed", "dlp.alerts"));
    }

    private static Counter alerts(DlpMetrics m, String detector, String rule, String severity, String kind) {
        return m.registry().get("dlp.alerts").tags("detector", detector, "rule", rule, "severity", severity, "kind", kind)
                .counter();
    }
}
