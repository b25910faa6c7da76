package io.agentdlp.alerts.triage;

/** Persists a triage state; returns only once it is durably stored. */
@FunctionalInterface
public interface TriagePublisher {
    /** @throws TriageStorageException when the state could not be stored */
    void publish(TriageState state);
}
