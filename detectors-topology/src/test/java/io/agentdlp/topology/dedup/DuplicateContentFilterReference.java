package io.agentdlp.topology.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.agentdlp.avro.Content;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * The filter as it was before it tracked the stored keys (it read the store for every block), kept as
 * the oracle of {@code DuplicateContentFilterEquivalenceTest}.
 *
 * <p>Marks content already scanned in the same session as duplicate, so the content detectors skip the
 * conversation history agents re-send with every model request. The store maps
 * {@code <session key>\0<content sha256>} to the event time the content was last seen; an entry
 * older than the TTL (event time) no longer counts, and a wall-clock punctuation deletes entries
 * older than the TTL relative to stream time. Decisions depend only on event times, so replays
 * give the same result.
 */
final class DuplicateContentFilterReference extends ContextualProcessor<String, InspectedEvent, String, InspectedEvent> {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    });

    private final String storeName;
    private final long ttlMs;
    private final Duration cleanupInterval;
    private final DlpMetrics metrics;
    private KeyValueStore<String, Long> seen;

    DuplicateContentFilterReference(String storeName, Duration ttl, Duration cleanupInterval, DlpMetrics metrics) {
        this.storeName = storeName;
        this.ttlMs = ttl.toMillis();
        this.cleanupInterval = cleanupInterval;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, InspectedEvent> context) {
        super.init(context);
        seen = context.getStateStore(storeName);
        context.schedule(cleanupInterval, PunctuationType.WALL_CLOCK_TIME, now -> cleanup());
    }

    @Override
    public void process(Record<String, InspectedEvent> record) {
        InspectedEvent e = record.value();
        if (e.text() != null) {
            String k = record.key() + '\0' + contentHash(e);
            long t = e.event().getEventTime().toEpochMilli();
            Long last = seen.get(k);
            if (last != null && t - last <= ttlMs && t >= last - ttlMs) {
                e.markDuplicate();
                metrics.duplicateBlockSkipped();
            }
            if (last == null || t > last) {
                seen.put(k, t);
            }
        }
        context().forward(record);
    }

    private static String contentHash(InspectedEvent e) {
        Content c = e.event().getContent();
        if (c != null && c.getSha256() != null && !c.getSha256().isEmpty()) {
            return c.getSha256();
        }
        MessageDigest md = SHA256.get();
        md.reset();
        return HexFormat.of().formatHex(md.digest(e.text().getBytes(StandardCharsets.UTF_8)));
    }

    private void cleanup() {
        long streamTime = context().currentStreamTimeMs();
        if (streamTime < 0) {
            return;
        }
        long horizon = streamTime - ttlMs;
        try (KeyValueIterator<String, Long> it = seen.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> kv = it.next();
                if (kv.value < horizon) {
                    seen.delete(kv.key);
                }
            }
        }
    }
}
