package io.agentdlp.topology.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serde;

import io.agentdlp.topology.StateBytes;

/**
 * Compact binary store serde of the session summaries ({@link StateBytes}): an event with detections
 * reads and writes its session's summary, and JSON there cost about as much as the timeline's did.
 * Values written as JSON by earlier versions (first byte {@code '{'}) are still read, so existing
 * stores and changelogs keep working; the HTTP API renders JSON from the record as before.
 */
final class SummaryCodec {
    private static final int VERSION = 1;

    private SummaryCodec() {
    }

    static Serde<SessionSummary> serde() {
        return BinaryStoreSerde.of("session summary", VERSION, SummaryCodec::encode, SummaryCodec::decode,
                SessionSummary::fromJson);
    }

    private static byte[] encode(SessionSummary s) {
        StateBytes.Writer w = new StateBytes.Writer(512, VERSION).putString(s.sessionKey()).putString(s.sessionId())
                .putString(s.deviceId()).putString(s.userId()).putString(s.agentName()).putLong(s.firstSeen())
                .putLong(s.lastSeen()).putLong(s.detections()).putInt(s.riskScore());
        putCounts(w, s.bySeverity());
        putCounts(w, s.byDetector());
        if (s.recent() == null) {
            w.putInt(-1);
        } else {
            w.putInt(s.recent().size());
            for (SessionSummary.RecentFinding f : s.recent()) {
                w.putLong(f.time()).putString(f.alertId()).putString(f.detector()).putString(f.rule())
                        .putString(f.severity()).putString(f.title());
                w.putStrings(f.previews());
            }
        }
        return w.toByteArray();
    }

    private static SessionSummary decode(StateBytes.Reader r) {
        String key = r.getString();
        String sessionId = r.getString();
        String deviceId = r.getString();
        String userId = r.getString();
        String agentName = r.getString();
        long firstSeen = r.getLong();
        long lastSeen = r.getLong();
        long detections = r.getLong();
        int score = r.getInt();
        Map<String, Long> bySeverity = getCounts(r);
        Map<String, Long> byDetector = getCounts(r);
        int n = r.getInt();
        List<SessionSummary.RecentFinding> recent = null;
        if (n >= 0) {
            recent = new ArrayList<>(Math.min(n, 64));
            for (int i = 0; i < n; i++) {
                recent.add(new SessionSummary.RecentFinding(r.getLong(), r.getString(), r.getString(), r.getString(),
                        r.getString(), r.getString(), r.getStrings()));
            }
        }
        return new SessionSummary(key, sessionId, deviceId, userId, agentName, firstSeen, lastSeen, detections, score,
                bySeverity, byDetector, recent);
    }

    private static void putCounts(StateBytes.Writer w, Map<String, Long> counts) {
        if (counts == null) {
            w.putInt(-1);
            return;
        }
        w.putInt(counts.size());
        counts.forEach((k, v) -> w.putString(k).putLong(v));
    }

    /** Sorted by key, as {@link SessionSummary#with} keeps them. */
    private static Map<String, Long> getCounts(StateBytes.Reader r) {
        int n = r.getInt();
        if (n < 0) {
            return null;
        }
        Map<String, Long> out = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            out.put(r.getString(), r.getLong());
        }
        return out;
    }
}
