package io.agentdlp.alerts.feed;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.agentdlp.alerts.metrics.AlertsMetrics;
import io.agentdlp.alerts.triage.TriageCodec;
import io.agentdlp.avro.AlertTriage;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.events.EventMetadata;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the console's view in step with Kafka. Reads dlp-alerts and dlp-alert-status from the
 * beginning on every start (no consumer group: every console instance holds the whole view and
 * commits nothing), so a restarted console rebuilds exactly what it showed. Optionally reads recent
 * agent-egress-events (from {@code now - lookback}) for session timelines, keeping only metadata.
 * Ready once it has read up to the end offsets it found at start.
 */
public final class FeedConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedConsumer.class);
    private final Consumer<byte[], byte[]> consumer;
    private final String alertsTopic;
    private final String statusTopic;
    private final String eventsTopic;
    private final Deserializer<DlpAlert> alerts;
    private final Deserializer<AlertTriage> status;
    private final Deserializer<EventMetadata> events;
    private final AlertStore store;
    private final SessionEventIndex sessionEvents;
    private final Duration lookback;
    private final AlertsMetrics metrics;
    private final Clock clock;
    private final Thread thread;
    private final Map<TopicPartition, Long> catchUpTo = new HashMap<>();
    private volatile boolean ready;
    private volatile boolean running = true;

    /**
     * @param eventsTopic   agent-egress-events topic, or null to skip session events
     * @param sessionEvents index for session events, or null
     */
    public FeedConsumer(Consumer<byte[], byte[]> consumer, String alertsTopic, String statusTopic, String eventsTopic,
                        Deserializer<DlpAlert> alerts, Deserializer<AlertTriage> status,
                        Deserializer<EventMetadata> events, AlertStore store, SessionEventIndex sessionEvents,
                        Duration lookback, AlertsMetrics metrics, Clock clock) {
        this.consumer = consumer;
        this.alertsTopic = alertsTopic;
        this.statusTopic = statusTopic;
        this.eventsTopic = eventsTopic;
        this.alerts = alerts;
        this.status = status;
        this.events = events;
        this.store = store;
        this.sessionEvents = sessionEvents;
        this.lookback = lookback;
        this.metrics = metrics;
        this.clock = clock;
        this.thread = new Thread(this::run, "agentdlp-alerts-feed");
        this.thread.setDaemon(true);
    }

    public FeedConsumer start() {
        thread.start();
        return this;
    }

    /** True once the view holds everything that was on the topics when the console started. */
    public boolean ready() {
        return ready;
    }

    /** False once the consumer thread died (the console then reports itself unhealthy). */
    public boolean healthy() {
        return thread.isAlive() || !running;
    }

    private void run() {
        try {
            assign();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    apply(r);
                }
                if (!ready) {
                    checkCaughtUp();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("event=feed_consumer_failed error={}", e.getClass().getName(), e);
            ready = false;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void assign() {
        List<TopicPartition> fromStart = new ArrayList<>();
        fromStart.addAll(partitions(alertsTopic));
        fromStart.addAll(partitions(statusTopic));
        List<TopicPartition> recent = eventsTopic == null ? List.of() : partitions(eventsTopic);
        List<TopicPartition> all = new ArrayList<>(fromStart);
        all.addAll(recent);
        consumer.assign(all);
        consumer.seekToBeginning(fromStart);
        if (!recent.isEmpty()) {
            long since = clock.instant().minus(lookback).toEpochMilli();
            Map<TopicPartition, Long> query = new HashMap<>();
            recent.forEach(tp -> query.put(tp, since));
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
            for (TopicPartition tp : recent) {
                OffsetAndTimestamp o = offsets.get(tp);
                if (o != null) {
                    consumer.seek(tp, o.offset());
                } else {
                    consumer.seekToEnd(Set.of(tp));
                }
            }
        }
        catchUpTo.putAll(consumer.endOffsets(fromStart));
        log.info("event=feed_assigned alerts_partitions={} status_partitions={} events_partitions={}",
                partitions(alertsTopic).size(), partitions(statusTopic).size(), recent.size());
    }

    private List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private void checkCaughtUp() {
        for (Map.Entry<TopicPartition, Long> e : catchUpTo.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return;
            }
        }
        ready = true;
        log.info("event=feed_ready alerts={}", store.size());
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        try {
            if (r.topic().equals(alertsTopic)) {
                DlpAlert a = r.value() == null ? null : alerts.deserialize(r.topic(), r.headers(), r.value());
                if (a != null) {
                    metrics.alertReceived(a.getSeverity().name(), a.getDetector());
                }
                store.applyAlert(key != null ? key : a == null ? null : a.getAlertId(), a);
            } else if (r.topic().equals(statusTopic)) {
                if (r.value() != null) {
                    store.applyTriage(TriageCodec.fromAvro(status.deserialize(r.topic(), r.headers(), r.value())));
                }
            } else if (r.value() != null && sessionEvents != null) {
                EventMetadata e = events.deserialize(r.topic(), r.headers(), r.value());
                if (e.sessionId() != null) {
                    sessionEvents.add(e.sessionId(), summary(e));
                }
            }
        } catch (RuntimeException e) {
            // One bad record must not stop the console; the sinks dead-letter undecodable alerts.
            metrics.recordUndecodable(r.topic());
            log.warn("event=feed_record_skipped topic={} partition={} offset={} error={}", r.topic(), r.partition(),
                    r.offset(), e.getClass().getName());
        }
    }

    static SessionEvent summary(EventMetadata e) {
        return new SessionEvent(e.eventId(), e.eventTime(), e.kind().name(), e.source().name(),
                e.tool() == null ? null : e.tool().name(),
                e.destination() == null ? null : e.destination().getHost(),
                e.filePath(),
                e.content() == null ? -1 : e.content().bytes(),
                e.findings().size());
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
