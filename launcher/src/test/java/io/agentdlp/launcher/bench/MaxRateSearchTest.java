package io.agentdlp.launcher.bench;

import static io.agentdlp.launcher.bench.Steps.RULE;
import static io.agentdlp.launcher.bench.Steps.capacity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class MaxRateSearchTest {
    private static MaxRateSearch search(double start, double precision, int maxSteps) {
        return new MaxRateSearch(start, 1, 2, precision, maxSteps, RULE, next -> false);
    }

    @Test
    void rampsUpExponentiallyThenBisectsToThePrecision() {
        List<StepResult> steps = search(100, 0.1, 20).run(r -> capacity(r, 730));

        assertThat(steps).extracting(StepResult::targetRate).containsExactly(100.0, 200.0, 400.0, 800.0, 600.0, 700.0, 750.0);
        assertThat(MaxRateSearch.best(steps, RULE).targetRate()).isEqualTo(700.0);
    }

    @Test
    void rampsDownBelowTheStartThenBisectsUpToTheCapacityOfASlowMachine() {
        List<StepResult> steps = search(100, 0.1, 20).run(r -> capacity(r, 30));

        assertThat(steps).extracting(StepResult::targetRate).containsExactly(100.0, 25.0, 62.0, 44.0, 34.0, 30.0, 32.0);
        assertThat(MaxRateSearch.best(steps, RULE).targetRate()).isEqualTo(30.0);
    }

    @Test
    void reportsNoneOnlyWhenEvenTheMinimumRateFails() {
        List<StepResult> steps = search(100, 0.1, 20).run(r -> capacity(r, 0.5));

        assertThat(steps).extracting(StepResult::targetRate).containsExactly(100.0, 25.0, 6.0, 2.0, 1.0);
        assertThat(MaxRateSearch.best(steps, RULE)).isNull();
    }

    @Test
    void stopsAtTheStepLimit() {
        List<StepResult> steps = search(100, 0.01, 3).run(r -> capacity(r, 1e9));

        assertThat(steps).extracting(StepResult::targetRate).containsExactly(100.0, 200.0, 400.0);
        assertThat(MaxRateSearch.best(steps, RULE).targetRate()).isEqualTo(400.0);
    }

    @Test
    void stopsWhenTheNextRateNoLongerFitsKeepingTheBestSoFar() {
        AtomicInteger calls = new AtomicInteger();
        List<StepResult> steps = new MaxRateSearch(100, 1, 2, 0.1, 20, RULE, next -> calls.get() >= 2 && next >= 400)
                .run(r -> {
                    calls.incrementAndGet();
                    return capacity(r, 1e9);
                });

        assertThat(steps).extracting(StepResult::targetRate).containsExactly(100.0, 200.0);
    }

    @Test
    void rejectsASearchThatCannotMove() {
        assertThatThrownBy(() -> new MaxRateSearch(100, 1, 1, 0.1, 5, RULE, next -> false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MaxRateSearch(10, 20, 2, 0.1, 5, RULE, next -> false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
