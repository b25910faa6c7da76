package io.agentdlp.topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.AlertTriage;
import io.agentdlp.avro.AuditEvent;
import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Policy;

/**
 * The one registry of agentdlp's Kafka topics. Every component creates, names and configures topics
 * from here; deployment manifests are tested against it. Values are Avro in the Confluent wire
 * format (subjects {@code <topic>-value}), keys are UTF-8 strings.
 */
public final class Topics {
    private static final String DAY_MS = String.valueOf(24L * 3600 * 1000);
    private static final Map<String, String> COMPACTED = Map.of(
            "cleanup.policy", "compact",
            "min.compaction.lag.ms", "0",
            "segment.ms", DAY_MS);

    /** Normalized agent egress events. Key {@code <device.id>:<session_id>}. Seven days. */
    public static final TopicSpec<String, AgentEgressEvent> EGRESS_EVENTS = new TopicSpec<>(
            "egress-events", "agent-egress-events", 6,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7 * 24L * 3600 * 1000),
                    "max.message.bytes", String.valueOf(2 * 1024 * 1024)),
            String.class, AgentEgressEvent.class);

    /** Alerts keyed by alert id; updates of one alert share its key. Ninety days. */
    public static final TopicSpec<String, DlpAlert> ALERTS = new TopicSpec<>(
            "alerts", "dlp-alerts", 3,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(90 * 24L * 3600 * 1000)),
            String.class, DlpAlert.class);

    /** Triage state of each alert keyed by alert id; the latest state wins (the console rebuilds from it). */
    public static final TopicSpec<String, AlertTriage> ALERT_STATUS = new TopicSpec<>(
            "alert-status", "dlp-alert-status", 3, COMPACTED, String.class, AlertTriage.class);

    /** Console actions (logins, triage, evidence views) keyed by actor. One year. */
    public static final TopicSpec<String, AuditEvent> AUDIT = new TopicSpec<>(
            "audit", "dlp-audit", 1,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(365 * 24L * 3600 * 1000)),
            String.class, AuditEvent.class);

    /**
     * The agent audit trail: every agent action as a hash-chained OCSF activity record (JSON), keyed
     * {@code <device.id>:<session_id>}, partitioned like the events. One year by default; the alerts
     * service aligns {@code retention.ms} with its {@code alerts.trail.retention} (docs/audit.md).
     */
    public static final TopicSpec<String, String> AUDIT_TRAIL = new TopicSpec<>(
            "audit-trail", "agent-audit-trail", 6,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(365 * 24L * 3600 * 1000)),
            String.class, String.class);

    /** Own-code fingerprint index keyed by {@code <repo>\0<path>}; tombstones delete a file. */
    public static final TopicSpec<String, CodeIndexRecord> CODE_INDEX = new TopicSpec<>(
            "code-index", "dlp-code-index", 3,
            merge(COMPACTED, Map.of("max.message.bytes", String.valueOf(8 * 1024 * 1024))),
            String.class, CodeIndexRecord.class);

    /** Policy documents keyed by policy id; the latest version wins. */
    public static final TopicSpec<String, Policy> POLICIES = new TopicSpec<>(
            "policies", "dlp-policies", 1, COMPACTED, String.class, Policy.class);

    /**
     * Records that could not be processed, with the original bytes and headers naming the reason,
     * exception class and source topic/partition/offset. Thirty days.
     */
    public static final TopicSpec<byte[], byte[]> DEAD_LETTER = new TopicSpec<>(
            "dead-letter", "dlp-dead-letter", 1,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(30 * 24L * 3600 * 1000)),
            byte[].class, byte[].class);

    /** The schema registry's only state (Confluent's storage layout: JSON keys and values). */
    public static final TopicSpec<byte[], byte[]> SCHEMAS = new TopicSpec<>(
            "schemas", "_schemas", 1, COMPACTED, byte[].class, byte[].class);

    /** Every topic, in creation order. */
    public static final List<TopicSpec<?, ?>> ALL = List.of(
            EGRESS_EVENTS, ALERTS, ALERT_STATUS, AUDIT, AUDIT_TRAIL, CODE_INDEX, POLICIES, DEAD_LETTER, SCHEMAS);

    private Topics() {
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        var m = new HashMap<>(a);
        m.putAll(b);
        return Map.copyOf(m);
    }
}
