package io.agentdlp.alerts.trail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.sink.format.SyslogFormat;

/**
 * How the alert sinks' transports carry audit-trail records. Every format embeds the OCSF record
 * unchanged (same fields and values), so a copy exported back from the SIEM still verifies.
 */
public final class TrailExportFormats {
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TrailExportFormats() {
    }

    /**
     * Splunk HEC: one envelope per record, {@code event} = the record, indexed fields for the class and
     * session.
     *
     * @param index null for the token's default index
     */
    public static String splunkHec(List<TrailRecord> batch, String source, String sourcetype, String index) {
        StringBuilder sb = new StringBuilder();
        for (TrailRecord r : batch) {
            ObjectNode o = AlertJson.MAPPER.createObjectNode();
            o.put("time", BigDecimal.valueOf(r.time(), 3));
            o.put("host", r.ocsf().path("device").path("uid").asText("unknown"));
            o.put("source", source);
            o.put("sourcetype", sourcetype);
            if (index != null && !index.isBlank()) {
                o.put("index", index);
            }
            o.set("event", r.ocsf());
            ObjectNode fields = o.putObject("fields");
            fields.put("class_uid", r.classUid());
            fields.put("session", r.ocsf().path("metadata").path("correlation_uid").asText());
            sb.append(write(o)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Elasticsearch / OpenSearch {@code _bulk}: {@code create} with {@code _id} = the event id, so a
     * retried batch is answered 409 (counted as delivered) instead of duplicating records.
     */
    public static String elasticBulk(List<TrailRecord> batch, String index) {
        StringBuilder sb = new StringBuilder();
        for (TrailRecord r : batch) {
            ObjectNode action = AlertJson.MAPPER.createObjectNode();
            ObjectNode meta = action.putObject("create");
            meta.put("_index", index);
            meta.put("_id", r.id());
            sb.append(write(action)).append('\n').append(write(r.ocsf())).append('\n');
        }
        return sb.toString();
    }

    /**
     * RFC 5424 message with the record's JSON as MSG and {@code OCSF<class_uid>} as MSGID; the syslog
     * severity follows the record's {@code severity_id}.
     */
    public static String syslog(TrailRecord r, int facility, String hostname, String appName) {
        int severity = switch (r.ocsf().path("severity_id").asInt(1)) {
            case 5 -> 2;
            case 4 -> 3;
            case 3 -> 4;
            case 2 -> 5;
            default -> 6;
        };
        return "<" + (facility * 8 + severity) + ">1 " + TS.format(Instant.ofEpochMilli(r.time())) + ' '
                + SyslogFormat.field(hostname, 255) + ' ' + SyslogFormat.field(appName, 48) + " - OCSF" + r.classUid() + " - " + write(r.ocsf());
    }

    private static String write(JsonNode n) {
        try {
            return AlertJson.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }
}
