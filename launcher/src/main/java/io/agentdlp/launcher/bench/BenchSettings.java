package io.agentdlp.launcher.bench;

import java.time.Duration;

/**
 * What one benchmark run does.
 *
 * @param startRate      first rate of the search (events/s)
 * @param minRate        lowest rate the search tries when even the start rate is not sustained
 * @param rampFactor     the search multiplies the rate by this while sustained (divides by its square below the start)
 * @param step           length of one fixed-rate step
 * @param minAlerts      a step at a low rate lasts longer (up to 3 × {@code step}) until this many planted secrets were sent
 * @param warmup         unrecorded step at the start rate before the search (JIT, caches, RocksDB)
 * @param drain          after a step's last event: how long its alerts may still arrive and the backlog may take to drain
 * @param maxSearchSteps upper bound on the search's steps
 * @param precision      the search stops when the best good and lowest bad rate are within this fraction
 * @param p99BudgetMs    sustained means p99 event → alert within this budget
 * @param secretShare    share of events carrying a unique synthetic secret (they are the measured ones)
 * @param ownCodeShare   share of events pasting an excerpt of the indexed own code
 * @param batchSize      events per gateway request
 * @param maxInFlight    concurrent gateway requests
 * @param seed           payload generator seed
 */
public record BenchSettings(double startRate, double minRate, double rampFactor, Duration step, int minAlerts, Duration warmup,
                            Duration drain, int maxSearchSteps, double precision, double p99BudgetMs, double secretShare,
                            double ownCodeShare, int batchSize, int maxInFlight, long seed) {
    /** A low-rate step never lasts longer than this many times the step length. */
    static final int MAX_STEP_STRETCH = 3;

    public BenchSettings {
        if (startRate < minRate || minRate < 1 || rampFactor <= 1 || step.isZero() || step.isNegative() || minAlerts < 0
                || secretShare <= 0 || secretShare > 1 || ownCodeShare < 0 || ownCodeShare > 1 || batchSize < 1
                || maxInFlight < 1 || maxSearchSteps < 1 || precision <= 0 || p99BudgetMs <= 0) {
            throw new IllegalArgumentException("invalid bench settings: need 1 <= min rate <= start rate, ramp factor > 1, "
                    + "a positive step, secret share in (0, 1], own-code share in [0, 1], batch size, in-flight and "
                    + "search steps >= 1, positive precision and budget");
        }
    }

    /** The rule a step must meet to count as sustained. */
    public SustainedRule rule() {
        return new SustainedRule(p99BudgetMs, drain.toMillis() / 1000.0);
    }

    /** How long a step at {@code rate} lasts: the step length, longer at low rates to send {@code minAlerts} secrets. */
    Duration stepLength(double rate) {
        double forSamples = minAlerts / (rate * secretShare);
        double seconds = Math.min(step.toMillis() / 1000.0 * MAX_STEP_STRETCH, Math.max(step.toMillis() / 1000.0, forSamples));
        return Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }
}
