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
import io.agentdlp.topology.StoredKeySet;
import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * Marks content already scanned in the same session as duplicate, so the content detectors skip the
 * conversation history agents re-send with every model request. The store maps
 * {@code <session key>\0<content sha256>} to the event time the content was last seen; an entry
 * older than the TTL (event time) no longer counts, and a wall-clock punctuation deletes entries
 * older than the TTL relative to stream time. Decisions depend only on event times, so replays
 * give the same result.
 */
public final class DuplicateContentFilter extends ContextualProcessor<String, InspectedEvent, String, InspectedEvent> {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    });

    /**
     * Most keys tracked to skip the store read of content not seen before in its session (about 3 MB per
     * task at the limit); a task holding more reads the store for every block, as without the tracking.
     */
    private static final int TRACKED_KEYS = 1 << 17;

    private final String storeName;
    private final long ttlMs;
    private final Duration cleanupInterval;
    private final DlpMetrics metrics;
    private KeyValueStore<String, Long> seen;
    private StoredKeySet stored;

    public DuplicateContentFilter(String storeName, Duration ttl, Duration cleanupInterval, DlpMetrics metrics) {
        this.storeName = storeName;
        this.ttlMs = ttl.toMillis();
        this.cleanupInterval = cleanupInterval;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, InspectedEvent> context) {
        super.init(context);
        seen = context.getStateStore(storeName);
        stored = new StoredKeySet(TRACKED_KEYS);
        try (KeyValueIterator<String, Long> it = seen.all()) {
            while (it.hasNext() && !stored.full()) {
                stored.added(it.next().key);
            }
        }
        context.schedule(cleanupInterval, PunctuationType.WALL_CLOCK_TIME, now -> cleanup());
    }

    @Override
    public void process(Record<String, InspectedEvent> record) {
        InspectedEvent e = record.value();
        if (e.text() != null) {
            String k = record.key() + '\0' + contentHash(e);
            long t = e.event().getEventTime().toEpochMilli();
            Long last = stored.certainlyAbsent(k) ? null : seen.get(k);
            if (last != null && t - last <= ttlMs && t >= last - ttlMs) {
                e.markDuplicate();
                metrics.duplicateBlockSkipped();
            }
            if (last == null) {
                stored.added(k);
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
                    stored.removed(kv.key);
                }
            }
        }
    }
}
