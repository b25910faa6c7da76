package io.agentdlp.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Finds the highest sustained rate: doubles the rate until a step is not sustained, then bisects
 * between the last good and the first bad rate until they are within {@code precision}.
 */
final class MaxRateSearch {
    private final double start;
    private final double precision;
    private final double p99BudgetMs;
    private final int maxSteps;

    MaxRateSearch(double start, double precision, double p99BudgetMs, int maxSteps) {
        this.start = start;
        this.precision = precision;
        this.p99BudgetMs = p99BudgetMs;
        this.maxSteps = maxSteps;
    }

    /** The search's steps in order; the best sustained one is {@link #best(List, double)}. */
    List<StepResult> run(DoubleFunction<StepResult> step) {
        List<StepResult> steps = new ArrayList<>();
        double good = 0;
        double bad = Double.NaN;
        double rate = start;
        while (steps.size() < maxSteps) {
            StepResult r = step.apply(rate);
            steps.add(r);
            if (r.sustained(p99BudgetMs)) {
                good = rate;
                rate = Double.isNaN(bad) ? rate * 2 : (rate + bad) / 2;
            } else {
                bad = rate;
                if (good == 0 && rate <= start / 8) {
                    break;
                }
                rate = good == 0 ? rate / 2 : (good + bad) / 2;
            }
            if (!Double.isNaN(bad) && good > 0 && (bad - good) / good < precision) {
                break;
            }
        }
        return steps;
    }

    static StepResult best(List<StepResult> steps, double p99BudgetMs) {
        StepResult best = null;
        for (StepResult s : steps) {
            if (s.sustained(p99BudgetMs) && (best == null || s.targetRate() > best.targetRate())) {
                best = s;
            }
        }
        return best;
    }
}
