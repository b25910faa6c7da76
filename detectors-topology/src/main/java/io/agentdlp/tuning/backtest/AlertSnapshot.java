package io.agentdlp.tuning.backtest;

import java.time.Instant;
import java.util.List;

import io.agentdlp.avro.DlpAlert;

/**
 * The final state of one alert after a replay: the last record the topology wrote for it.
 *
 * @param key         the alert id, with {@code #2}, {@code #3}... appended when the same id was
 *                    closed (alert.retention) and opened again
 * @param detector    detector
 * @param rule        rule id
 * @param severity    severity after context
 * @param title       one-line summary (never a raw value)
 * @param sessionId   agent session, or null
 * @param firstSeen   event time of the first occurrence
 * @param lastSeen    event time of the latest occurrence
 * @param occurrences occurrence count
 * @param eventIds    triggering event ids
 * @param truncated   a triggering event was scanned only up to the size limit
 */
public record AlertSnapshot(String key, String detector, String rule, String severity, String title, String sessionId,
                            Instant firstSeen, Instant lastSeen, long occurrences, List<String> eventIds,
                            boolean truncated) {
    public AlertSnapshot {
        eventIds = List.copyOf(eventIds);
    }

    static AlertSnapshot of(String key, DlpAlert a) {
        return new AlertSnapshot(key, a.getDetector(), a.getRuleId(), a.getSeverity().name(), a.getTitle(),
                a.getSessionId(), a.getFirstSeen(), a.getLastSeen(), a.getOccurrenceCount(),
                a.getEventIds().stream().map(String::valueOf).toList(), a.getContentTruncated());
    }

    /** {@code <detector>:<rule>}, the form of replay-file labels. */
    public String label() {
        return detector + ":" + rule;
    }
}
