package io.agentdlp.alerts.sink;

import java.time.Duration;
import java.util.Optional;

/**
 * A whole batch could not be delivered. Carries whether a retry may help (connection refused, 5xx,
 * 429) or not (401, 400), and the delay the destination asked for (HTTP {@code Retry-After}).
 * Messages never contain payload content or credentials.
 */
public class SinkException extends Exception {
    private final boolean retryable;
    private final Duration retryAfter;

    public SinkException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public SinkException(String message, boolean retryable) {
        this(message, retryable, null, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** Delay requested by the destination, if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
