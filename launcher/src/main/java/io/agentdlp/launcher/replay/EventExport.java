package io.agentdlp.launcher.replay;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agentdlp.avro.AgentEgressEvent;

/**
 * Reads events from the egress topic into a replay file: partition by partition in offset order (so
 * the same range always gives the same file), each partition up to the end it had when the export
 * began. Without explicit offset ranges, {@code --from} becomes a start offset through the broker's
 * timestamp index: record timestamps are stamped when an event reaches Kafka, never before it
 * happened (up to clock skew, covered by the slack), so no event of the range lies before that
 * offset. Late deliveries (a sensor spool flushing hours later, an import of old traffic) can sit
 * anywhere after it, which is why the export reads to the end and applies the event-time bounds per
 * event. Undecodable records are counted and skipped, never written.
 */
public final class EventExport {
    private static final Logger log = LoggerFactory.getLogger(EventExport.class);
    private static final Duration API_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    /**
     * What to export.
     *
     * @param topic     source topic
     * @param ranges    explicit offset ranges; empty = every partition, bounded by the time bounds
     * @param filter    event-time bounds and user/agent/session/device filters
     * @param timeSlack how far a sender's clock may run ahead of the broker's (moves the start lookup earlier)
     * @param redact    drop content text and tool input
     * @param limit     stop after this many events (0 = no limit)
     */
    public record Options(String topic, List<OffsetRange> ranges, EventFilter filter, Duration timeSlack, boolean redact,
                          long limit) {
        public Options {
            ranges = List.copyOf(ranges);
        }
    }

    /**
     * Counts of one export.
     *
     * @param ranges the offset ranges read (to repeat the export exactly with --offsets)
     */
    public record Summary(long read, long written, long filteredOut, long undecodable, List<OffsetRange> ranges) {
        public Summary {
            ranges = List.copyOf(ranges);
        }

        /** The ranges as --offsets values, e.g. {@code 0:120-240 3:0-17}. */
        public String offsets() {
            return String.join(" ", ranges.stream().map(r -> r.partition() + ":" + r.start() + "-" + r.end()).toList());
        }
    }

    private final Map<String, Object> clientConfig;
    private final Deserializer<AgentEgressEvent> values;

    public EventExport(Map<String, Object> clientConfig, Deserializer<AgentEgressEvent> values) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.values = values;
    }

    public Summary run(Options o, Writer out, ReplayProgress progress) throws IOException {
        Map<String, Object> c = new HashMap<>(clientConfig);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        long read = 0;
        long written = 0;
        long filtered = 0;
        long undecodable = 0;
        List<OffsetRange> plan = List.of();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            plan = plan(consumer, o);
            for (OffsetRange r : plan) {
                TopicPartition tp = new TopicPartition(o.topic(), r.partition());
                consumer.assign(List.of(tp));
                consumer.seek(tp, r.start());
                long lastProgress = System.nanoTime();
                while (consumer.position(tp) < r.end()) {
                    var records = consumer.poll(Duration.ofMillis(200)).records(tp);
                    if (!records.isEmpty()) {
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                        throw new IOException("no records from " + tp + " at offset " + consumer.position(tp) + " for "
                                + STALL_TIMEOUT.toSeconds() + " s (expected up to offset " + r.end() + ")");
                    }
                    for (ConsumerRecord<byte[], byte[]> rec : records) {
                        if (rec.offset() >= r.end()) {
                            break;
                        }
                        read++;
                        if (rec.value() == null) {
                            continue;
                        }
                        AgentEgressEvent e;
                        try {
                            e = values.deserialize(rec.topic(), rec.headers(), rec.value());
                        } catch (SerializationException ex) {
                            undecodable++;
                            log.warn("event=undecodable_record topic={} partition={} offset={} error={}", rec.topic(),
                                    rec.partition(), rec.offset(), ex.getClass().getSimpleName());
                            continue;
                        }
                        if (!o.filter().test(e)) {
                            filtered++;
                            continue;
                        }
                        out.write(ReplayFile.eventLine(o.redact() ? EventRedaction.redact(e) : e));
                        out.write('\n');
                        written++;
                        if (o.limit() > 0 && written >= o.limit()) {
                            return new Summary(read, written, filtered, undecodable, plan);
                        }
                    }
                    progress.update(written, read, tp + "@" + consumer.position(tp));
                }
            }
        } finally {
            progress.done();
        }
        return new Summary(read, written, filtered, undecodable, plan);
    }

    /** The offset range to read of every partition concerned, in partition order. */
    private static List<OffsetRange> plan(KafkaConsumer<byte[], byte[]> consumer, Options o) throws IOException {
        List<PartitionInfo> infos = consumer.partitionsFor(o.topic(), API_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IOException("topic " + o.topic() + " does not exist");
        }
        List<TopicPartition> parts = new ArrayList<>();
        infos.stream().sorted(Comparator.comparingInt(PartitionInfo::partition))
                .forEach(i -> parts.add(new TopicPartition(o.topic(), i.partition())));
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts, API_TIMEOUT);
        Map<TopicPartition, Long> end = consumer.endOffsets(parts, API_TIMEOUT);
        List<OffsetRange> out = new ArrayList<>();
        if (!o.ranges().isEmpty()) {
            for (OffsetRange r : o.ranges().stream().sorted(Comparator.comparingInt(OffsetRange::partition)
                    .thenComparingLong(OffsetRange::start)).toList()) {
                TopicPartition tp = new TopicPartition(o.topic(), r.partition());
                if (!end.containsKey(tp)) {
                    throw new IOException("topic " + o.topic() + " has no partition " + r.partition());
                }
                long from = Math.max(r.start(), begin.get(tp));
                long to = Math.min(r.end(), end.get(tp));
                if (from < to) {
                    out.add(new OffsetRange(r.partition(), from, to));
                } else {
                    log.warn("event=empty_offset_range topic={} partition={} requested_start={} requested_end={} "
                            + "log_start={} log_end={}", o.topic(), r.partition(), r.start(),
                            r.end() == OffsetRange.TO_END ? "end" : r.end(), begin.get(tp), end.get(tp));
                }
            }
            return out;
        }
        Map<TopicPartition, OffsetAndTimestamp> starts = startOffsets(consumer, parts, o.filter().from(), o.timeSlack());
        for (TopicPartition tp : parts) {
            long from = begin.get(tp);
            if (o.filter().from() != null) {
                OffsetAndTimestamp s = starts.get(tp);
                from = s == null ? end.get(tp) : Math.max(from, s.offset());
            }
            if (from < end.get(tp)) {
                out.add(new OffsetRange(tp.partition(), from, end.get(tp)));
            }
        }
        return out;
    }

    /** Per partition the first record stamped at or after {@code from - slack}; absent when there is none. */
    private static Map<TopicPartition, OffsetAndTimestamp> startOffsets(KafkaConsumer<byte[], byte[]> consumer,
                                                                       List<TopicPartition> parts, Instant from, Duration slack) {
        if (from == null) {
            return Map.of();
        }
        long ms = Math.max(0, from.minus(slack).toEpochMilli());
        Map<TopicPartition, Long> q = new HashMap<>();
        parts.forEach(p -> q.put(p, ms));
        Map<TopicPartition, OffsetAndTimestamp> out = new HashMap<>();
        consumer.offsetsForTimes(q, API_TIMEOUT).forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
