package io.agentdlp.detection.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agentdlp.detection.Severity;

/**
 * Reads a policy file (YAML or JSON; format in docs/policy.md). Unknown keys are errors, because a
 * misspelled condition would silently widen a rule.
 */
public final class PolicyFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DOC_KEYS = Set.of("id", "version", "default", "rules", "allowed_destinations",
            "sensitive_paths", "thresholds");
    private static final Set<String> RULE_KEYS = Set.of("id", "description", "effect", "reason", "severity", "users",
            "groups", "devices", "agents", "tools", "mcp_servers", "destinations", "models", "repos", "paths",
            "min_content_bytes", "requires_sensitive_content");

    private PolicyFile() {
    }

    public static PolicyDocument load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new PolicyFileException("cannot read policy file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses policy text; {@code origin} names it in error messages. */
    public static PolicyDocument parse(String text, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PolicyFileException(origin + ": not valid YAML/JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PolicyFileException(origin + ": expected a mapping at the top level");
        }
        checkKeys(root, DOC_KEYS, origin);
        String id = text(root, "id", origin, "default");
        long version = root.path("version").asLong(0);
        Effect def = effect(root.path("default").asText("allow"), origin + ": default");
        List<PolicyRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode r : root.path("rules")) {
            String where = origin + ": rules[" + i++ + "]";
            if (!r.isObject()) {
                throw new PolicyFileException(where + ": expected a mapping");
            }
            String rid = r.path("id").asText(null);
            if (rid == null || rid.isBlank()) {
                throw new PolicyFileException(where + ": missing id");
            }
            where = origin + ": rule '" + rid + "'";
            if (!ids.add(rid)) {
                throw new PolicyFileException(where + ": duplicate id");
            }
            checkKeys(r, RULE_KEYS, where);
            if (!r.has("effect")) {
                throw new PolicyFileException(where + ": missing effect (allow, warn, ask or deny)");
            }
            Severity severity;
            try {
                severity = r.has("severity") ? Severity.parse(r.get("severity").asText()) : Severity.MEDIUM;
            } catch (IllegalArgumentException e) {
                throw new PolicyFileException(where + ": " + e.getMessage());
            }
            rules.add(new PolicyRule(rid, r.path("description").asText(null), effect(r.get("effect").asText(), where + ": effect"),
                    r.path("reason").asText(null), severity,
                    list(r, "users", where), list(r, "groups", where), list(r, "devices", where), list(r, "agents", where),
                    list(r, "tools", where), list(r, "mcp_servers", where), list(r, "destinations", where),
                    list(r, "models", where),
                    list(r, "repos", where), list(r, "paths", where),
                    r.has("min_content_bytes") ? r.get("min_content_bytes").asLong() : null,
                    r.path("requires_sensitive_content").asBoolean(false)));
        }
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("thresholds").properties()) {
            if (!e.getValue().isNumber()) {
                throw new PolicyFileException(origin + ": thresholds." + e.getKey() + " must be a number");
            }
            thresholds.put(e.getKey(), e.getValue().asDouble());
        }
        return new PolicyDocument(id, version, def, rules, list(root, "allowed_destinations", origin),
                list(root, "sensitive_paths", origin), thresholds);
    }

    /**
     * The document in this file format as compact JSON: {@link #parse} reads it back to an equal
     * document. Sensors cache and the gateway serves policies in this form.
     */
    public static String render(PolicyDocument d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", d.id());
        root.put("version", d.version());
        root.put("default", d.defaultEffect().name().toLowerCase(Locale.ROOT));
        strings(root, "allowed_destinations", d.allowedDestinations());
        strings(root, "sensitive_paths", d.sensitivePaths());
        ObjectNode thresholds = root.putObject("thresholds");
        d.thresholds().forEach(thresholds::put);
        ArrayNode rules = root.putArray("rules");
        for (PolicyRule r : d.rules()) {
            ObjectNode n = rules.addObject();
            n.put("id", r.id());
            if (r.description() != null) {
                n.put("description", r.description());
            }
            n.put("effect", r.effect().name().toLowerCase(Locale.ROOT));
            if (r.reason() != null) {
                n.put("reason", r.reason());
            }
            n.put("severity", r.severity().name().toLowerCase(Locale.ROOT));
            strings(n, "users", r.users());
            strings(n, "groups", r.groups());
            strings(n, "devices", r.devices());
            strings(n, "agents", r.agents());
            strings(n, "tools", r.tools());
            strings(n, "mcp_servers", r.mcpServers());
            strings(n, "destinations", r.destinations());
            strings(n, "models", r.models());
            strings(n, "repos", r.repos());
            strings(n, "paths", r.paths());
            if (r.minContentBytes() != null) {
                n.put("min_content_bytes", r.minContentBytes());
            }
            if (r.requiresSensitiveContent()) {
                n.put("requires_sensitive_content", true);
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new PolicyFileException("cannot render policy '" + d.id() + "': " + e.getOriginalMessage(), e);
        }
    }

    private static void strings(ObjectNode n, String key, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = n.putArray(key);
            values.forEach(a::add);
        }
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw new PolicyFileException(where + ": unknown key '" + k + "' (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        });
    }

    private static String text(JsonNode n, String key, String where, String def) {
        JsonNode v = n.get(key);
        if (v == null) {
            return def;
        }
        if (!v.isValueNode()) {
            throw new PolicyFileException(where + ": " + key + " must be a string");
        }
        return v.asText();
    }

    private static List<String> list(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isValueNode()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw new PolicyFileException(where + ": " + key + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isValueNode()) {
                throw new PolicyFileException(where + ": " + key + " must be a list of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    private static Effect effect(String s, String where) {
        try {
            return Effect.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PolicyFileException(where + ": unknown effect '" + s + "' (allow, warn, ask or deny)");
        }
    }
}
