package io.agentdlp.tuning.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.agentdlp.avro.Policy;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.policy.PolicyRecords;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;

/**
 * The compacted {@code dlp-policies} topic as a policy store: {@link #live()} reads it from the
 * beginning to its current end (latest record per policy id wins, a tombstone removes the id) and
 * {@link #publish} writes one document keyed by its id with the Avro serde.
 */
public final class PolicyTopic implements AutoCloseable {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientConfig;
    private final String topic;
    private final TopicSerdes serdes;

    /**
     * @param clientConfig Kafka client settings ({@code bootstrap.servers}, security); shared by consumer and producer
     * @param serdeConfig  Avro serde settings ({@code schema.registry.url}, ...)
     * @param topic        the policies topic name
     */
    public PolicyTopic(Map<String, Object> clientConfig, Map<String, Object> serdeConfig, String topic) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.topic = topic;
        this.serdes = TopicSerdes.fromConfig(serdeConfig);
    }

    /** Every policy in force, by id. */
    public Map<String, PolicyDocument> live() {
        Map<String, Object> c = new HashMap<>(clientConfig);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, PolicyDocument> out = new TreeMap<>();
        Deserializer<Policy> values = serdes.valueSerde(Topics.POLICIES).deserializer();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, READ_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new PolicyTopicException("topic " + topic + " does not exist");
            }
            List<TopicPartition> parts = new ArrayList<>();
            infos.forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new PolicyTopicException("timed out reading " + topic + " to its end");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    if (r.value() == null) {
                        out.remove(r.key());
                    } else {
                        out.put(r.key(), PolicyRecords.fromAvro(values.deserialize(topic, r.headers(), r.value())));
                    }
                }
            }
        }
        return out;
    }

    /** Publishes {@code doc} keyed by its id, stamped {@code updatedAt}; waits for the broker's acknowledgement. */
    public RecordMetadata publish(PolicyDocument doc, Instant updatedAt) {
        Map<String, Object> p = new HashMap<>(clientConfig);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, Policy> producer = new KafkaProducer<>(p, new StringSerializer(),
                serdes.valueSerde(Topics.POLICIES).serializer())) {
            return producer.send(new ProducerRecord<>(topic, doc.id(), PolicyRecords.toAvro(doc, updatedAt)))
                    .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PolicyTopicException("publishing policy '" + doc.id() + "' to " + topic + " failed: "
                    + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PolicyTopicException("publishing policy '" + doc.id() + "' to " + topic + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PolicyTopicException("interrupted while publishing policy '" + doc.id() + "'", e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        serdes.close();
    }
}
