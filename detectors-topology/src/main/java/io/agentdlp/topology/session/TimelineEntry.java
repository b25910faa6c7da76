package io.agentdlp.topology.session;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.kafka.common.serialization.Serde;

/**
 * One event of a session's timeline ({@code GET /v1/sessions/{id}/timeline}): what the agent did,
 * where it sent it, how much, and the alerts its detections belong to. Never content: sizes,
 * hosts, paths, rule names and redacted previews only.
 *
 * @param seq                position in the session, from 0 in arrival order
 * @param eventId            the event's id
 * @param time               event time (epoch ms)
 * @param kind               event kind (e.g. MODEL_REQUEST, TOOL_CALL)
 * @param source             sensor source (hook, OTel, proxy, ...)
 * @param tool               tool name, or null
 * @param filePath           file read or written, or null
 * @param destinations       hosts the event sends to (empty when none)
 * @param contentBytes       UTF-8 size of the untruncated content (0 without content)
 * @param truncated          true when the content was scanned only up to the size limit
 * @param duplicate          true when the session already had this content scanned (content detectors skipped it)
 * @param destinationAllowed whether the policy allows the event's destination (null: no destination)
 * @param alerts             the alert occurrences of this event, in detection order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(long seq, String eventId, long time, String kind, String source, String tool,
                            String filePath, List<String> destinations, long contentBytes, boolean truncated,
                            boolean duplicate, Boolean destinationAllowed, List<PlacedAlert> alerts) {

    /**
     * An alert occurrence placed on its event; {@code alertId} is the key of the aggregated alert in
     * {@code dlp-alerts}.
     *
     * @param alertId  stable alert id
     * @param detector detector
     * @param rule     rule
     * @param severity severity of this occurrence
     * @param title    alert title (names rules, files, hosts; never content)
     * @param previews redacted previews of the evidence
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlacedAlert(String alertId, String detector, String rule, String severity, String title,
                              List<String> previews) {
    }

    /** Store serde (compact binary; reads JSON written by earlier versions; the HTTP API renders JSON). */
    public static Serde<TimelineEntry> serde() {
        return TimelineCodec.entrySerde();
    }
}
