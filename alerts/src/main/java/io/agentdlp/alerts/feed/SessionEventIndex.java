package io.agentdlp.alerts.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recent event metadata per agent session, for the alert detail's timeline. Bounded twice: at most
 * {@code maxSessions} sessions (least recently updated dropped first) and {@code maxPerSession}
 * events per session (oldest dropped first). Thread-safe.
 */
public final class SessionEventIndex {
    private final int maxSessions;
    private final int maxPerSession;
    private final LinkedHashMap<String, Deque<SessionEvent>> sessions;

    public SessionEventIndex(int maxSessions, int maxPerSession) {
        if (maxSessions < 1 || maxPerSession < 1) {
            throw new IllegalArgumentException("session index bounds must be >= 1");
        }
        this.maxSessions = maxSessions;
        this.maxPerSession = maxPerSession;
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<SessionEvent>> eldest) {
                return size() > SessionEventIndex.this.maxSessions;
            }
        };
    }

    public synchronized void add(String sessionId, SessionEvent e) {
        Deque<SessionEvent> d = sessions.computeIfAbsent(sessionId, k -> new ArrayDeque<>());
        if (d.stream().anyMatch(x -> x.eventId().equals(e.eventId()))) {
            return;
        }
        d.addLast(e);
        while (d.size() > maxPerSession) {
            d.removeFirst();
        }
    }

    /** Events of a session, oldest first. */
    public synchronized List<SessionEvent> events(String sessionId) {
        Deque<SessionEvent> d = sessions.get(sessionId);
        if (d == null) {
            return List.of();
        }
        List<SessionEvent> l = new ArrayList<>(d);
        l.sort(Comparator.comparing(SessionEvent::time).thenComparing(SessionEvent::eventId));
        return l;
    }

    public synchronized int sessionCount() {
        return sessions.size();
    }
}
