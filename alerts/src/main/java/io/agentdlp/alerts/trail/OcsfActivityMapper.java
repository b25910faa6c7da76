package io.agentdlp.alerts.trail;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.sink.format.OcsfFormat;
import io.agentdlp.alerts.sink.format.ProductInfo;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;
import io.agentdlp.avro.ToolCategory;
import io.agentdlp.events.EventMetadata;
import io.agentdlp.events.EventMetadata.ContentInfo;
import io.agentdlp.events.EventMetadata.ToolInfo;

/**
 * Maps one agent event to the OCSF 1.4 activity class closest to what the agent did (the table is in
 * docs/audit.md): model requests, prompts, MCP and other tool calls to API Activity (6003), shell
 * commands to Process Activity (1007), file reads and writes to File System Activity (1001), fetches to
 * HTTP Activity (4002) or Network Activity (4001), session start and end to Application Lifecycle (6002).
 * <p>
 * The record never carries content: no prompt, command line, file body or tool input; only sizes, the
 * content hash, destinations, tool names and findings (redacted preview and keyed hash). Fields OCSF has
 * no place for go under {@code unmapped} with an {@code agentdlp.} prefix.
 */
public final class OcsfActivityMapper {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ProductInfo product;
    private final TrailPolicy policy;

    public OcsfActivityMapper(ProductInfo product, TrailPolicy policy) {
        this.product = product;
        this.policy = policy;
    }

    /** OCSF class and activity of an event. */
    record Activity(int categoryUid, String categoryName, int classUid, String className, int activityId,
                    String activityName) {
    }

    /** The activity record of {@code e}; {@code sessionKey} becomes {@code metadata.correlation_uid}. */
    public ObjectNode map(EventMetadata e, String sessionKey) {
        Activity a = activity(e);
        ObjectNode o = F.objectNode();
        o.put("activity_id", a.activityId());
        o.put("activity_name", a.activityName());
        o.put("category_uid", a.categoryUid());
        o.put("category_name", a.categoryName());
        o.put("class_uid", a.classUid());
        o.put("class_name", a.className());
        o.put("type_uid", a.classUid() * 100L + a.activityId());
        o.put("type_name", a.className() + ": " + a.activityName());
        Severity worst = worstFinding(e.findings());
        o.put("severity_id", worst == null ? 1 : severityId(worst));
        o.put("severity", worst == null ? "Informational" : severityName(worst));
        o.put("time", e.eventTime().toEpochMilli());
        o.put("message", message(e));
        o.set("metadata", metadata(e, sessionKey));
        o.set("actor", actor(e));
        o.set("device", device(e));
        switch (a.classUid()) {
            case 1001 -> file(o, e);
            case 1007 -> process(o, e);
            case 4001 -> network(o, e);
            case 4002 -> http(o, e);
            case 6002 -> app(o, e);
            default -> api(o, e, a);
        }
        if (a.classUid() != 1001 && a.classUid() != 1007) {
            ObjectNode src = o.putObject("src_endpoint");
            src.put("uid", e.device().getId());
            putIfPresent(src, "hostname", e.device().getHostname());
        }
        if (a.classUid() != 4001 && a.classUid() != 4002) {
            ObjectNode dst = dstEndpoint(e.destination());
            if (dst != null) {
                o.set("dst_endpoint", dst);
            }
        }
        o.set("unmapped", unmapped(e));
        return o;
    }

    static Activity activity(EventMetadata e) {
        ToolCategory category = e.tool() == null ? null : e.tool().category();
        return switch (e.kind()) {
            case file_read -> fileSystem(2, "Read");
            case file_write -> fileSystem(3, "Update");
            case network_request -> e.destination() != null && isHttp(e.destination().getUrl())
                    ? httpActivity(e) : new Activity(4, "Network Activity", 4001, "Network Activity", 1, "Open");
            case model_request, prompt -> api(1, "Create");
            case model_response -> api(2, "Read");
            case session -> lifecycle(e);
            case tool_call, tool_result -> toolActivity(e.kind() == EventKind.tool_call, category);
            default -> api(99, "Other");
        };
    }

    private static Activity toolActivity(boolean call, ToolCategory category) {
        if (category == ToolCategory.shell) {
            return call ? process(1, "Launch") : process(2, "Terminate");
        }
        if (category == ToolCategory.file_read) {
            return fileSystem(2, "Read");
        }
        if (category == ToolCategory.file_write) {
            return fileSystem(3, "Update");
        }
        return api(99, "Other");
    }

    private static Activity fileSystem(int id, String name) {
        return new Activity(1, "System Activity", 1001, "File System Activity", id, name);
    }

    private static Activity process(int id, String name) {
        return new Activity(1, "System Activity", 1007, "Process Activity", id, name);
    }

    private static Activity api(int id, String name) {
        return new Activity(6, "Application Activity", 6003, "API Activity", id, name);
    }

    private static Activity lifecycle(EventMetadata e) {
        String hook = e.attributes().getOrDefault("hook_event_name", "").toLowerCase(Locale.ROOT);
        if (hook.contains("start")) {
            return new Activity(6, "Application Activity", 6002, "Application Lifecycle", 3, "Start");
        }
        if (hook.contains("end") || hook.contains("stop")) {
            return new Activity(6, "Application Activity", 6002, "Application Lifecycle", 4, "Stop");
        }
        return new Activity(6, "Application Activity", 6002, "Application Lifecycle", 0, "Unknown");
    }

    private static Activity httpActivity(EventMetadata e) {
        String method = e.attributes().getOrDefault("http.method", "").toUpperCase(Locale.ROOT);
        List<String> methods = List.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT", "TRACE", "PATCH");
        int i = methods.indexOf(method);
        return i < 0 ? new Activity(4, "Network Activity", 4002, "HTTP Activity", 0, "Unknown")
                : new Activity(4, "Network Activity", 4002, "HTTP Activity", i + 1,
                        method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT));
    }

    private static boolean isHttp(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://"));
    }

    private String message(EventMetadata e) {
        StringBuilder sb = new StringBuilder(e.agent().getName()).append(' ').append(e.kind().name());
        if (e.tool() != null) {
            sb.append(' ').append(e.tool().name());
        }
        Destination d = e.destination();
        if (d != null && d.getHost() != null) {
            sb.append(" to ").append(d.getHost());
        }
        return sb.toString();
    }

    private ObjectNode metadata(EventMetadata e, String sessionKey) {
        ObjectNode md = F.objectNode();
        md.put("version", OcsfFormat.OCSF_VERSION);
        ObjectNode p = md.putObject("product");
        p.put("name", product.name());
        p.put("vendor_name", product.vendor());
        p.put("version", product.version());
        md.put("uid", e.eventId());
        md.put("correlation_uid", sessionKey);
        md.put("logged_time", e.ingestTime().toEpochMilli());
        md.put("log_name", "agent-audit-trail");
        return md;
    }

    private static ObjectNode actor(EventMetadata e) {
        ObjectNode actor = F.objectNode();
        ObjectNode user = actor.putObject("user");
        putIfPresent(user, "uid", e.user().getId());
        putIfPresent(user, "email_addr", e.user().getEmail());
        actor.put("app_name", e.agent().getName());
        if (e.sessionId() != null) {
            actor.putObject("session").put("uid", e.sessionId());
        }
        return actor;
    }

    private static ObjectNode device(EventMetadata e) {
        ObjectNode d = F.objectNode();
        d.put("uid", e.device().getId());
        putIfPresent(d, "hostname", e.device().getHostname());
        d.put("type_id", 0);
        d.put("type", "Unknown");
        String os = e.device().getOs();
        if (os != null) {
            ObjectNode o = d.putObject("os");
            o.put("name", os);
            o.put("type_id", switch (os.toLowerCase(Locale.ROOT)) {
                case "windows" -> 100;
                case "linux" -> 200;
                case "macos" -> 300;
                default -> 99;
            });
        }
        return d;
    }

    private void file(ObjectNode o, EventMetadata e) {
        ObjectNode f = o.putObject("file");
        String path = e.filePath();
        if (path != null && policy.paths() != TrailPolicy.PathMode.OMIT) {
            f.put("name", baseName(path));
            if (policy.paths() == TrailPolicy.PathMode.FULL) {
                f.put("path", path);
            }
        } else {
            f.put("name", "unknown");
        }
        f.put("type_id", 1);
        f.put("type", "Regular File");
        ContentInfo c = e.content();
        if (c != null) {
            f.put("size", c.bytes());
            if (c.sha256() != null) {
                f.putArray("hashes").add(sha256(c.sha256()));
            }
        }
    }

    private static void process(ObjectNode o, EventMetadata e) {
        // The command line is content (it may carry credentials): only the tool and call id are kept.
        ObjectNode p = o.putObject("process");
        ToolInfo t = e.tool();
        p.put("name", t == null ? "shell" : t.name());
        putIfPresent(p, "uid", e.toolUseId());
    }

    private void network(ObjectNode o, EventMetadata e) {
        ObjectNode dst = dstEndpoint(e.destination());
        o.set("dst_endpoint", dst == null ? F.objectNode().put("hostname", "unknown") : dst);
        ObjectNode ci = o.putObject("connection_info");
        ci.put("direction_id", 2);
        ci.put("direction", "Outbound");
        traffic(o, e);
    }

    private void http(ObjectNode o, EventMetadata e) {
        Destination d = e.destination();
        o.set("dst_endpoint", dstEndpoint(d));
        ObjectNode req = o.putObject("http_request");
        ObjectNode url = req.putObject("url");
        URI u = URI.create(d.getUrl());
        url.put("scheme", u.getScheme());
        putIfPresent(url, "hostname", u.getHost());
        if (u.getPort() > 0) {
            url.put("port", u.getPort());
        }
        if (policy.urls() == TrailPolicy.UrlMode.FULL) {
            putIfPresent(url, "path", u.getRawPath());
            url.put("url_string", d.getUrl());
        }
        String method = e.attributes().get("http.method");
        if (method != null) {
            req.put("http_method", method.toUpperCase(Locale.ROOT));
        }
        traffic(o, e);
    }

    private static void traffic(ObjectNode o, EventMetadata e) {
        if (e.content() != null) {
            o.putObject("traffic").put("bytes_out", e.content().bytes());
        }
    }

    private static void app(ObjectNode o, EventMetadata e) {
        ObjectNode app = o.putObject("app");
        app.put("name", e.agent().getName());
        putIfPresent(app, "version", e.agent().getVersion());
    }

    private void api(ObjectNode o, EventMetadata e, Activity a) {
        ObjectNode api = o.putObject("api");
        ToolInfo t = e.tool();
        String operation = switch (e.kind()) {
            case model_request -> "model_request";
            case model_response -> "model_response";
            case prompt -> "prompt";
            default -> t != null ? t.name() : e.kind().name();
        };
        api.put("operation", operation);
        ObjectNode service = api.putObject("service");
        if (t != null && t.mcpServer() != null) {
            service.put("name", "mcp:" + t.mcpServer());
        } else if (e.destination() != null && e.destination().getHost() != null) {
            service.put("name", e.destination().getHost());
        } else {
            service.put("name", e.agent().getName());
        }
        putIfPresent(service, "version", e.agent().getModel());
        String requestId = e.toolUseId() != null ? e.toolUseId() : e.turnId();
        if (requestId != null) {
            api.putObject("request").put("uid", requestId);
        }
        if (e.kind() == EventKind.tool_result || a.activityId() == 2) {
            ObjectNode response = api.putObject("response");
            if (e.content() != null) {
                response.put("length", e.content().bytes());
            }
        }
    }

    private ObjectNode dstEndpoint(Destination d) {
        if (d == null || d.getHost() == null && d.getPort() == null) {
            return null;
        }
        ObjectNode dst = F.objectNode();
        putIfPresent(dst, "hostname", d.getHost());
        if (d.getPort() != null) {
            dst.put("port", d.getPort());
        }
        return dst;
    }

    private ObjectNode unmapped(EventMetadata e) {
        ObjectNode u = F.objectNode();
        u.put("agentdlp.kind", e.kind().name());
        u.put("agentdlp.source", e.source().name());
        putIfPresent(u, "agentdlp.agent_version", e.agent().getVersion());
        putIfPresent(u, "agentdlp.model", e.agent().getModel());
        putIfPresent(u, "agentdlp.turn_id", e.turnId());
        putIfPresent(u, "agentdlp.tool_use_id", e.toolUseId());
        ToolInfo t = e.tool();
        if (t != null) {
            u.put("agentdlp.tool", t.name());
            u.put("agentdlp.tool_category", t.category().name());
            putIfPresent(u, "agentdlp.mcp_server", t.mcpServer());
        }
        ContentInfo c = e.content();
        if (c != null) {
            u.put("agentdlp.content_bytes", c.bytes());
            putIfPresent(u, "agentdlp.content_sha256", c.sha256());
            putIfPresent(u, "agentdlp.content_field", c.field());
            u.put("agentdlp.content_truncated", c.truncated());
        }
        u.put("agentdlp.privacy_mode", e.privacyMode());
        u.put("agentdlp.can_block", e.canBlock());
        if (e.repo() != null) {
            putIfPresent(u, "agentdlp.repo", e.repo().getRemote());
            putIfPresent(u, "agentdlp.branch", e.repo().getBranch());
        }
        ArrayNode findings = u.putArray("agentdlp.findings");
        for (Finding f : e.findings()) {
            ObjectNode x = findings.addObject();
            x.put("detector", f.getDetector());
            x.put("rule_id", f.getRuleId());
            x.put("severity", f.getSeverity().name());
            x.put("keyed_hash", f.getKeyedHash());
            if (policy.findingPreviews()) {
                x.put("redacted_preview", f.getRedactedPreview());
            }
            putIfPresent(x, "field", f.getField());
        }
        return u;
    }

    private static ObjectNode sha256(String hex) {
        ObjectNode h = F.objectNode();
        h.put("algorithm_id", 3);
        h.put("algorithm", "SHA-256");
        h.put("value", hex);
        return h;
    }

    private static Severity worstFinding(List<Finding> findings) {
        Severity worst = null;
        for (Finding f : findings) {
            if (worst == null || f.getSeverity().ordinal() > worst.ordinal()) {
                worst = f.getSeverity();
            }
        }
        return worst;
    }

    private static int severityId(Severity s) {
        return switch (s) {
            case INFO -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    private static String severityName(Severity s) {
        return switch (s) {
            case INFO -> "Informational";
            case LOW -> "Low";
            case MEDIUM -> "Medium";
            case HIGH -> "High";
            case CRITICAL -> "Critical";
        };
    }

    private static String baseName(String path) {
        int i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return i < 0 ? path : path.substring(i + 1);
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
