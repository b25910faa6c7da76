package io.agentdlp.ingest.delivery;

/** A delivery that did not happen but may succeed later (destination down, busy, timed out). */
public class DeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterMillis;

    public DeliveryException(String message, long retryAfterMillis, Throwable cause) {
        super(message, cause);
        this.retryAfterMillis = retryAfterMillis;
    }

    public DeliveryException(String message, Throwable cause) {
        this(message, -1, cause);
    }

    /** How long the destination asked the sender to wait, or -1 when it did not say. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
