package io.agentdlp.alerts.sink.format;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.feed.AlertLinks;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Severity;

/**
 * Maps an alert to an Elastic Common Schema document for Elasticsearch/OpenSearch. Standard ECS
 * fields where ECS has one; the rest under the custom {@code agentdlp.*} namespace (ECS reserves no
 * field for a coding agent, a session or redacted evidence). Mapping table in docs/alerts.md.
 */
public final class EcsFormat {
    /** ECS version written in {@code ecs.version}. */
    public static final String ECS_VERSION = "8.17.0";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ProductInfo product;
    private final AlertLinks links;

    public EcsFormat(ProductInfo product, AlertLinks links) {
        this.product = product;
        this.links = links;
    }

    /** The ECS document for one alert update. */
    public ObjectNode document(DlpAlert a) {
        ObjectNode o = F.objectNode();
        o.put("@timestamp", AlertJson.iso(a.getLastSeen()));
        o.putObject("ecs").put("version", ECS_VERSION);
        o.put("message", a.getTitle());

        ObjectNode event = o.putObject("event");
        event.put("kind", "alert");
        event.putArray("category").add("intrusion_detection");
        event.putArray("type").add("info");
        event.put("id", a.getAlertId());
        event.put("code", a.getRuleId());
        event.put("action", a.getDetector());
        event.put("severity", riskScore(a.getSeverity()));
        event.put("risk_score", (double) riskScore(a.getSeverity()));
        event.put("start", AlertJson.iso(a.getFirstSeen()));
        event.put("end", AlertJson.iso(a.getLastSeen()));
        event.put("module", product.name());
        event.put("dataset", product.name() + ".alert");
        event.put("provider", product.name());
        event.put("reason", a.getExplanation());
        links.alert(a.getAlertId()).ifPresent(url -> event.put("url", url));

        ObjectNode rule = o.putObject("rule");
        rule.put("id", a.getRuleId());
        rule.put("name", a.getRuleId());
        rule.put("category", a.getDetector());
        rule.put("ruleset", product.name());

        o.putObject("log").put("level", a.getSeverity().name().toLowerCase(Locale.ROOT));

        if (a.getUserId() != null || a.getUserEmail() != null) {
            ObjectNode user = o.putObject("user");
            if (a.getUserId() != null) {
                user.put("id", a.getUserId());
            }
            if (a.getUserEmail() != null) {
                user.put("email", a.getUserEmail());
            }
        }
        if (a.getDeviceId() != null) {
            o.putObject("host").put("id", a.getDeviceId());
        }
        Destination d = a.getDestination();
        if (d != null) {
            if (d.getHost() != null || d.getPort() != null) {
                ObjectNode dst = o.putObject("destination");
                if (d.getHost() != null) {
                    dst.put("address", d.getHost());
                    dst.put("domain", d.getHost());
                }
                if (d.getPort() != null) {
                    dst.put("port", d.getPort());
                }
            }
            if (d.getUrl() != null) {
                ObjectNode url = o.putObject("url");
                url.put("full", d.getUrl());
                if (d.getHost() != null) {
                    url.put("domain", d.getHost());
                }
            }
        }
        ObjectNode related = related(a);
        if (!related.isEmpty()) {
            o.set("related", related);
        }
        ObjectNode observer = o.putObject("observer");
        observer.put("vendor", product.vendor());
        observer.put("product", product.name());
        observer.put("type", "dlp");
        observer.put("version", product.version());

        o.set("agentdlp", custom(a));
        return o;
    }

    private static ObjectNode related(DlpAlert a) {
        ObjectNode r = F.objectNode();
        Set<String> users = new LinkedHashSet<>();
        if (a.getUserId() != null) {
            users.add(a.getUserId());
        }
        if (a.getUserEmail() != null) {
            users.add(a.getUserEmail());
        }
        if (!users.isEmpty()) {
            ArrayNode u = r.putArray("user");
            users.forEach(u::add);
        }
        Set<String> hosts = new LinkedHashSet<>();
        if (a.getDeviceId() != null) {
            hosts.add(a.getDeviceId());
        }
        if (a.getDestination() != null && a.getDestination().getHost() != null) {
            hosts.add(a.getDestination().getHost());
        }
        if (!hosts.isEmpty()) {
            ArrayNode h = r.putArray("hosts");
            hosts.forEach(h::add);
        }
        Set<String> hashes = new LinkedHashSet<>();
        a.getEvidence().forEach(f -> hashes.add(f.getKeyedHash()));
        if (!hashes.isEmpty()) {
            ArrayNode h = r.putArray("hash");
            hashes.forEach(h::add);
        }
        return r;
    }

    private static ObjectNode custom(DlpAlert a) {
        ObjectNode c = F.objectNode();
        c.put("alert_id", a.getAlertId());
        c.put("detector", a.getDetector());
        c.put("severity", a.getSeverity().name());
        c.put("status", a.getStatus().name());
        c.put("occurrence_count", a.getOccurrenceCount());
        ArrayNode ids = c.putArray("event_ids");
        a.getEventIds().forEach(ids::add);
        c.put("session_id", a.getSessionId());
        ObjectNode agent = c.putObject("agent");
        agent.put("name", a.getAgentName());
        agent.put("version", a.getAgentVersion());
        c.put("repo_remote", a.getRepoRemote());
        ArrayNode ev = c.putArray("evidence");
        a.getEvidence().forEach(f -> ev.add(AlertJson.finding(f)));
        c.set("code_match", AlertJson.codeMatch(a.getCodeMatch()));
        c.put("content_truncated", a.getContentTruncated());
        c.set("attributes", AlertJson.stringMap(a.getAttributes()));
        return c;
    }

    /** ECS event.severity / risk score on Elastic's 0..100 scale (low 21, medium 47, high 73, critical 99). */
    static int riskScore(Severity s) {
        return switch (s) {
            case INFO -> 1;
            case LOW -> 21;
            case MEDIUM -> 47;
            case HIGH -> 73;
            case CRITICAL -> 99;
        };
    }
}
