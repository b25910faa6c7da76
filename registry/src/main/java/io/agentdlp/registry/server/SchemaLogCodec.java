package io.agentdlp.registry.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the schemas topic in Confluent Schema Registry's storage layout: JSON keys such as
 * {@code {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}} with their field order (compaction
 * compares key bytes, so the order matters), and JSON values. Unknown key types (MODE, CONTEXT, ...)
 * decode to empty and are ignored.
 */
final class SchemaLogCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaLogCodec() {
    }

    static byte[] schemaKey(String subject, int version) {
        ObjectNode key = JSON.createObjectNode();
        key.put("keytype", "SCHEMA");
        key.put("subject", subject);
        key.put("version", version);
        key.put("magic", 1);
        return bytes(key);
    }

    static byte[] schemaValue(SchemaRecord r) {
        ObjectNode v = JSON.createObjectNode();
        v.put("subject", r.subject());
        v.put("version", r.version());
        v.put("id", r.id());
        if (!r.content().avro()) {
            v.put("schemaType", r.content().schemaType());
        }
        if (!r.content().references().isEmpty()) {
            ArrayNode refs = v.putArray("references");
            for (SchemaReference ref : r.content().references()) {
                refs.addObject().put("name", ref.name()).put("subject", ref.subject()).put("version", ref.version());
            }
        }
        v.put("schema", r.content().schema());
        v.put("deleted", r.deleted());
        return bytes(v);
    }

    /** Key of a subject's compatibility level; {@code null} subject for the global level. */
    static byte[] configKey(String subject) {
        ObjectNode key = JSON.createObjectNode();
        key.put("keytype", "CONFIG");
        if (subject != null) {
            key.put("subject", subject);
        }
        key.put("magic", 0);
        return bytes(key);
    }

    static byte[] configValue(CompatibilityLevel level) {
        return bytes(JSON.createObjectNode().put("compatibilityLevel", level.name()));
    }

    static byte[] deleteSubjectKey(String subject) {
        ObjectNode key = JSON.createObjectNode();
        key.put("keytype", "DELETE_SUBJECT");
        key.put("subject", subject);
        key.put("magic", 0);
        return bytes(key);
    }

    static byte[] deleteSubjectValue(String subject, int version) {
        return bytes(JSON.createObjectNode().put("subject", subject).put("version", version));
    }

    static byte[] noopKey() {
        ObjectNode key = JSON.createObjectNode();
        key.put("keytype", "NOOP");
        key.put("magic", 0);
        return bytes(key);
    }

    static byte[] idWatermarkValue(int maxSchemaId) {
        return bytes(JSON.createObjectNode().put("maxSchemaId", maxSchemaId));
    }

    /**
     * Decodes one record; empty for key types this registry does not use.
     *
     * @throws MalformedLogRecordException when the key or value is not valid JSON of the expected shape
     */
    static Optional<LogEntry> decode(byte[] keyBytes, byte[] valueBytes) {
        JsonNode key = parse(keyBytes, "key");
        String type = key.path("keytype").asText("");
        JsonNode value = valueBytes == null ? null : parse(valueBytes, "value");
        return switch (type) {
            case "SCHEMA" -> Optional.of(decodeSchema(key, value));
            case "CONFIG" -> Optional.of(new LogEntry.Config(optionalText(key, "subject"),
                    value == null ? null : CompatibilityLevel.parse(optionalText(value, "compatibilityLevel")).orElse(null)));
            case "DELETE_SUBJECT" -> Optional.of(new LogEntry.DeleteSubject(requiredText(key, "subject"),
                    value == null ? null : requiredInt(value, "version")));
            case "NOOP" -> Optional.of(new LogEntry.Noop(
                    value == null || !value.path("maxSchemaId").canConvertToInt() ? null : value.get("maxSchemaId").asInt()));
            default -> Optional.empty();
        };
    }

    private static LogEntry.Schema decodeSchema(JsonNode key, JsonNode value) {
        String subject = requiredText(key, "subject");
        int version = requiredInt(key, "version");
        if (value == null) {
            return new LogEntry.Schema(subject, version, null);
        }
        List<SchemaReference> refs = new ArrayList<>();
        for (JsonNode ref : value.path("references")) {
            refs.add(new SchemaReference(requiredText(ref, "name"), requiredText(ref, "subject"), requiredInt(ref, "version")));
        }
        SchemaContent content = new SchemaContent(optionalText(value, "schemaType"), requiredText(value, "schema"), refs);
        SchemaRecord record = new SchemaRecord(subject, version, requiredInt(value, "id"), content,
                value.path("deleted").asBoolean(false));
        return new LogEntry.Schema(subject, version, record);
    }

    private static JsonNode parse(byte[] bytes, String part) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new MalformedLogRecordException("record " + part + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new MalformedLogRecordException("record " + part + " is not JSON: " + e.getClass().getSimpleName(), e);
        }
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new MalformedLogRecordException("missing text field '" + field + "'");
        }
        return v.asText();
    }

    private static int requiredInt(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new MalformedLogRecordException("missing integer field '" + field + "'");
        }
        return v.asInt();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** A record of the schemas topic that is not in the expected layout. */
    static final class MalformedLogRecordException extends RuntimeException {
        MalformedLogRecordException(String message) {
            super(message);
        }

        MalformedLogRecordException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
