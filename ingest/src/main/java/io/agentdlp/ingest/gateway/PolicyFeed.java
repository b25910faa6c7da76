package io.agentdlp.ingest.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.agentdlp.avro.Policy;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.policy.PolicyRecords;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policies in force, read continuously from the compacted {@code dlp-policies} topic (every
 * partition from the beginning, no consumer group): the latest record per policy id wins and a
 * tombstone removes it. A pushed version is served to sensors as soon as this reader sees it.
 */
public final class PolicyFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<Policy> values;
    private final String topic;
    private final Map<String, PolicyDocument> byId = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param clientConfig Kafka client settings ({@code bootstrap.servers}, security)
     * @param values       Avro deserializer of the topic's values (configured)
     * @param topic        the policies topic
     */
    public PolicyFeed(Map<String, Object> clientConfig, Deserializer<Policy> values, String topic) {
        Map<String, Object> c = new HashMap<>(clientConfig);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        this.values = values;
        this.topic = topic;
        this.thread = new Thread(this::run, "agentdlp-policy-feed");
        this.thread.setDaemon(true);
    }

    public PolicyFeed start() {
        thread.start();
        return this;
    }

    /** The latest version of a policy, or null when the topic has none (yet). */
    public PolicyDocument get(String id) {
        return byId.get(id);
    }

    public String topic() {
        return topic;
    }

    private void run() {
        try {
            assignWhenTopicExists();
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    apply(r);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("event=policy_feed_stopped topic={} error={}", topic, e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void assignWhenTopicExists() {
        while (running) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> parts = new ArrayList<>();
                infos.forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
                consumer.assign(parts);
                consumer.seekToBeginning(parts);
                LOG.info("event=policy_feed_started topic={} partitions={}", topic, parts.size());
                return;
            }
            LOG.warn("event=policy_topic_missing topic={} retry_in_ms=1000", topic);
            sleep();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            byId.remove(r.key());
            LOG.info("event=policy_removed policy_id={}", r.key());
            return;
        }
        try {
            PolicyDocument d = PolicyRecords.fromAvro(values.deserialize(topic, r.headers(), r.value()));
            byId.put(r.key(), d);
            LOG.info("event=policy_received policy_id={} version={} rules={} offset={}", r.key(), d.version(), d.rules().size(),
                    r.offset());
        } catch (RuntimeException e) {
            // one undecodable record must not stop distribution; the previous version stays in force
            LOG.error("event=policy_record_undecodable policy_id={} partition={} offset={} error={}", r.key(), r.partition(),
                    r.offset(), e.toString());
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ofSeconds(2));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
