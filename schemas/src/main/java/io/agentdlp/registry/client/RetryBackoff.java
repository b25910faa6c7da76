package io.agentdlp.registry.client;

import java.time.Duration;

/**
 * How often and how long to wait before retrying a registry call that failed with a connection
 * error, a timeout, 408, 429 or a 5xx answer: exponential from {@code initialWait}, capped at
 * {@code maxWait}.
 *
 * @param maxRetries   retries after the first attempt (each retry tries every URL once)
 * @param initialWait  wait before the first retry
 * @param maxWait      upper bound of any wait
 */
public record RetryBackoff(int maxRetries, Duration initialWait, Duration maxWait) {
    public RetryBackoff {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        if (initialWait.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("waits must not be negative");
        }
    }

    /** Wait before retry number {@code retry} (1-based). */
    public Duration delayBefore(int retry) {
        if (retry < 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(retry - 1, 30);
        long millis = initialWait.toMillis() << doublings;
        if (millis < 0 || millis > maxWait.toMillis()) {
            return maxWait;
        }
        return Duration.ofMillis(millis);
    }
}
