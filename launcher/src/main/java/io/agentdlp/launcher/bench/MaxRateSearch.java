package io.agentdlp.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoublePredicate;

/**
 * Finds the highest sustained rate. Exponential ramp: from the start rate, multiply by {@code factor}
 * while sustained; when even the start fails, divide by {@code factor}² instead, down to the minimum
 * rate. Then bisect between the best sustained and the lowest failing rate until they are within
 * {@code precision} of each other. Stops early at the step limit or when {@code outOfTime} says the next
 * rate no longer fits; rates are whole events/s.
 */
final class MaxRateSearch {
    private final double start;
    private final double minRate;
    private final double factor;
    private final double precision;
    private final int maxSteps;
    private final SustainedRule rule;
    private final DoublePredicate outOfTime;

    MaxRateSearch(double start, double minRate, double factor, double precision, int maxSteps, SustainedRule rule,
                  DoublePredicate outOfTime) {
        if (start < minRate || minRate < 1 || factor <= 1 || precision <= 0 || maxSteps < 1) {
            throw new IllegalArgumentException("search needs 1 <= min rate <= start, factor > 1, precision > 0, a step");
        }
        this.start = start;
        this.minRate = minRate;
        this.factor = factor;
        this.precision = precision;
        this.maxSteps = maxSteps;
        this.rule = rule;
        this.outOfTime = outOfTime;
    }

    /** The search's steps in order; the best sustained one is {@link #best(List, SustainedRule)}. */
    List<StepResult> run(DoubleFunction<StepResult> step) {
        List<StepResult> steps = new ArrayList<>();
        double good = 0;
        double bad = Double.POSITIVE_INFINITY;
        double rate = Math.rint(start);
        while (steps.size() < maxSteps && !outOfTime.test(rate)) {
            StepResult r = step.apply(rate);
            steps.add(r);
            if (rule.sustained(r)) {
                good = Math.max(good, rate);
            } else {
                bad = Math.min(bad, rate);
            }
            double next;
            if (good == 0) {
                if (rate <= minRate) {
                    break;
                }
                next = Math.max(minRate, Math.rint(rate / (factor * factor)));
            } else if (bad == Double.POSITIVE_INFINITY) {
                next = Math.rint(rate * factor);
            } else {
                next = Math.rint((good + bad) / 2);
                if ((bad - good) / good <= precision || next <= good || next >= bad) {
                    break;
                }
            }
            rate = next;
        }
        return steps;
    }

    /** The sustained step with the highest rate, or null when none was. */
    static StepResult best(List<StepResult> steps, SustainedRule rule) {
        StepResult best = null;
        for (StepResult s : steps) {
            if (rule.sustained(s) && (best == null || s.targetRate() > best.targetRate())) {
                best = s;
            }
        }
        return best;
    }
}
