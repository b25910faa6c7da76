package io.agentdlp.topology.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Read access to the session stores of the tasks this instance holds: the risk summary and the
 * timeline of a session. The timeline stores are null when the timeline is disabled.
 */
public final class SessionQueries {
    private final ReadOnlyKeyValueStore<String, SessionSummary> summaries;
    private final ReadOnlyKeyValueStore<String, TimelineHead> heads;
    private final ReadOnlyKeyValueStore<String, TimelineEntry> entries;

    public SessionQueries(ReadOnlyKeyValueStore<String, SessionSummary> summaries,
                          ReadOnlyKeyValueStore<String, TimelineHead> heads,
                          ReadOnlyKeyValueStore<String, TimelineEntry> entries) {
        this.summaries = summaries;
        this.heads = heads;
        this.entries = entries;
    }

    /** The session's risk summary; empty when it had no detections. */
    public Optional<SessionSummary> summary(String sessionKey) {
        return Optional.ofNullable(summaries.get(sessionKey));
    }

    /** True when timelines are recorded ({@code session.timeline.max.events} above 0). */
    public boolean timelinesEnabled() {
        return heads != null && entries != null;
    }

    /** The session's kept events, oldest first; empty when the session is unknown (or expired). */
    public Optional<SessionTimeline> timeline(String sessionKey) {
        if (!timelinesEnabled()) {
            return Optional.empty();
        }
        TimelineHead head = heads.get(sessionKey);
        if (head == null) {
            return Optional.empty();
        }
        List<TimelineEntry> events = new ArrayList<>((int) Math.min(1024, head.nextSeq() - head.firstSeq()));
        if (head.nextSeq() > head.firstSeq()) {
            try (KeyValueIterator<String, TimelineEntry> it = entries.range(TimelineHead.entryKey(sessionKey, head.firstSeq()),
                    TimelineHead.entryKey(sessionKey, head.nextSeq() - 1))) {
                while (it.hasNext()) {
                    KeyValue<String, TimelineEntry> kv = it.next();
                    events.add(kv.value);
                }
            }
        }
        return Optional.of(new SessionTimeline(sessionKey, head.nextSeq(), head.firstSeq(), head.firstSeen(),
                head.lastSeen(), events));
    }
}
