package io.agentdlp.alerts.sink;

import java.util.List;

import io.agentdlp.avro.DlpAlert;

/**
 * One configured alert destination (a SIEM, a chat channel, a file). Called by exactly one
 * {@link SinkWorker} thread, so implementations need not be thread-safe.
 */
public interface Sink extends AutoCloseable {

    /** Configured name, used in metrics, logs and dead-letter headers. */
    String name();

    /** Type as written in the configuration, e.g. {@code elastic}. */
    String type();

    /** Most alerts passed to one {@link #deliver} call. */
    int maxBatch();

    /**
     * Sends a batch. Returns which items failed (bulk APIs report per item); throws when the whole
     * batch failed.
     */
    DeliveryResult deliver(List<DlpAlert> batch) throws SinkException;

    @Override
    default void close() {
    }
}
