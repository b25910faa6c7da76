package io.agentdlp.alerts.sink;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter, bounded by a maximum delay, and a maximum number of
 * attempts after which an alert is dead-lettered.
 *
 * @param initialDelay delay before the first retry
 * @param maxDelay     cap on any single delay
 * @param maxAttempts  delivery attempts per alert, the first one included (at least 1)
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {

    public RetryPolicy {
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("retry initial delay must be > 0");
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry max delay must be >= the initial delay");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be >= 1");
        }
    }

    /** 1 s doubling up to 60 s, 12 attempts: about eight minutes of trying before dead-lettering. */
    public static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 12);
    }

    /** Delay before attempt {@code failedAttempts + 1}: random in [d/2, d] for d = initial·2^(n-1), capped. */
    public Duration delayAfter(int failedAttempts) {
        long base = initialDelay.toMillis();
        int shift = Math.min(30, Math.max(0, failedAttempts - 1));
        long d = Math.min(maxDelay.toMillis(), base << shift);
        long jittered = d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
        return Duration.ofMillis(Math.max(1, jittered));
    }

    /** True when an alert that failed this many times must be dead-lettered. */
    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
