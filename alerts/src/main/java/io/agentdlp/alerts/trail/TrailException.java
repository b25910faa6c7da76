package io.agentdlp.alerts.trail;

/** The audit trail could not be set up (topic creation or configuration refused). */
public final class TrailException extends RuntimeException {
    public TrailException(String message, Throwable cause) {
        super(message, cause);
    }
}
