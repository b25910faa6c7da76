package io.agentdlp.ingest.normalize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentdlp.avro.Agent;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.ContentFingerprints;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Repo;
import io.agentdlp.avro.Severity;
import io.agentdlp.avro.Tool;
import io.agentdlp.avro.ToolCategory;
import io.agentdlp.avro.User;

/**
 * The {@code agent-event/v1} JSON form of {@link AgentEgressEvent}: what sensors post to the gateway's
 * {@code /v1/events}. Field names follow the formats document ({@code time} is the event time,
 * {@code tool.input} a JSON value). Reading validates every field and reports the first problem
 * with its path, e.g. {@code events[2].kind: unknown value (expected one of prompt, tool_call, ...)}.
 * Unknown fields are ignored. Thread-safe.
 */
public final class AgentEventJson {
    /** The schema tag of this JSON form. */
    public static final String SCHEMA = "agent-event/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AgentEventJson() {
    }

    /** Encodes a batch as {@code {"events":[...]}}. */
    public static byte[] writeBatch(List<AgentEgressEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(events.size() * 1024 + 16);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("events");
            for (AgentEgressEvent e : events) {
                write(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode events as JSON", e);
        }
        return out.toByteArray();
    }

    /** Encodes one event. */
    public static String write(AgentEgressEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            write(g, e);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot encode event as JSON", ex);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator g, AgentEgressEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("schema", SCHEMA);
        g.writeStringField("event_id", e.getEventId());
        g.writeStringField("time", e.getEventTime().toString());
        g.writeStringField("ingest_time", e.getIngestTime().toString());
        g.writeStringField("source", e.getSource().name());
        g.writeObjectFieldStart("device");
        g.writeStringField("id", e.getDevice().getId());
        optional(g, "hostname", e.getDevice().getHostname());
        optional(g, "os", e.getDevice().getOs());
        g.writeEndObject();
        g.writeObjectFieldStart("user");
        optional(g, "id", e.getUser().getId());
        optional(g, "email", e.getUser().getEmail());
        g.writeEndObject();
        g.writeObjectFieldStart("agent");
        g.writeStringField("name", e.getAgent().getName());
        optional(g, "version", e.getAgent().getVersion());
        optional(g, "model", e.getAgent().getModel());
        g.writeEndObject();
        optional(g, "session_id", e.getSessionId());
        optional(g, "turn_id", e.getTurnId());
        optional(g, "tool_use_id", e.getToolUseId());
        g.writeStringField("kind", e.getKind().name());
        if (e.getTool() != null) {
            Tool t = e.getTool();
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", t.getName());
            g.writeStringField("category", t.getCategory().name());
            if (t.getInputJson() != null) {
                g.writeFieldName("input");
                g.writeRawValue(t.getInputJson());
            }
            optional(g, "mcp_server", t.getMcpServer());
            g.writeEndObject();
        }
        if (e.getDestination() != null) {
            Destination d = e.getDestination();
            g.writeObjectFieldStart("destination");
            optional(g, "host", d.getHost());
            if (d.getPort() != null) {
                g.writeNumberField("port", d.getPort());
            }
            optional(g, "url", d.getUrl());
            g.writeEndObject();
        }
        optional(g, "file_path", e.getFilePath());
        if (e.getContent() != null) {
            Content c = e.getContent();
            g.writeObjectFieldStart("content");
            optional(g, "text", c.getText());
            g.writeNumberField("bytes", c.getBytes());
            optional(g, "sha256", c.getSha256());
            g.writeBooleanField("truncated", c.getTruncated());
            g.writeBooleanField("redacted_by_source", c.getRedactedBySource());
            optional(g, "field", c.getField());
            g.writeEndObject();
        }
        if (!e.getFindings().isEmpty()) {
            g.writeArrayFieldStart("findings");
            for (Finding f : e.getFindings()) {
                g.writeStartObject();
                g.writeStringField("detector", f.getDetector());
                g.writeStringField("rule_id", f.getRuleId());
                g.writeStringField("severity", f.getSeverity().name());
                g.writeNumberField("confidence", f.getConfidence());
                g.writeStringField("redacted_preview", f.getRedactedPreview());
                g.writeStringField("keyed_hash", f.getKeyedHash());
                optional(g, "field", f.getField());
                if (f.getLine() != null) {
                    g.writeNumberField("line", f.getLine());
                }
                if (f.getColumn() != null) {
                    g.writeNumberField("column", f.getColumn());
                }
                if (f.getOffset() != null) {
                    g.writeNumberField("offset", f.getOffset());
                }
                if (f.getLength() != null) {
                    g.writeNumberField("length", f.getLength());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (e.getFingerprints() != null) {
            ContentFingerprints fp = e.getFingerprints();
            g.writeObjectFieldStart("fingerprints");
            g.writeNumberField("k", fp.getK());
            g.writeNumberField("w", fp.getW());
            g.writeArrayFieldStart("hashes");
            for (Long h : fp.getHashes()) {
                g.writeNumber(h);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("lines");
            for (Integer l : fp.getLines()) {
                g.writeNumber(l);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (e.getPrivacyMode()) {
            g.writeBooleanField("privacy_mode", true);
        }
        optional(g, "cwd", e.getCwd());
        if (e.getRepo() != null) {
            g.writeObjectFieldStart("repo");
            optional(g, "remote", e.getRepo().getRemote());
            optional(g, "branch", e.getRepo().getBranch());
            g.writeEndObject();
        }
        g.writeBooleanField("can_block", e.getCanBlock());
        optional(g, "raw_ref", e.getRawRef());
        if (!e.getAttributes().isEmpty()) {
            g.writeObjectFieldStart("attributes");
            for (Map.Entry<String, String> a : e.getAttributes().entrySet()) {
                g.writeStringField(a.getKey(), a.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /**
     * Reads a batch: {@code {"events":[...]}} or a bare array.
     *
     * @throws NormalizationException naming the first invalid field, e.g. {@code events[0].device.id: required}
     */
    public static List<AgentEgressEvent> readBatch(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new NormalizationException("body", "not valid JSON (error at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new NormalizationException("body", "unreadable", e);
        }
        if (root == null) {
            throw new NormalizationException("body", "empty; expected {\"events\":[...]}");
        }
        JsonNode array = root.isArray() ? root : root.get("events");
        String prefix = root.isArray() ? "" : "events";
        if (array == null || !array.isArray()) {
            throw new NormalizationException("events", "required: an array of agent-event/v1 objects");
        }
        List<AgentEgressEvent> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            events.add(read(array.get(i), prefix + "[" + i + "]"));
        }
        return events;
    }

    /** Reads one event object; {@code path} prefixes error messages. */
    public static AgentEgressEvent read(JsonNode n, String path) {
        if (n == null || !n.isObject()) {
            throw new NormalizationException(path, "expected an object");
        }
        String schema = optionalText(n, "schema", path);
        if (schema != null && !schema.equals(SCHEMA)) {
            throw new NormalizationException(path + ".schema", "unsupported (expected " + SCHEMA + ")");
        }
        JsonNode device = object(n, "device", path, true);
        JsonNode user = object(n, "user", path, false);
        JsonNode agent = object(n, "agent", path, true);
        Instant time = instant(n, "time", path, true);
        Instant ingest = instant(n, "ingest_time", path, false);
        return AgentEgressEvent.newBuilder()
                .setEventId(requiredText(n, "event_id", path))
                .setEventTime(time)
                .setIngestTime(ingest != null ? ingest : time)
                .setSource(enumValue(n, "source", path, EventSource.class, null))
                .setDevice(new Device(requiredText(device, "id", path + ".device"),
                        optionalText(device, "hostname", path + ".device"), optionalText(device, "os", path + ".device")))
                .setUser(user == null ? new User(null, null)
                        : new User(optionalText(user, "id", path + ".user"), optionalText(user, "email", path + ".user")))
                .setAgent(new Agent(requiredText(agent, "name", path + ".agent"),
                        optionalText(agent, "version", path + ".agent"), optionalText(agent, "model", path + ".agent")))
                .setSessionId(optionalText(n, "session_id", path))
                .setTurnId(optionalText(n, "turn_id", path))
                .setToolUseId(optionalText(n, "tool_use_id", path))
                .setKind(enumValue(n, "kind", path, EventKind.class, null))
                .setTool(tool(object(n, "tool", path, false), path + ".tool"))
                .setDestination(destination(object(n, "destination", path, false), path + ".destination"))
                .setFilePath(optionalText(n, "file_path", path))
                .setContent(content(object(n, "content", path, false), path + ".content"))
                .setFindings(findings(n.get("findings"), path + ".findings"))
                .setFingerprints(fingerprints(object(n, "fingerprints", path, false), path + ".fingerprints"))
                .setPrivacyMode(bool(n, "privacy_mode", path))
                .setCwd(optionalText(n, "cwd", path))
                .setRepo(repo(object(n, "repo", path, false), path + ".repo"))
                .setCanBlock(bool(n, "can_block", path))
                .setRawRef(optionalText(n, "raw_ref", path))
                .setAttributes(attributes(object(n, "attributes", path, false), path + ".attributes"))
                .build();
    }

    private static Tool tool(JsonNode t, String path) {
        if (t == null) {
            return null;
        }
        JsonNode input = t.get("input");
        return new Tool(requiredText(t, "name", path),
                enumValue(t, "category", path, ToolCategory.class, ToolCategory.other),
                input == null || input.isNull() ? null : input.toString(),
                optionalText(t, "mcp_server", path));
    }

    private static Destination destination(JsonNode d, String path) {
        if (d == null) {
            return null;
        }
        Long port = optionalLong(d, "port", path);
        if (port != null && (port < 0 || port > 65535)) {
            throw new NormalizationException(path + ".port", "out of range 0..65535");
        }
        return new Destination(optionalText(d, "host", path), port == null ? null : port.intValue(), optionalText(d, "url", path));
    }

    private static Content content(JsonNode c, String path) {
        if (c == null) {
            return null;
        }
        Long bytes = optionalLong(c, "bytes", path);
        if (bytes == null) {
            throw new NormalizationException(path + ".bytes", "required");
        }
        if (bytes < 0) {
            throw new NormalizationException(path + ".bytes", "must be >= 0");
        }
        return new Content(optionalText(c, "text", path), bytes, optionalText(c, "sha256", path),
                bool(c, "truncated", path), bool(c, "redacted_by_source", path), optionalText(c, "field", path));
    }

    /** Reads an array of findings in the agent-event/v1 shape (also used by the verdict client). */
    public static List<Finding> readFindings(JsonNode a, String path) {
        return findings(a, path);
    }

    private static List<Finding> findings(JsonNode a, String path) {
        List<Finding> out = new ArrayList<>();
        if (a == null || a.isNull()) {
            return out;
        }
        if (!a.isArray()) {
            throw new NormalizationException(path, "expected an array");
        }
        for (int i = 0; i < a.size(); i++) {
            JsonNode f = a.get(i);
            String p = path + "[" + i + "]";
            if (!f.isObject()) {
                throw new NormalizationException(p, "expected an object");
            }
            Long line = optionalLong(f, "line", p);
            Long column = optionalLong(f, "column", p);
            Long length = optionalLong(f, "length", p);
            JsonNode conf = f.get("confidence");
            if (conf != null && !conf.isNull() && !conf.isNumber()) {
                throw new NormalizationException(p + ".confidence", "expected a number");
            }
            out.add(new Finding(requiredText(f, "detector", p), requiredText(f, "rule_id", p),
                    enumValue(f, "severity", p, Severity.class, null),
                    conf == null || conf.isNull() ? 1.0 : conf.asDouble(),
                    requiredText(f, "redacted_preview", p), requiredText(f, "keyed_hash", p),
                    optionalText(f, "field", p),
                    line == null ? null : line.intValue(), column == null ? null : column.intValue(),
                    optionalLong(f, "offset", p), length == null ? null : length.intValue()));
        }
        return out;
    }

    private static ContentFingerprints fingerprints(JsonNode f, String path) {
        if (f == null) {
            return null;
        }
        Long k = optionalLong(f, "k", path);
        Long w = optionalLong(f, "w", path);
        if (k == null || w == null) {
            throw new NormalizationException(path + (k == null ? ".k" : ".w"), "required");
        }
        List<Long> hashes = longs(f.get("hashes"), path + ".hashes");
        List<Long> lines = longs(f.get("lines"), path + ".lines");
        if (hashes.size() != lines.size()) {
            throw new NormalizationException(path + ".lines", "must have as many entries as hashes");
        }
        return new ContentFingerprints(k.intValue(), w.intValue(), hashes,
                lines.stream().map(Long::intValue).collect(Collectors.toList()));
    }

    private static List<Long> longs(JsonNode a, String path) {
        if (a == null || !a.isArray()) {
            throw new NormalizationException(path, "required: an array of integers");
        }
        List<Long> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).canConvertToLong() || !a.get(i).isIntegralNumber()) {
                throw new NormalizationException(path + "[" + i + "]", "expected an integer");
            }
            out.add(a.get(i).longValue());
        }
        return out;
    }

    private static Repo repo(JsonNode r, String path) {
        return r == null ? null : new Repo(optionalText(r, "remote", path), optionalText(r, "branch", path));
    }

    private static Map<String, String> attributes(JsonNode a, String path) {
        Map<String, String> m = new LinkedHashMap<>();
        if (a == null) {
            return m;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new NormalizationException(path + "." + e.getKey(), "expected a string");
            }
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    private static JsonNode object(JsonNode n, String field, String path, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new NormalizationException(path + "." + field, "required");
            }
            return null;
        }
        if (!v.isObject()) {
            throw new NormalizationException(path + "." + field, "expected an object");
        }
        return v;
    }

    private static String requiredText(JsonNode n, String field, String path) {
        String v = optionalText(n, field, path);
        if (v == null || v.isBlank()) {
            throw new NormalizationException(path + "." + field, "required");
        }
        return v;
    }

    private static String optionalText(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new NormalizationException(path + "." + field, "expected a string");
        }
        return v.textValue();
    }

    private static Long optionalLong(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new NormalizationException(path + "." + field, "expected an integer");
        }
        return v.longValue();
    }

    private static boolean bool(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new NormalizationException(path + "." + field, "expected true or false");
        }
        return v.booleanValue();
    }

    private static Instant instant(JsonNode n, String field, String path, boolean required) {
        String s = optionalText(n, field, path);
        if (s == null) {
            if (required) {
                throw new NormalizationException(path + "." + field, "required (ISO-8601 instant)");
            }
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new NormalizationException(path + "." + field, "not an ISO-8601 instant such as 2026-11-23T10:15:02.114Z");
        }
    }

    private static <E extends Enum<E>> E enumValue(JsonNode n, String field, String path, Class<E> type, E fallback) {
        String s = optionalText(n, field, path);
        if (s == null) {
            if (fallback != null) {
                return fallback;
            }
            throw new NormalizationException(path + "." + field, "required");
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new NormalizationException(path + "." + field, "unknown value (expected one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
    }
}
