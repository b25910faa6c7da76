package io.agentdlp.launcher.bench;

import java.time.Duration;

/**
 * What one benchmark run does.
 *
 * @param startRate     first rate of the search (events/s)
 * @param step          length of one fixed-rate step
 * @param warmup        unrecorded step at the start rate before the search (JIT, caches, RocksDB)
 * @param drain         how long after a step's last event its alerts may still arrive
 * @param maxSearchSteps upper bound on the search's steps
 * @param precision     the search stops when the best good and worst bad rate are within this fraction
 * @param p99BudgetMs   sustained means p99 event → alert within this budget
 * @param secretShare   share of events carrying a unique synthetic secret (they are the measured ones)
 * @param ownCodeShare  share of events pasting an excerpt of the indexed own code
 * @param batchSize     events per gateway request
 * @param maxInFlight   concurrent gateway requests
 * @param seed          payload generator seed
 */
public record BenchSettings(double startRate, Duration step, Duration warmup, Duration drain, int maxSearchSteps,
                            double precision, double p99BudgetMs, double secretShare, double ownCodeShare, int batchSize,
                            int maxInFlight, long seed) {
    public BenchSettings {
        if (startRate <= 0 || secretShare <= 0 || secretShare > 1 || ownCodeShare < 0 || ownCodeShare > 1 || batchSize < 1
                || maxInFlight < 1 || maxSearchSteps < 1 || precision <= 0) {
            throw new IllegalArgumentException("invalid bench settings: start rate and batch size must be positive, "
                    + "secret share in (0, 1], own-code share in [0, 1], at least one search step");
        }
    }
}
