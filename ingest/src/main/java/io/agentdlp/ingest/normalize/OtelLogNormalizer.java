package io.agentdlp.ingest.normalize;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.ingest.otlp.AnyValues;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;

/**
 * Normalizes OTLP log records of Claude Code, Codex CLI, Gemini CLI and Copilot into events: one
 * event per record, source and agent from the resource's {@code service.name}, kind from the event
 * name ({@code eventName}, attribute {@code event.name}, or the string body). Records without an
 * event name are rejected (OTLP partial success); the rest of the export still counts. Thread-safe.
 */
public final class OtelLogNormalizer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERRORS = 5;
    private static final Set<String> REDACTED = Set.of("<REDACTED>", "[REDACTED]", "REDACTED", "<redacted>");
    /** Metadata attributes copied to {@code attributes} (never content, never credentials). */
    private static final List<String> METADATA = List.of("event.name", "event.sequence", "terminal.type",
            "organization.id", "user.account_uuid", "decision", "source", "decision_source", "success",
            "duration_ms", "error_type", "status_code", "attempt", "request_id", "query_source", "cost_usd",
            "input_tokens", "output_tokens", "tool_result_size_bytes", "tool_input_size_bytes", "message.uuid",
            "command_name", "operation", "tool_type", "mcp_server_name", "lines", "mimetype", "environment",
            "os.type", "os.version", "host.arch");

    private final DeviceContext device;
    private final RepoLookup repos;
    private final ContentFactory contents;
    private final ToolDetails tools;
    private final Clock clock;

    public OtelLogNormalizer(DeviceContext device, ContentFactory contents, Clock clock) {
        this.device = device;
        this.repos = RepoLookup.none(); // OTel records carry no working directory
        this.contents = contents;
        this.tools = new ToolDetails(contents);
        this.clock = clock;
    }

    /** Normalizes every log record of an export; never throws for a bad record, counts it instead. */
    public OtelNormalization normalize(ExportLogsServiceRequest request) {
        return normalize(request, device);
    }

    /** Same, for a device other than this normalizer's own (the gateway: the device bound to the token). */
    public OtelNormalization normalize(ExportLogsServiceRequest request, DeviceContext from) {
        List<AgentEgressEvent> events = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int rejected = 0;
        Instant now = clock.instant();
        for (int r = 0; r < request.getResourceLogsCount(); r++) {
            ResourceLogs rl = request.getResourceLogs(r);
            Map<String, AnyValue> resource = attributes(rl.getResource().getAttributesList());
            for (int s = 0; s < rl.getScopeLogsCount(); s++) {
                ScopeLogs sl = rl.getScopeLogs(s);
                for (int i = 0; i < sl.getLogRecordsCount(); i++) {
                    LogRecord rec = sl.getLogRecords(i);
                    String where = "resourceLogs[" + r + "].scopeLogs[" + s + "].logRecords[" + i + "]";
                    try {
                        events.add(normalize(resource, sl.getScope().getName(), rec, from, now));
                    } catch (NormalizationException e) {
                        rejected++;
                        if (errors.size() < MAX_ERRORS) {
                            errors.add(where + "." + e.getMessage());
                        }
                    }
                }
            }
        }
        return new OtelNormalization(events, rejected, errors);
    }

    private AgentEgressEvent normalize(Map<String, AnyValue> resource, String scope, LogRecord rec,
                                       DeviceContext from, Instant now) {
        Map<String, AnyValue> attrs = attributes(rec.getAttributesList());
        String fullName = eventName(rec, attrs);
        if (fullName == null) {
            throw new NormalizationException("eventName", "missing (no eventName, event.name attribute or string body)");
        }
        String service = AnyValues.text(resource.get("service.name"));
        Origin origin = Origin.of(service, fullName);
        String name = origin.shortName(fullName);
        Attrs a = new Attrs(attrs, resource);

        EventDraft d = new EventDraft(origin.source, origin.agentName)
                .eventTime(time(rec, a))
                .agentVersion(first(a.text("service.version"), a.text("app.version")))
                .model(a.text("model"))
                .sessionId(first(a.text("session.id"), a.text("conversation.id")))
                .turnId(first(a.text("prompt.id"), a.text("prompt_id")))
                .user(first(a.text("user.id"), a.text("user.account_id"), a.text("installation.id")), a.text("user.email"))
                .attribute("otel.scope", scope.isEmpty() ? null : scope)
                .attribute("otel.event", fullName)
                .nativeIds(service, a.text("session.id"), a.text("conversation.id"), fullName,
                        a.text("event.sequence"), Long.toString(rec.getTimeUnixNano()));
        for (String key : METADATA) {
            d.attribute(key, a.text(key));
        }
        describe(d, name, a);
        byte[] digest = EventIds.digest(rec.toByteArray());
        return d.build(from, repos, digest, 0, now);
    }

    private void describe(EventDraft d, String name, Attrs a) {
        switch (name) {
            case "user_prompt" -> d.kind(EventKind.prompt).content(text(a, "prompt", "prompt_length", "prompt"));
            case "assistant_response" -> d.kind(EventKind.model_response)
                    .content(text(a, "response", "response_length", "response"));
            case "tool_result" -> {
                String tool = a.text("tool_name");
                JsonNode input = json(first(a.text("tool_input"), a.text("arguments"), a.text("tool_parameters")));
                tools.result(d, tool, input, null, null);
                d.toolUseId(first(a.text("tool_use_id"), a.text("call_id")));
                String output = a.text("output");
                if (output != null) {
                    d.content(contents.of(output, "output"));
                } else {
                    d.content(text(a, "tool_input", "tool_input_size_bytes", "tool_input"));
                }
            }
            case "tool_decision" -> {
                String tool = a.text("tool_name");
                tools.call(d, tool, json(first(a.text("tool_parameters"), a.text("arguments"))), null);
                d.toolUseId(first(a.text("tool_use_id"), a.text("call_id")));
                d.kind(ToolClassifier.callKind(tool));
            }
            case "tool_call" -> {
                String tool = first(a.text("function_name"), a.text("tool_name"));
                JsonNode args = json(a.text("function_args"));
                tools.call(d, tool, args, a.text("mcp_server_name"));
                d.content(args == null ? null : contents.of(a.text("function_args"), "function_args"));
            }
            case "file_operation" -> {
                String op = a.text("operation");
                d.kind(op != null && op.toLowerCase(Locale.ROOT).contains("read") ? EventKind.file_read : EventKind.file_write);
                d.filePath(a.text("file_path"));
                Long len = a.number("content_length");
                d.content(len == null ? null : contents.redactedBySource(len, "content"));
            }
            case "api_request" -> d.kind(EventKind.model_request).content(contents.of(a.text("request_text"), "request_text"));
            case "api_request_body" -> d.kind(EventKind.model_request).content(body(a));
            case "api_response" -> d.kind(EventKind.model_response).content(contents.of(a.text("response_text"), "response_text"));
            case "api_response_body" -> d.kind(EventKind.model_response).content(body(a));
            case "sse_event" -> d.kind(EventKind.model_response);
            case "gen_ai.client.inference.operation.details" -> d.kind(EventKind.model_request)
                    .content(contents.of(a.text("gen_ai.input.messages"), "gen_ai.input.messages"));
            case "conversation_starts", "session_start", "session_end", "config" -> d.kind(EventKind.session);
            default -> d.kind(EventKind.other);
        }
    }

    /** Opt-in text, or only the reported size when the agent redacted or omitted it. */
    private Content text(Attrs a, String textKey, String sizeKey, String field) {
        String text = a.text(textKey);
        Long size = a.number(sizeKey);
        if (text == null || REDACTED.contains(text.trim())) {
            return text == null && size == null ? null : contents.redactedBySource(size == null ? 0 : size, field);
        }
        return contents.of(text, field);
    }

    private Content body(Attrs a) {
        String body = a.text("body");
        Long length = a.number("body_length");
        boolean truncated = "true".equalsIgnoreCase(a.text("body_truncated"));
        if (body == null) {
            return length == null ? null : contents.redactedBySource(length, "body");
        }
        return truncated ? contents.partial(body, length == null ? 0 : length, "body") : contents.of(body, "body");
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(text);
            return n == null ? null : n;
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text); // not JSON: kept as one string
        }
    }

    private static String eventName(LogRecord rec, Map<String, AnyValue> attrs) {
        if (!rec.getEventName().isEmpty()) {
            return rec.getEventName();
        }
        String attr = AnyValues.text(attrs.get("event.name"));
        if (attr != null) {
            return attr;
        }
        if (rec.getBody().getValueCase() == AnyValue.ValueCase.STRING_VALUE && !rec.getBody().getStringValue().isBlank()) {
            return rec.getBody().getStringValue();
        }
        return null;
    }

    private static Instant time(LogRecord rec, Attrs a) {
        long nanos = rec.getTimeUnixNano() != 0 ? rec.getTimeUnixNano() : rec.getObservedTimeUnixNano();
        if (nanos != 0) {
            return Instant.ofEpochSecond(Long.divideUnsigned(nanos, 1_000_000_000L), Long.remainderUnsigned(nanos, 1_000_000_000L));
        }
        String iso = a.text("event.timestamp");
        if (iso != null) {
            try {
                return Instant.parse(iso);
            } catch (DateTimeParseException e) {
                return null; // unreadable source time: the sensor clock applies
            }
        }
        return null;
    }

    private static Map<String, AnyValue> attributes(List<KeyValue> kvs) {
        Map<String, AnyValue> m = new HashMap<>(kvs.size() * 2);
        for (KeyValue kv : kvs) {
            m.put(kv.getKey(), kv.getValue());
        }
        return m;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Record attributes first, then resource attributes. */
    private record Attrs(Map<String, AnyValue> record, Map<String, AnyValue> resource) {
        String text(String key) {
            AnyValue v = record.get(key);
            return AnyValues.text(v != null ? v : resource.get(key));
        }

        Long number(String key) {
            AnyValue v = record.get(key);
            return AnyValues.number(v != null ? v : resource.get(key));
        }
    }

    /** Which agent a resource belongs to, from {@code service.name} or the event-name prefix. */
    private record Origin(EventSource source, String agentName, String prefix) {
        static Origin of(String service, String eventName) {
            String s = service == null ? "" : service.toLowerCase(Locale.ROOT);
            if (s.startsWith("claude-code") || eventName.startsWith("claude_code.")) {
                return new Origin(EventSource.claude_otel, "claude-code", "claude_code.");
            }
            if (s.startsWith("codex") || eventName.startsWith("codex.")) {
                return new Origin(EventSource.codex_otel, "codex", "codex.");
            }
            if (s.startsWith("gemini") || eventName.startsWith("gemini_cli.")) {
                return new Origin(EventSource.gemini_otel, "gemini-cli", "gemini_cli.");
            }
            if (s.contains("copilot")) {
                return new Origin(EventSource.copilot_otel, "copilot", "copilot.");
            }
            return new Origin(EventSource.other, s.isEmpty() ? "unknown" : service, "");
        }

        String shortName(String eventName) {
            return !prefix.isEmpty() && eventName.startsWith(prefix) ? eventName.substring(prefix.length()) : eventName;
        }
    }
}
