package io.agentdlp.alerts.sink.format;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.feed.AlertLinks;
import io.agentdlp.avro.AlertStatus;
import io.agentdlp.avro.CodeMatch;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;

/**
 * Maps an alert to an OCSF 1.4.0 Data Security Finding (category Findings, class_uid 2006). Fields
 * OCSF has no place for go under {@code unmapped}, as the specification asks. The full mapping is
 * in docs/alerts.md.
 */
public final class OcsfFormat {
    /** OCSF schema version written in {@code metadata.version}. */
    public static final String OCSF_VERSION = "1.4.0";
    static final int CLASS_UID = 2006;
    static final int CATEGORY_UID = 2;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ProductInfo product;
    private final AlertLinks links;

    public OcsfFormat(ProductInfo product, AlertLinks links) {
        this.product = product;
        this.links = links;
    }

    /** The finding for one alert update. */
    public ObjectNode finding(DlpAlert a) {
        ObjectNode o = F.objectNode();
        int activity = activityId(a);
        o.put("activity_id", activity);
        o.put("activity_name", activityName(activity));
        o.put("category_uid", CATEGORY_UID);
        o.put("category_name", "Findings");
        o.put("class_uid", CLASS_UID);
        o.put("class_name", "Data Security Finding");
        o.put("type_uid", CLASS_UID * 100L + activity);
        o.put("type_name", "Data Security Finding: " + activityName(activity));
        o.put("severity_id", severityId(a.getSeverity()));
        o.put("severity", severityName(a.getSeverity()));
        o.put("status_id", statusId(a.getStatus()));
        o.put("status", statusName(a.getStatus()));
        o.put("time", a.getLastSeen().toEpochMilli());
        o.put("start_time", a.getFirstSeen().toEpochMilli());
        o.put("end_time", a.getLastSeen().toEpochMilli());
        o.put("count", a.getOccurrenceCount());
        o.put("message", a.getTitle());
        o.put("is_alert", true);
        maxConfidence(a.getEvidence()).ifPresent(score -> {
            o.put("confidence_score", score);
            o.put("confidence_id", confidenceId(score));
            o.put("confidence", confidenceName(score));
        });
        o.set("metadata", metadata(a));
        o.set("finding_info", findingInfo(a));
        o.set("data_security", dataSecurity(a));
        ObjectNode actor = actor(a);
        if (!actor.isEmpty()) {
            o.set("actor", actor);
        }
        if (a.getDeviceId() != null) {
            ObjectNode device = o.putObject("device");
            device.put("uid", a.getDeviceId());
            device.put("type_id", 0);
            device.put("type", "Unknown");
        }
        Destination d = a.getDestination();
        if (d != null && (d.getHost() != null || d.getPort() != null)) {
            ObjectNode dst = o.putObject("dst_endpoint");
            if (d.getHost() != null) {
                dst.put("hostname", d.getHost());
            }
            if (d.getPort() != null) {
                dst.put("port", d.getPort());
            }
        }
        CodeMatch m = a.getCodeMatch();
        if (m != null) {
            ObjectNode file = o.putObject("file");
            file.put("name", baseName(m.getSourcePath()));
            file.put("path", m.getSourcePath());
            file.put("type_id", 1);
            file.put("type", "Regular File");
        }
        ArrayNode resources = resources(a);
        if (!resources.isEmpty()) {
            o.set("resources", resources);
        }
        ArrayNode observables = observables(a);
        if (!observables.isEmpty()) {
            o.set("observables", observables);
        }
        o.set("unmapped", unmapped(a));
        return o;
    }

    private ObjectNode metadata(DlpAlert a) {
        ObjectNode md = F.objectNode();
        md.put("version", OCSF_VERSION);
        ObjectNode p = md.putObject("product");
        p.put("name", product.name());
        p.put("vendor_name", product.vendor());
        p.put("version", product.version());
        // One metadata.uid per alert update, so a SIEM can drop redelivered duplicates.
        md.put("uid", a.getAlertId() + "/" + a.getOccurrenceCount());
        if (a.getSessionId() != null) {
            md.put("correlation_uid", a.getSessionId());
        }
        return md;
    }

    private ObjectNode findingInfo(DlpAlert a) {
        ObjectNode fi = F.objectNode();
        fi.put("uid", a.getAlertId());
        fi.put("title", a.getTitle());
        fi.put("desc", a.getExplanation());
        fi.putArray("types").add(a.getDetector());
        fi.put("created_time", a.getFirstSeen().toEpochMilli());
        fi.put("first_seen_time", a.getFirstSeen().toEpochMilli());
        fi.put("last_seen_time", a.getLastSeen().toEpochMilli());
        fi.put("modified_time", a.getLastSeen().toEpochMilli());
        ObjectNode analytic = fi.putObject("analytic");
        analytic.put("uid", a.getRuleId());
        analytic.put("name", a.getRuleId());
        analytic.put("category", a.getDetector());
        analytic.put("type_id", 1);
        analytic.put("type", "Rule");
        if (!a.getEventIds().isEmpty()) {
            ArrayNode related = fi.putArray("related_events");
            a.getEventIds().forEach(id -> related.addObject().put("uid", id));
        }
        links.alert(a.getAlertId()).ifPresent(url -> fi.put("src_url", url));
        fi.putArray("data_sources").add(product.name() + ":" + a.getDetector());
        return fi;
    }

    private ObjectNode dataSecurity(DlpAlert a) {
        ObjectNode ds = F.objectNode();
        DataCategory c = DataCategory.of(a.getDetector());
        ds.put("category_id", c.id);
        ds.put("category", c == DataCategory.OTHER ? a.getDetector() : c.caption);
        // Everything agentdlp sees is on its way out of the developer machine.
        ds.put("data_lifecycle_state_id", 2);
        ds.put("data_lifecycle_state", "Data in-Transit");
        ds.put("detection_system_id", 99);
        ds.put("detection_system", product.name());
        ds.put("detection_pattern", a.getRuleId());
        if (!a.getEvidence().isEmpty()) {
            ds.put("pattern_match", a.getEvidence().get(0).getRedactedPreview());
        }
        ObjectNode policy = ds.putObject("policy");
        policy.put("uid", a.getRuleId());
        policy.put("name", a.getRuleId());
        return ds;
    }

    private static ObjectNode actor(DlpAlert a) {
        ObjectNode actor = F.objectNode();
        if (a.getUserId() != null || a.getUserEmail() != null) {
            ObjectNode user = actor.putObject("user");
            if (a.getUserId() != null) {
                user.put("uid", a.getUserId());
            }
            if (a.getUserEmail() != null) {
                user.put("email_addr", a.getUserEmail());
            }
        }
        if (a.getSessionId() != null) {
            actor.putObject("session").put("uid", a.getSessionId());
        }
        if (a.getAgentName() != null) {
            actor.put("app_name", a.getAgentName());
        }
        return actor;
    }

    private static ArrayNode resources(DlpAlert a) {
        ArrayNode r = F.arrayNode();
        if (a.getRepoRemote() != null) {
            ObjectNode repo = r.addObject();
            repo.put("uid", a.getRepoRemote());
            repo.put("name", a.getRepoRemote());
            repo.put("type", "git_repository");
        }
        CodeMatch m = a.getCodeMatch();
        if (m != null) {
            ObjectNode src = r.addObject();
            src.put("uid", m.getRepo() + "/" + m.getSourcePath());
            src.put("name", m.getSourcePath());
            src.put("type", "indexed_source_file");
        }
        return r;
    }

    private static ArrayNode observables(DlpAlert a) {
        ArrayNode obs = F.arrayNode();
        Destination d = a.getDestination();
        if (d != null && d.getHost() != null) {
            observable(obs, "dst_endpoint.hostname", 1, "Hostname", d.getHost());
        }
        if (a.getUserEmail() != null) {
            observable(obs, "actor.user.email_addr", 5, "Email Address", a.getUserEmail());
        }
        if (d != null && d.getUrl() != null) {
            observable(obs, "unmapped.destination_url", 6, "URL String", d.getUrl());
        }
        Set<String> hashes = new LinkedHashSet<>();
        a.getEvidence().forEach(f -> hashes.add(f.getKeyedHash()));
        int i = 0;
        for (Finding f : a.getEvidence()) {
            if (hashes.remove(f.getKeyedHash())) {
                observable(obs, "unmapped.evidence[" + i + "].keyed_hash", 8, "Hash", f.getKeyedHash());
            }
            i++;
        }
        return obs;
    }

    private static void observable(ArrayNode obs, String name, int typeId, String type, String value) {
        ObjectNode o = obs.addObject();
        o.put("name", name);
        o.put("type_id", typeId);
        o.put("type", type);
        o.put("value", value);
    }

    private static ObjectNode unmapped(DlpAlert a) {
        ObjectNode u = F.objectNode();
        u.put("detector", a.getDetector());
        if (a.getAgentVersion() != null) {
            u.put("agent_version", a.getAgentVersion());
        }
        if (a.getDestination() != null && a.getDestination().getUrl() != null) {
            u.put("destination_url", a.getDestination().getUrl());
        }
        ArrayNode ev = u.putArray("evidence");
        a.getEvidence().forEach(f -> ev.add(AlertJson.finding(f)));
        if (a.getCodeMatch() != null) {
            u.set("code_match", AlertJson.codeMatch(a.getCodeMatch()));
        }
        u.put("content_truncated", a.getContentTruncated());
        u.set("attributes", AlertJson.stringMap(a.getAttributes()));
        return u;
    }

    static int activityId(DlpAlert a) {
        if (a.getStatus() == AlertStatus.RESOLVED) {
            return 3;
        }
        return a.getOccurrenceCount() <= 1 ? 1 : 2;
    }

    private static String activityName(int id) {
        return switch (id) {
            case 1 -> "Create";
            case 2 -> "Update";
            default -> "Close";
        };
    }

    /** OCSF severity_id: 1 Informational .. 5 Critical. */
    static int severityId(Severity s) {
        return s.ordinal() + 1;
    }

    static String severityName(Severity s) {
        return switch (s) {
            case INFO -> "Informational";
            case LOW -> "Low";
            case MEDIUM -> "Medium";
            case HIGH -> "High";
            case CRITICAL -> "Critical";
        };
    }

    static int statusId(AlertStatus s) {
        return switch (s) {
            case OPEN -> 1;
            case ACKNOWLEDGED -> 2;
            case SUPPRESSED -> 3;
            case RESOLVED -> 4;
        };
    }

    static String statusName(AlertStatus s) {
        return switch (s) {
            case OPEN -> "New";
            case ACKNOWLEDGED -> "In Progress";
            case SUPPRESSED -> "Suppressed";
            case RESOLVED -> "Resolved";
        };
    }

    /** Highest evidence confidence as an OCSF 0..100 score. */
    static OptionalInt maxConfidence(List<Finding> evidence) {
        return evidence.stream().mapToInt(f -> (int) Math.round(Math.max(0, Math.min(1, f.getConfidence())) * 100)).max();
    }

    private static int confidenceId(int score) {
        return score >= 80 ? 3 : score >= 50 ? 2 : 1;
    }

    private static String confidenceName(int score) {
        return score >= 80 ? "High" : score >= 50 ? "Medium" : "Low";
    }

    private static String baseName(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    /** OCSF data classification categories, chosen by detector. */
    private enum DataCategory {
        PERSONAL(1, "Personal"), BUSINESS(4, "Business"), SECURITY(6, "Security"), OTHER(99, "Other");

        final int id;
        final String caption;

        DataCategory(int id, String caption) {
            this.id = id;
            this.caption = caption;
        }

        static DataCategory of(String detector) {
            return switch (detector) {
                case "secret" -> SECURITY;
                case "pii" -> PERSONAL;
                case "code-fingerprint" -> BUSINESS;
                default -> OTHER;
            };
        }
    }
}
