package io.agentdlp.launcher.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code dlp-alerts} (read_committed, so under exactly-once only committed alerts count) and
 * records, for every planted event named in an alert's {@code event_ids}, the latency from the event's
 * time to the moment the alert was read.
 */
final class AlertWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertWatcher.class);

    private final KafkaConsumer<String, DlpAlert> consumer;
    private final TopicSerdes serdes;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final AtomicReference<LatencyStats> latency = new AtomicReference<>(new LatencyStats());
    private final LongSupplier wallMillis;
    private final Thread thread;
    private volatile boolean running = true;

    AlertWatcher(String bootstrap, String registryUrl, String topic, LongSupplier wallMillis) {
        this.wallMillis = wallMillis;
        this.serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", registryUrl));
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "agentdlp-bench-alerts"),
                new StringDeserializer(), serdes.valueSerde(Topics.ALERTS).deserializer());
        List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(consumer::position);
        this.thread = new Thread(this::loop, "agentdlp-bench-alerts");
        thread.setDaemon(true);
        thread.start();
    }

    /** Expects an alert naming {@code eventId}, whose event time is {@code eventTimeMillis}. */
    void expect(String eventId, long eventTimeMillis) {
        pending.put(eventId, eventTimeMillis);
    }

    int pending() {
        return pending.size();
    }

    /** The latencies recorded since the previous call, and how many expected alerts did not arrive (forgotten now). */
    synchronized Settled settle() {
        int missing = pending.size();
        pending.clear();
        return new Settled(latency.getAndSet(new LatencyStats()).summary(), missing);
    }

    /** One step's alerts: latencies of those that arrived, count of those that did not. */
    record Settled(LatencyStats.Summary latency, long missing) {
    }

    private synchronized void arrived(String eventId, long now) {
        Long t = pending.remove(eventId);
        if (t != null) {
            latency.get().recordMillis(now - t);
        }
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, DlpAlert> r : consumer.poll(Duration.ofMillis(50))) {
                    if (r.value() == null) {
                        continue;
                    }
                    long now = wallMillis.getAsLong();
                    for (CharSequence id : r.value().getEventIds()) {
                        arrived(id.toString(), now);
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("event=bench_alert_watcher_failed error={}", e.toString());
            throw e;
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
        serdes.close();
    }
}
