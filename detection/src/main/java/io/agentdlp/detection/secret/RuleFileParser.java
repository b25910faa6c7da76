package io.agentdlp.detection.secret;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agentdlp.detection.Severity;

/** Reads rule files (YAML, or JSON when the name ends in {@code .json}); see {@code docs/secrets.md}. */
final class RuleFileParser {
    static final int FORMAT_VERSION = 1;
    static final int DEFAULT_WINDOW_BEFORE = 64;
    static final int DEFAULT_WINDOW_AFTER = 256;
    private static final Set<String> RULE_FIELDS = Set.of("id", "family", "description", "severity", "confidence",
            "keywords", "pattern", "secretGroup", "minEntropy", "validator", "allow", "reject", "window", "anchored", "generic",
            "requires", "examples", "enabled");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper(new JsonFactory());

    private RuleFileParser() {
    }

    static RuleFile parse(String name, InputStream in) {
        ObjectMapper mapper = name.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        List<SecretRule> rules = new ArrayList<>();
        Set<String> disabled = new LinkedHashSet<>();
        List<String> placeholders = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (JsonParser p = mapper.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new RuleFileException(name, null, line(p), "expected a mapping with 'version' and 'rules'");
            }
            boolean sawVersion = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "version" -> {
                        sawVersion = true;
                        if (p.getValueAsInt(-1) != FORMAT_VERSION) {
                            throw new RuleFileException(name, null, line(p), "unsupported version (expected " + FORMAT_VERSION + ")");
                        }
                    }
                    case "placeholders" -> {
                        int at = line(p);
                        for (String s : strings(mapper.readTree(p), name, null, at, "placeholders")) {
                            compile(s, name, null, at, "placeholder");
                            placeholders.add(s);
                        }
                    }
                    case "rules" -> {
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw new RuleFileException(name, null, line(p), "'rules' must be a list");
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            int at = line(p);
                            JsonNode node = mapper.readTree(p);
                            String id = text(node, "id");
                            if (id == null || id.isBlank()) {
                                throw new RuleFileException(name, null, at, "missing field 'id'");
                            }
                            if (!ids.add(id)) {
                                throw new RuleFileException(name, id, at, "duplicate rule id");
                            }
                            if (node.has("enabled") && !node.get("enabled").asBoolean(true)) {
                                disabled.add(id);
                            } else {
                                rules.add(rule(node, id, name, at));
                            }
                        }
                        if (p.currentToken() != JsonToken.END_ARRAY) {
                            throw new RuleFileException(name, null, line(p), "each entry of 'rules' must be a mapping");
                        }
                    }
                    default -> throw new RuleFileException(name, null, line(p), "unknown field '" + field + "'");
                }
            }
            if (!sawVersion) {
                throw new RuleFileException(name, null, 1, "missing field 'version'");
            }
        } catch (JsonProcessingException e) {
            int at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RuleFileException(name, null, at, "malformed file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RuleFileException(name, null, 0, "cannot read: " + e.getMessage(), e);
        }
        return new RuleFile(name, rules, disabled, placeholders);
    }

    private static SecretRule rule(JsonNode n, String id, String file, int at) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!RULE_FIELDS.contains(f)) {
                throw new RuleFileException(file, id, at, "unknown field '" + f + "'");
            }
        }
        String patternText = required(n, "pattern", id, file, at);
        Pattern pattern = compile(patternText, file, id, at, "pattern");
        Severity severity;
        try {
            severity = Severity.parse(required(n, "severity", id, file, at));
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(file, id, at, e.getMessage(), e);
        }
        if (!n.has("keywords")) {
            throw new RuleFileException(file, id, at, "missing field 'keywords' (use [] to scan whole texts)");
        }
        List<String> keywords = new ArrayList<>();
        for (String k : strings(n.get("keywords"), file, id, at, "keywords")) {
            if (k.isEmpty() || !k.chars().allMatch(c -> c >= 32 && c < 127)) {
                throw new RuleFileException(file, id, at, "keywords must be non-empty printable ASCII");
            }
            keywords.add(k.toLowerCase(Locale.ROOT));
        }
        int groups = pattern.matcher("").groupCount();
        int secretGroup = n.has("secretGroup") ? n.get("secretGroup").asInt(-1) : Math.min(1, groups);
        if (secretGroup < 0 || secretGroup > groups) {
            throw new RuleFileException(file, id, at, "secretGroup " + secretGroup + " but the pattern has " + groups + " groups");
        }
        SecretValidator validator = null;
        if (n.hasNonNull("validator")) {
            validator = SecretValidator.byId(n.get("validator").asText());
            if (validator == null) {
                throw new RuleFileException(file, id, at, "unknown validator '" + n.get("validator").asText() + "'");
            }
        }
        List<Pattern> allow = new ArrayList<>();
        if (n.has("allow")) {
            for (String a : strings(n.get("allow"), file, id, at, "allow")) {
                allow.add(compile(a, file, id, at, "allow pattern"));
            }
        }
        Pattern reject = n.hasNonNull("reject") ? compile(n.get("reject").asText(), file, id, at, "reject") : null;
        int before = DEFAULT_WINDOW_BEFORE;
        int after = DEFAULT_WINDOW_AFTER;
        if (n.has("window")) {
            JsonNode w = n.get("window");
            if (!w.isArray() || w.size() != 2 || !w.get(0).canConvertToInt() || !w.get(1).canConvertToInt()
                    || w.get(0).asInt() < 0 || w.get(1).asInt() < 1) {
                throw new RuleFileException(file, id, at, "'window' must be [charsBefore, charsAfter]");
            }
            before = w.get(0).asInt();
            after = w.get(1).asInt();
        }
        String requires = null;
        int within = 0;
        if (n.has("requires")) {
            JsonNode r = n.get("requires");
            requires = text(r, "rule");
            within = r.path("within").asInt(0);
            if (requires == null || within <= 0) {
                throw new RuleFileException(file, id, at, "'requires' needs 'rule' and a positive 'within'");
            }
        }
        boolean anchored = n.path("anchored").asBoolean(false);
        if (anchored && (keywords.isEmpty() || requires != null)) {
            throw new RuleFileException(file, id, at, "'anchored' needs keywords and cannot be combined with 'requires'");
        }
        double confidence = n.path("confidence").asDouble(0.8);
        if (confidence <= 0 || confidence > 1) {
            throw new RuleFileException(file, id, at, "'confidence' must be in (0, 1]");
        }
        RuleExamples examples = RuleExamples.NONE;
        if (n.has("examples")) {
            JsonNode e = n.get("examples");
            examples = new RuleExamples(
                    e.has("tp") ? strings(e.get("tp"), file, id, at, "examples.tp") : List.of(),
                    e.has("fp") ? strings(e.get("fp"), file, id, at, "examples.fp") : List.of());
        }
        return new SecretRule(id, n.path("family").asText("other"), n.path("description").asText(""), severity,
                confidence, keywords, pattern, secretGroup, n.path("minEntropy").asDouble(0), validator, allow, reject,
                before, after, anchored, n.path("generic").asBoolean(false), requires, within, examples, file + ":" + at);
    }

    private static Pattern compile(String regex, String file, String id, int at, String what) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleFileException(file, id, at, "invalid " + what + " regex: " + e.getDescription()
                    + " near index " + e.getIndex(), e);
        }
    }

    private static String required(JsonNode n, String field, String id, String file, int at) {
        String v = text(n, field);
        if (v == null || v.isEmpty()) {
            throw new RuleFileException(file, id, at, "missing field '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    private static List<String> strings(JsonNode n, String file, String id, int at, String what) {
        if (n == null || !n.isArray()) {
            throw new RuleFileException(file, id, at, "'" + what + "' must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isValueNode() || e.isNull()) {
                throw new RuleFileException(file, id, at, "'" + what + "' must be a list of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
