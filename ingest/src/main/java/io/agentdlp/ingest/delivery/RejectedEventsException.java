package io.agentdlp.ingest.delivery;

/** The destination refused a batch for good (malformed, too large, not authorized); retrying cannot help. */
public final class RejectedEventsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RejectedEventsException(String message) {
        super(message);
    }

    public RejectedEventsException(String message, Throwable cause) {
        super(message, cause);
    }
}
