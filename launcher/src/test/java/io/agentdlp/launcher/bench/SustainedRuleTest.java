package io.agentdlp.launcher.bench;

import static io.agentdlp.launcher.bench.Steps.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SustainedRuleTest {
    private static final LatencyStats.Summary FAST = new LatencyStats.Summary(10, 50, 90, 100, 100, 100);
    private static final LatencyStats.Summary SLOW = new LatencyStats.Summary(10, 50, 90, 900, 900, 900);
    private static final LatencyStats.Summary NONE = new LatencyStats.Summary(0, 0, 0, 0, 0, 0);

    private static StepResult step(long accepted, long failed, LatencyStats.Summary alerts, long missing, double drain) {
        return new StepResult("g", "search", 100, 10, accepted, failed, alerts, FAST, missing, drain, 12, Steps.cpu(5, 1), 500);
    }

    @Test
    void aStepThatDeliveredAlertedDrainedAndStayedFastIsSustained() {
        StepResult ok = step(1000, 0, FAST, 0, 0.4);

        assertThat(RULE.sustained(ok)).isTrue();
        assertThat(RULE.verdict(ok)).isEqualTo("sustained");
    }

    @Test
    void eachBrokenConditionIsNamed() {
        assertThat(RULE.verdict(step(900, 0, FAST, 0, 0.4))).isEqualTo("not sustained: accepted 90% of offered");
        assertThat(RULE.verdict(step(1000, 20, FAST, 0, 0.4))).isEqualTo("not sustained: 20 events refused");
        assertThat(RULE.verdict(step(1000, 0, FAST, 3, 0.4))).isEqualTo("not sustained: 3 alerts missing");
        assertThat(RULE.verdict(step(1000, 0, FAST, 0, 14))).isEqualTo("not sustained: backlog drained after 14 s");
        assertThat(RULE.verdict(step(1000, 0, FAST, 0, -1))).isEqualTo("not sustained: backlog not drained");
        assertThat(RULE.verdict(step(1000, 0, NONE, 0, 0.4))).isEqualTo("not sustained: no alert measured");
        assertThat(RULE.verdict(step(1000, 0, SLOW, 0, 0.4))).isEqualTo("not sustained: p99 900 ms over 500 ms");
        assertThat(RULE.verdict(step(500, 0, SLOW, 7, -1)))
                .isEqualTo("not sustained: accepted 50% of offered; 7 alerts missing; backlog not drained; p99 900 ms over 500 ms");
    }

    @Test
    void verdictsCarryNoCommaSoTheyFitInACsvField() {
        assertThat(RULE.verdict(step(500, 3, SLOW, 7, -1))).doesNotContain(",");
    }
}
