package io.agentdlp.alerts.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.avro.CodeMatch;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;

/**
 * agentdlp's native alert JSON: every {@link DlpAlert} field under its Avro name, timestamps as
 * ISO-8601 UTC, absent optional fields as explicit {@code null} so consumers see a stable shape.
 * Used by the console API and the generic webhook.
 */
public final class AlertJson {
    /** Shared mapper; thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AlertJson() {
    }

    /** The whole alert as a JSON object. */
    public static ObjectNode toJson(DlpAlert a) {
        ObjectNode o = F.objectNode();
        o.put("alert_id", a.getAlertId());
        o.put("detector", a.getDetector());
        o.put("rule_id", a.getRuleId());
        o.put("severity", a.getSeverity().name());
        o.put("title", a.getTitle());
        o.put("explanation", a.getExplanation());
        o.put("first_seen", iso(a.getFirstSeen()));
        o.put("last_seen", iso(a.getLastSeen()));
        o.put("occurrence_count", a.getOccurrenceCount());
        ArrayNode ids = o.putArray("event_ids");
        a.getEventIds().forEach(ids::add);
        o.put("session_id", a.getSessionId());
        o.put("device_id", a.getDeviceId());
        o.put("user_id", a.getUserId());
        o.put("user_email", a.getUserEmail());
        o.put("agent_name", a.getAgentName());
        o.put("agent_version", a.getAgentVersion());
        o.put("repo_remote", a.getRepoRemote());
        o.set("destination", destination(a.getDestination()));
        ArrayNode ev = o.putArray("evidence");
        a.getEvidence().forEach(f -> ev.add(finding(f)));
        o.set("code_match", codeMatch(a.getCodeMatch()));
        o.put("status", a.getStatus().name());
        o.put("content_truncated", a.getContentTruncated());
        o.set("attributes", stringMap(a.getAttributes()));
        return o;
    }

    /** Destination object or JSON null. */
    public static JsonNode destination(Destination d) {
        if (d == null) {
            return F.nullNode();
        }
        ObjectNode o = F.objectNode();
        o.put("host", d.getHost());
        o.put("port", d.getPort());
        o.put("url", d.getUrl());
        return o;
    }

    /** One evidence item: redacted preview and keyed hash, never the value. */
    public static ObjectNode finding(Finding f) {
        ObjectNode o = F.objectNode();
        o.put("detector", f.getDetector());
        o.put("rule_id", f.getRuleId());
        o.put("severity", f.getSeverity().name());
        o.put("confidence", f.getConfidence());
        o.put("redacted_preview", f.getRedactedPreview());
        o.put("keyed_hash", f.getKeyedHash());
        o.put("field", f.getField());
        o.put("line", f.getLine());
        o.put("column", f.getColumn());
        o.put("offset", f.getOffset());
        o.put("length", f.getLength());
        return o;
    }

    /** Code match object or JSON null. */
    public static JsonNode codeMatch(CodeMatch m) {
        if (m == null) {
            return F.nullNode();
        }
        ObjectNode o = F.objectNode();
        o.put("repo", m.getRepo());
        o.put("source_path", m.getSourcePath());
        o.put("source_start_line", m.getSourceStartLine());
        o.put("source_end_line", m.getSourceEndLine());
        o.put("probe_start_line", m.getProbeStartLine());
        o.put("probe_end_line", m.getProbeEndLine());
        o.put("similarity", m.getSimilarity());
        o.put("matched_fingerprints", m.getMatchedFingerprints());
        o.put("contiguous", m.getContiguous());
        return o;
    }

    /** A string map with keys sorted, so output is deterministic. */
    public static ObjectNode stringMap(Map<String, String> m) {
        ObjectNode o = F.objectNode();
        new TreeMap<>(m).forEach(o::put);
        return o;
    }

    /** ISO-8601 UTC with milliseconds, or null. */
    public static String iso(Instant t) {
        return t == null ? null : ISO_MILLIS.format(t);
    }
}
