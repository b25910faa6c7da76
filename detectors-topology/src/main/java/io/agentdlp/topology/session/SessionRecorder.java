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
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.OwnedStoreFront;

/**
 * Records the detections of each session in the session summary store (queried by
 * {@code GET /v1/sessions/{id}}) and forwards every detection for aggregation. Summaries idle
 * longer than the TTL (stream time) are deleted by a wall-clock punctuation.
 */
public final class SessionRecorder extends ContextualProcessor<String, InspectedEvent, String, DlpAlert> {
    /**
     * Summaries kept decoded in front of their store (a few KB each): a session with detections reads and
     * rewrites its summary on every such event. A summary read back from the store differs from the one
     * written at most in strings the encoding replaced (lone surrogates), which are only copied, never
     * compared, and encode to the same bytes.
     */
    private static final int SUMMARIES_IN_FRONT = 512;

    private final String storeName;
    private final int maxRecent;
    private final long ttlMs;
    private final Duration cleanupInterval;
    private KeyValueStore<String, SessionSummary> summaries;
    private OwnedStoreFront<SessionSummary> front;

    public SessionRecorder(String storeName, int maxRecent, Duration ttl, Duration cleanupInterval) {
        this.storeName = storeName;
        this.maxRecent = maxRecent;
        this.ttlMs = ttl.toMillis();
        this.cleanupInterval = cleanupInterval;
    }

    @Override
    public void init(ProcessorContext<String, DlpAlert> context) {
        super.init(context);
        summaries = context.getStateStore(storeName);
        front = new OwnedStoreFront<>(summaries, SUMMARIES_IN_FRONT);
        context.schedule(cleanupInterval, PunctuationType.WALL_CLOCK_TIME, now -> cleanup());
    }

    @Override
    public void process(Record<String, InspectedEvent> record) {
        InspectedEvent e = record.value();
        if (e.detections().isEmpty()) {
            return;
        }
        AgentEgressEvent ev = e.event();
        SessionSummary s = front.get(record.key());
        if (s == null) {
            s = SessionSummary.start(record.key(), ev.getSessionId(), ev.getDevice().getId(), ev.getUser().getId(),
                    ev.getAgent().getName());
        }
        List<SessionSummary.RecentFinding> found = new ArrayList<>(e.detections().size());
        for (DlpAlert a : e.detections()) {
            found.add(new SessionSummary.RecentFinding(a.getLastSeen().toEpochMilli(), a.getAlertId(), a.getDetector(),
                    a.getRuleId(), a.getSeverity().name(), a.getTitle(),
                    a.getEvidence().stream().map(Finding::getRedactedPreview).toList()));
            context().forward(new Record<>(a.getAlertId(), a, record.timestamp()));
        }
        front.put(record.key(), s.withAll(found, maxRecent));
    }

    private void cleanup() {
        long streamTime = context().currentStreamTimeMs();
        if (streamTime < 0) {
            return;
        }
        long horizon = streamTime - ttlMs;
        try (KeyValueIterator<String, SessionSummary> it = summaries.all()) {
            while (it.hasNext()) {
                KeyValue<String, SessionSummary> kv = it.next();
                if (kv.value.lastSeen() < horizon) {
                    front.delete(kv.key);
                }
            }
        }
    }
}
