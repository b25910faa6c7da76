package io.agentdlp.alerts.triage;

/** A triage state could not be written to dlp-alert-status (the action did not happen). */
public class TriageStorageException extends RuntimeException {
    public TriageStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
