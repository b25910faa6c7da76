package io.agentdlp.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MaxRateSearchTest {
    private static final double BUDGET = 500;

    /** A stack that keeps p99 within budget up to {@code capacity} events/s and falls over above it. */
    private static StepResult step(double rate, double capacity) {
        double p99 = rate <= capacity ? 120 : 4000;
        LatencyStats.Summary alerts = new LatencyStats.Summary(100, 50, 90, p99, p99, p99);
        LatencyStats.Summary ingest = new LatencyStats.Summary(1000, 5, 9, 20, 30, 40);
        return new StepResult("exactly_once_v2", "search", rate, rate, alerts, ingest, 0, 0, 80, 600, 1000);
    }

    @Test
    void doublesUntilAFailureThenBisectsToThePrecision() {
        List<StepResult> steps = new MaxRateSearch(200, 0.15, BUDGET, 10).run(r -> step(r, 730));

        assertThat(steps).extracting(StepResult::targetRate).containsExactly(200.0, 400.0, 800.0, 600.0, 700.0);
        assertThat(MaxRateSearch.best(steps, BUDGET).targetRate()).isEqualTo(700.0);
    }

    @Test
    void halvesDownToAnEighthOfTheStartWhenNothingIsSustained() {
        List<StepResult> steps = new MaxRateSearch(200, 0.15, BUDGET, 10).run(r -> step(r, 10));

        assertThat(steps).extracting(StepResult::targetRate).containsExactly(200.0, 100.0, 50.0, 25.0);
        assertThat(MaxRateSearch.best(steps, BUDGET)).isNull();
    }

    @Test
    void stopsAtTheStepLimit() {
        List<StepResult> steps = new MaxRateSearch(100, 0.01, BUDGET, 3).run(r -> step(r, 1e9));

        assertThat(steps).extracting(StepResult::targetRate).containsExactly(100.0, 200.0, 400.0);
        assertThat(MaxRateSearch.best(steps, BUDGET).targetRate()).isEqualTo(400.0);
    }

    @Test
    void aStepIsNotSustainedWhenAlertsAreMissingOrTheRateWasNotDelivered() {
        LatencyStats.Summary fast = new LatencyStats.Summary(10, 50, 90, 100, 100, 100);
        LatencyStats.Summary none = new LatencyStats.Summary(0, 0, 0, 0, 0, 0);

        assertThat(new StepResult("g", "search", 100, 100, fast, fast, 0, 0, 50, 500, 200).sustained(BUDGET)).isTrue();
        assertThat(new StepResult("g", "search", 100, 100, fast, fast, 0, 3, 50, 500, 200).sustained(BUDGET)).isFalse();
        assertThat(new StepResult("g", "search", 100, 90, fast, fast, 0, 0, 50, 500, 200).sustained(BUDGET)).isFalse();
        assertThat(new StepResult("g", "search", 100, 100, fast, fast, 5, 0, 50, 500, 200).sustained(BUDGET)).isFalse();
        assertThat(new StepResult("g", "search", 100, 100, none, fast, 0, 0, 50, 500, 200).sustained(BUDGET)).isFalse();
    }
}
