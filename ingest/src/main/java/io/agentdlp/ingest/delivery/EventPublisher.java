package io.agentdlp.ingest.delivery;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.agentdlp.avro.AgentEgressEvent;

/**
 * Where normalized events go: Kafka, the ingest gateway, or a local spool in front of either.
 * Implementations are thread-safe.
 */
public interface EventPublisher extends AutoCloseable {
    /**
     * Publishes a batch. The future completes when the destination has durably accepted every event
     * of the batch (Kafka: acks=all; gateway: its reply, which it sends after Kafka's; spool: the
     * append). It fails with {@link DeliveryException} (worth retrying, maybe after
     * {@link DeliveryException#retryAfterMillis()}) or {@link RejectedEventsException} (the
     * destination refuses these events for good).
     */
    CompletableFuture<Void> publish(List<AgentEgressEvent> events);

    /** Releases connections; pending futures may fail. */
    @Override
    void close();
}
