package io.agentdlp.ingest.http;

/**
 * A request that gets an error status: the status, a message for the client (names what is wrong,
 * never quotes payload content) and, for back-pressure, how long to wait.
 */
public final class HttpProblem extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String reason;
    private final long retryAfterSeconds;

    /**
     * @param status            HTTP status
     * @param reason            short machine-readable reason for metrics, e.g. {@code too_large}
     * @param message           human-readable explanation
     * @param retryAfterSeconds Retry-After value, or -1 for none
     */
    public HttpProblem(int status, String reason, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpProblem(int status, String reason, String message) {
        this(status, reason, message, -1);
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
