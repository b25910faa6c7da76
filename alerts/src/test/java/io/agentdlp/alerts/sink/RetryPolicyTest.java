package io.agentdlp.alerts.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.agentdlp.alerts.TestAlerts;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Severity;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void delaysGrowExponentiallyWithJitterUpToTheCap() {
        RetryPolicy p = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 5);
        for (int i = 0; i < 50; i++) {
            assertThat(p.delayAfter(1).toMillis()).isBetween(50L, 100L);
            assertThat(p.delayAfter(3).toMillis()).isBetween(200L, 400L);
            assertThat(p.delayAfter(30).toMillis()).isBetween(1000L, 2000L);
        }
        assertThat(p.exhausted(4)).isFalse();
        assertThat(p.exhausted(5)).isTrue();
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filtersBySeverityDetectorAndSuppression() {
        DlpAlert high = TestAlerts.secret("a", Severity.HIGH, "t", Instant.EPOCH, "s");
        DlpAlert low = TestAlerts.volume("b", Instant.EPOCH);
        SinkFilter f = new SinkFilter(Severity.MEDIUM, Set.of(), true, id -> id.equals("muted"));
        assertThat(f.accepts(high)).isTrue();
        assertThat(f.accepts(low)).isFalse();
        assertThat(f.accepts(DlpAlert.newBuilder(high).setAlertId("muted").build())).isFalse();
        assertThat(new SinkFilter(Severity.INFO, Set.of("volume"), false, id -> true).accepts(high)).isFalse();
        assertThat(new SinkFilter(Severity.INFO, Set.of("volume"), false, id -> true).accepts(low)).isTrue();
    }
}
