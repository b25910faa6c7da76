package io.agentdlp.ingest.proxy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Per-session memory of block hashes already inspected. Agents re-send the whole conversation on
 * every request; only blocks not seen before in the session are scanned and published. Bounded:
 * least-recently-used sessions are evicted beyond {@code maxSessions}, idle sessions after
 * {@code ttlMillis}, and a session keeps at most {@code maxBlocksPerSession} hashes.
 */
final class SeenBlocks {
    private final int maxSessions;
    private final int maxBlocksPerSession;
    private final long ttlMillis;
    private final Clock clock;
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);

    private static final class Session {
        final LinkedHashSet<String> hashes = new LinkedHashSet<>();
        long lastSeen;
    }

    SeenBlocks(int maxSessions, int maxBlocksPerSession, long ttlMillis, Clock clock) {
        this.maxSessions = maxSessions;
        this.maxBlocksPerSession = maxBlocksPerSession;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    /** True when {@code blockHash} was already inspected and forwarded in {@code session}. */
    synchronized boolean seen(String session, String blockHash) {
        Session s = sessions.get(session);
        return s != null && clock.millis() - s.lastSeen <= ttlMillis && s.hashes.contains(blockHash);
    }

    /**
     * Remembers blocks of a request that was forwarded. Blocks of a blocked request are never
     * remembered, so a retry of the same content is inspected (and blocked) again.
     */
    synchronized void remember(String session, Iterable<String> blockHashes) {
        long now = clock.millis();
        Session s = sessions.get(session);
        if (s == null || now - s.lastSeen > ttlMillis) {
            s = new Session();
            s.lastSeen = now;
            sessions.put(session, s);
            evict(now);
        }
        s.lastSeen = now;
        for (String h : blockHashes) {
            if (s.hashes.add(h) && s.hashes.size() > maxBlocksPerSession) {
                var it = s.hashes.iterator();
                it.next();
                it.remove();
            }
        }
    }

    synchronized int sessions() {
        return sessions.size();
    }

    private void evict(long now) {
        var it = sessions.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Session> e = it.next();
            if (sessions.size() > maxSessions || now - e.getValue().lastSeen > ttlMillis) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
