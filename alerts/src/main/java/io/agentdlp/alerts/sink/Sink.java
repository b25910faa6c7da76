package io.agentdlp.alerts.sink;

import java.util.List;

/**
 * One configured destination (a SIEM, a chat channel, a file) for records of type {@code T}: alerts, or
 * agent audit-trail records. Called by exactly one {@link SinkWorker} thread, so implementations need
 * not be thread-safe.
 */
public interface Sink<T> extends AutoCloseable {

    /** Configured name, used in metrics, logs and dead-letter headers. */
    String name();

    /** Type as written in the configuration, e.g. {@code elastic}. */
    String type();

    /** Most records passed to one {@link #deliver} call. */
    int maxBatch();

    /**
     * Sends a batch. Returns which items failed (bulk APIs report per item); throws when the whole
     * batch failed.
     */
    DeliveryResult deliver(List<T> batch) throws SinkException;

    @Override
    default void close() {
    }
}
