package io.agentdlp.topology.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;

/**
 * Risk summary of one session for {@code GET /v1/sessions/{id}}: counts of detections by detector
 * and severity, a risk score, and the most recent findings (redacted previews only).
 *
 * @param sessionKey  {@code <device>:<session>}
 * @param sessionId   agent session id
 * @param deviceId    device
 * @param userId      user (may be null)
 * @param agentName   agent (may be null)
 * @param firstSeen   event time of the first detection (epoch ms)
 * @param lastSeen    event time of the latest detection (epoch ms)
 * @param detections  detections so far
 * @param riskScore   0..100: severity-weighted detections (INFO 0, LOW 1, MEDIUM 3, HIGH 7, CRITICAL 15), capped
 * @param bySeverity  detections per severity
 * @param byDetector  detections per detector
 * @param recent      latest findings, newest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionSummary(String sessionKey, String sessionId, String deviceId, String userId, String agentName,
                             long firstSeen, long lastSeen, long detections, int riskScore,
                             Map<String, Long> bySeverity, Map<String, Long> byDetector, List<RecentFinding> recent) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writerFor(SessionSummary.class);
    private static final ObjectReader READER = JSON.readerFor(SessionSummary.class);
    private static final int MAX_SCORE = 100;

    /**
     * One recent detection.
     *
     * @param time     event time (epoch ms)
     * @param alertId  alert it belongs to
     * @param detector detector
     * @param rule     rule
     * @param severity severity
     * @param title    alert title (names rules, files, hosts; never content)
     * @param previews redacted previews of the evidence
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecentFinding(long time, String alertId, String detector, String rule, String severity, String title,
                                List<String> previews) {
    }

    public static SessionSummary start(String key, String sessionId, String deviceId, String userId, String agentName) {
        return new SessionSummary(key, sessionId, deviceId, userId, agentName, Long.MAX_VALUE, Long.MIN_VALUE, 0, 0,
                new TreeMap<>(), new TreeMap<>(), new ArrayList<>());
    }

    /** This summary with one more detection; keeps the newest {@code maxRecent} findings. */
    public SessionSummary with(RecentFinding f, int maxRecent) {
        Map<String, Long> sev = new TreeMap<>(bySeverity);
        sev.merge(f.severity(), 1L, Long::sum);
        Map<String, Long> det = new TreeMap<>(byDetector);
        det.merge(f.detector(), 1L, Long::sum);
        List<RecentFinding> r = new ArrayList<>(recent.size() + 1);
        r.add(f);
        r.addAll(recent);
        r.sort((a, b) -> Long.compare(b.time(), a.time()));
        while (r.size() > maxRecent) {
            r.remove(r.size() - 1);
        }
        int score = Math.min(MAX_SCORE, riskScore + weight(f.severity()));
        return new SessionSummary(sessionKey, sessionId, deviceId, userId, agentName, Math.min(firstSeen, f.time()),
                Math.max(lastSeen, f.time()), detections + 1, score, sev, det, r);
    }

    /**
     * This summary with {@code findings} added in order: the same summary as {@link #with} applied to
     * each in turn (ties in time keep the later finding first, trimmed findings could never come back),
     * built with one copy of the counts and the list instead of one per finding.
     */
    public SessionSummary withAll(List<RecentFinding> findings, int maxRecent) {
        if (findings.isEmpty()) {
            return this;
        }
        if (findings.size() == 1) {
            return with(findings.get(0), maxRecent);
        }
        Map<String, Long> sev = new TreeMap<>(bySeverity);
        Map<String, Long> det = new TreeMap<>(byDetector);
        List<RecentFinding> r = new ArrayList<>(recent.size() + findings.size());
        long first = firstSeen;
        long last = lastSeen;
        int score = riskScore;
        for (int i = findings.size() - 1; i >= 0; i--) {
            RecentFinding f = findings.get(i);
            r.add(f);
            sev.merge(f.severity(), 1L, Long::sum);
            det.merge(f.detector(), 1L, Long::sum);
            first = Math.min(first, f.time());
            last = Math.max(last, f.time());
            score += weight(f.severity());
        }
        r.addAll(recent);
        r.sort((a, b) -> Long.compare(b.time(), a.time()));
        while (r.size() > maxRecent) {
            r.remove(r.size() - 1);
        }
        return new SessionSummary(sessionKey, sessionId, deviceId, userId, agentName, first, last,
                detections + findings.size(), Math.min(MAX_SCORE, score), sev, det, r);
    }

    private static int weight(String severity) {
        return switch (severity) {
            case "LOW" -> 1;
            case "MEDIUM" -> 3;
            case "HIGH" -> 7;
            case "CRITICAL" -> 15;
            default -> 0;
        };
    }

    public byte[] toJson() {
        try {
            return WRITER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new SerializationException("cannot encode session summary", e);
        }
    }

    public static SessionSummary fromJson(byte[] b) {
        try {
            return READER.readValue(b);
        } catch (IOException e) {
            throw new SerializationException("cannot decode session summary", e);
        }
    }

    /** Store serde: compact binary ({@link SummaryCodec}); JSON values of earlier versions are still read. */
    public static Serde<SessionSummary> serde() {
        return SummaryCodec.serde();
    }
}
