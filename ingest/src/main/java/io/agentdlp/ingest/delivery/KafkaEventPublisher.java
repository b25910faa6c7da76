package io.agentdlp.ingest.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.agentdlp.avro.AgentEgressEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to the egress topic with an idempotent producer (acks=all, bounded in-flight
 * requests, compression), keyed {@code <device.id>:<session_id>} so one session stays in one
 * partition and in order. A batch's future completes when the broker acknowledged every record.
 */
public final class KafkaEventPublisher implements EventPublisher {
    private final Producer<String, AgentEgressEvent> producer;
    private final String topic;
    private final String name;

    /** Wraps an existing producer (tests, shared producers); {@link #close()} closes it. */
    public KafkaEventPublisher(Producer<String, AgentEgressEvent> producer, String topic, String name) {
        this.producer = producer;
        this.topic = topic;
        this.name = name;
    }

    /**
     * Creates the producer.
     *
     * @param producerConfig  bootstrap servers, security and any producer overrides
     * @param valueSerializer configured Avro serializer of {@link AgentEgressEvent}
     * @param topic           egress topic name
     */
    public static KafkaEventPublisher create(Map<String, Object> producerConfig, Serializer<AgentEgressEvent> valueSerializer,
                                             String topic) {
        Map<String, Object> p = new HashMap<>(defaults());
        p.putAll(producerConfig);
        KafkaProducer<String, AgentEgressEvent> producer = new KafkaProducer<>(p, new StringSerializer(), valueSerializer);
        return new KafkaEventPublisher(producer, topic, "kafka:" + p.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    /** Producer settings for durable, ordered, compressed delivery; callers may override any. */
    public static Map<String, Object> defaults() {
        return Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(2).toMillis(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    }

    /** Kafka key of an event: {@code <device.id>:<session_id>} (empty session when none). */
    public static String key(AgentEgressEvent e) {
        String session = e.getSessionId() == null ? "" : e.getSessionId();
        return e.getDevice().getId() + ":" + session;
    }

    @Override
    public CompletableFuture<Void> publish(List<AgentEgressEvent> events) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (events.isEmpty()) {
            done.complete(null);
            return done;
        }
        AtomicInteger left = new AtomicInteger(events.size());
        AtomicReference<Exception> firstError = new AtomicReference<>();
        for (AgentEgressEvent e : events) {
            try {
                producer.send(new ProducerRecord<>(topic, key(e), e), (meta, error) -> {
                    if (error != null) {
                        firstError.compareAndSet(null, error);
                    }
                    if (left.decrementAndGet() == 0) {
                        Exception err = firstError.get();
                        if (err == null) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(classify(err));
                        }
                    }
                });
            } catch (RuntimeException ex) {
                // send() itself throws on serialization errors and when metadata is unavailable in max.block.ms
                firstError.compareAndSet(null, ex);
                if (left.decrementAndGet() == 0) {
                    done.completeExceptionally(classify(firstError.get()));
                }
            }
        }
        return done;
    }

    private RuntimeException classify(Exception e) {
        if (e instanceof RecordTooLargeException || e instanceof SerializationException) {
            return new RejectedEventsException("kafka refused the batch: " + e.getClass().getSimpleName(), e);
        }
        if (e instanceof AuthenticationException || e instanceof AuthorizationException) {
            return new DeliveryException("kafka " + e.getClass().getSimpleName() + " (check credentials and ACLs)", e);
        }
        return new DeliveryException("kafka delivery failed: " + e.getClass().getSimpleName(), e);
    }

    /** The underlying producer (for metrics binding). */
    public Producer<String, AgentEgressEvent> producer() {
        return producer;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        return name;
    }
}
