package io.agentdlp.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BenchSettingsTest {
    private static BenchSettings settings(double startRate, double minRate, int minAlerts) {
        return new BenchSettings(startRate, minRate, 2, Duration.ofSeconds(10), minAlerts, Duration.ofSeconds(10),
                Duration.ofSeconds(10), 10, 0.1, 500, 0.1, 0.05, 10, 32, 42);
    }

    @Test
    void aLowRateStepLastsLongEnoughForTheMinimumAlertsButAtMostThreeSteps() {
        BenchSettings s = settings(100, 1, 50);

        assertThat(s.stepLength(1000)).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.stepLength(25)).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.stepLength(2)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theRuleUsesTheBudgetAndTheDrainWindow() {
        assertThat(settings(100, 1, 50).rule()).isEqualTo(new SustainedRule(500, 10));
    }

    @Test
    void aMinimumRateAboveTheStartIsRefused() {
        assertThatThrownBy(() -> settings(10, 20, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(10, 0.5, 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
