package io.agentdlp.topology.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;
import io.agentdlp.detection.shell.Endpoint;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.OwnedStoreFront;

/**
 * Appends every event of a session, with the alert occurrences found on it, to the session's
 * timeline and forwards the event. The timeline keeps the newest {@code maxEntries} events per
 * session (one small store entry each, so an append costs the same however long the session);
 * sessions idle longer than the TTL (stream time) are deleted by a wall-clock punctuation.
 */
public final class TimelineRecorder extends ContextualProcessor<String, InspectedEvent, String, InspectedEvent> {
    /** Session heads kept decoded in front of their store: every event reads and writes its session's head. */
    private static final int HEADS_IN_FRONT = 4096;

    private final String headStoreName;
    private final String entryStoreName;
    private final int maxEntries;
    private final long ttlMs;
    private final Duration cleanupInterval;
    private KeyValueStore<String, TimelineHead> heads;
    private OwnedStoreFront<TimelineHead> headFront;
    private KeyValueStore<String, TimelineEntry> entries;

    public TimelineRecorder(String headStoreName, String entryStoreName, int maxEntries, Duration ttl,
                            Duration cleanupInterval) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        this.headStoreName = headStoreName;
        this.entryStoreName = entryStoreName;
        this.maxEntries = maxEntries;
        this.ttlMs = ttl.toMillis();
        this.cleanupInterval = cleanupInterval;
    }

    @Override
    public void init(ProcessorContext<String, InspectedEvent> context) {
        super.init(context);
        heads = context.getStateStore(headStoreName);
        headFront = new OwnedStoreFront<>(heads, HEADS_IN_FRONT);
        entries = context.getStateStore(entryStoreName);
        context.schedule(cleanupInterval, PunctuationType.WALL_CLOCK_TIME, now -> cleanup());
    }

    @Override
    public void process(Record<String, InspectedEvent> record) {
        String key = record.key();
        long time = record.timestamp();
        TimelineHead head = headFront.get(key);
        if (head == null) {
            head = TimelineHead.start(time);
        }
        entries.put(TimelineHead.entryKey(key, head.nextSeq()), entry(head.nextSeq(), record.value(), time));
        TimelineHead next = head.append(time, maxEntries);
        for (long s = head.firstSeq(); s < next.firstSeq(); s++) {
            drop(key, s);
        }
        headFront.put(key, next);
        context().forward(record);
    }

    /**
     * Removes one entry. A null put is the store's delete (a RocksDB delete and a changelog tombstone)
     * without {@code delete}'s read and decoding of the old value, which no one uses: once a session is
     * past {@code maxEntries}, every event drops its oldest entry.
     */
    private void drop(String sessionKey, long seq) {
        entries.put(TimelineHead.entryKey(sessionKey, seq), null);
    }

    private static TimelineEntry entry(long seq, InspectedEvent e, long time) {
        AgentEgressEvent ev = e.event();
        List<String> hosts = new ArrayList<>(e.endpoints().size());
        for (Endpoint p : e.endpoints()) {
            if (!hosts.contains(p.host())) {
                hosts.add(p.host());
            }
        }
        List<TimelineEntry.PlacedAlert> alerts = new ArrayList<>(e.detections().size());
        for (DlpAlert a : e.detections()) {
            alerts.add(new TimelineEntry.PlacedAlert(a.getAlertId(), a.getDetector(), a.getRuleId(), a.getSeverity().name(),
                    a.getTitle(), a.getEvidence().stream().map(Finding::getRedactedPreview).toList()));
        }
        Boolean allowed = e.decidedEndpoint() == null ? null : e.decision().allowed();
        return new TimelineEntry(seq, ev.getEventId(), time, ev.getKind().name(), ev.getSource().name(),
                ev.getTool() == null ? null : ev.getTool().getName(), ev.getFilePath(), hosts, e.contentBytes(),
                e.truncated(), e.duplicate(), allowed, alerts);
    }

    private void cleanup() {
        long streamTime = context().currentStreamTimeMs();
        if (streamTime < 0) {
            return;
        }
        long horizon = streamTime - ttlMs;
        List<KeyValue<String, TimelineHead>> expired = new ArrayList<>();
        try (KeyValueIterator<String, TimelineHead> it = heads.all()) {
            while (it.hasNext()) {
                KeyValue<String, TimelineHead> kv = it.next();
                if (kv.value.lastSeen() < horizon) {
                    expired.add(kv);
                }
            }
        }
        for (KeyValue<String, TimelineHead> kv : expired) {
            for (long s = kv.value.firstSeq(); s < kv.value.nextSeq(); s++) {
                drop(kv.key, s);
            }
            headFront.delete(kv.key);
        }
    }
}
