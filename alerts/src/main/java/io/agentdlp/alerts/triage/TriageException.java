package io.agentdlp.alerts.triage;

/** A triage request that cannot be applied (invalid parameters); the message is safe to show. */
public class TriageException extends RuntimeException {
    public TriageException(String message) {
        super(message);
    }

    public TriageException(String message, Throwable cause) {
        super(message, cause);
    }
}
