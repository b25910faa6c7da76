package io.agentdlp.ingest.gateway;

import java.util.concurrent.ConcurrentHashMap;

/** Token buckets per sender: {@code ratePerSec} events refill per second up to {@code burst}. */
final class RateLimiter {
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }
    }

    /**
     * Takes {@code events} from the sender's bucket.
     *
     * @return 0 when allowed, else the whole seconds to wait before the batch would fit
     */
    long acquire(SensorPrincipal p, int events) {
        long now = System.nanoTime();
        Bucket b = buckets.computeIfAbsent(p.name(), k -> new Bucket(p.burst(), now));
        synchronized (b) {
            b.tokens = Math.min(p.burst(), b.tokens + (now - b.lastNanos) / 1e9 * p.ratePerSec());
            b.lastNanos = now;
            if (events <= b.tokens) {
                b.tokens -= events;
                return 0;
            }
            if (events > p.burst()) {
                // a batch larger than the burst can never fit: let it through once the bucket is full
                if (b.tokens >= p.burst()) {
                    b.tokens = 0;
                    return 0;
                }
                return Math.max(1, (long) Math.ceil((p.burst() - b.tokens) / p.ratePerSec()));
            }
            return Math.max(1, (long) Math.ceil((events - b.tokens) / p.ratePerSec()));
        }
    }
}
