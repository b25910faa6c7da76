package io.agentdlp.topology.risky;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agentdlp.detection.Severity;

/**
 * The risky-action rule set: the built-in {@code risky-actions.json} plus optional user files whose
 * rules add to it or replace built-in rules with the same id.
 */
public final class RiskyActionRules {
    /** Classpath location of the built-in rules. */
    public static final String BUILT_IN = "/io/agentdlp/topology/risky/risky-actions.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<RiskyActionRule> rules;

    private RiskyActionRules(List<RiskyActionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RiskyActionRules builtIn() {
        try (InputStream in = RiskyActionRules.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new RiskyRuleException("built-in rule file " + BUILT_IN + " missing from the classpath", null);
            }
            return new RiskyActionRules(parse(JSON.readTree(in), BUILT_IN));
        } catch (IOException e) {
            throw new RiskyRuleException("cannot read built-in rule file " + BUILT_IN + ": " + e.getMessage(), e);
        }
    }

    /** This set with the rules of {@code file} added (same id replaces). */
    public RiskyActionRules withFile(Path file) {
        List<RiskyActionRule> extra;
        try {
            extra = parse(JSON.readTree(Files.readAllBytes(file)), file.toString());
        } catch (IOException e) {
            throw new RiskyRuleException("cannot read risky-action rule file " + file + ": " + e.getMessage(), e);
        }
        Map<String, RiskyActionRule> byId = new LinkedHashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        extra.forEach(r -> byId.put(r.id(), r));
        return new RiskyActionRules(new ArrayList<>(byId.values()));
    }

    public List<RiskyActionRule> rules() {
        return rules;
    }

    private static List<RiskyActionRule> parse(JsonNode root, String source) {
        JsonNode arr = root.path("rules");
        if (!arr.isArray()) {
            throw new RiskyRuleException(source + ": no \"rules\" array", null);
        }
        List<RiskyActionRule> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : arr) {
            String id = n.path("id").asText("");
            String where = source + ": rule #" + i + (id.isEmpty() ? "" : " (" + id + ")");
            try {
                if (id.isEmpty()) {
                    throw new IllegalArgumentException("missing id");
                }
                String pattern = required(n, "pattern");
                out.add(new RiskyActionRule(id, n.path("description").asText(""),
                        Severity.parse(n.path("severity").asText("MEDIUM")),
                        RiskyActionRule.Target.valueOf(n.path("target").asText("command").toUpperCase(Locale.ROOT)),
                        Pattern.compile(pattern, Pattern.CASE_INSENSITIVE),
                        RiskyActionRule.Condition.valueOf(n.path("condition").asText("none").toUpperCase(Locale.ROOT).replace('-', '_')),
                        strings(n.path("examples").path("match")), strings(n.path("examples").path("no_match"))));
            } catch (PatternSyntaxException e) {
                throw new RiskyRuleException(where + ": invalid pattern: " + e.getDescription(), e);
            } catch (IllegalArgumentException e) {
                throw new RiskyRuleException(where + ": " + e.getMessage(), e);
            }
            i++;
        }
        return out;
    }

    private static String required(JsonNode n, String field) {
        String v = n.path(field).asText("");
        if (v.isEmpty()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v;
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return out;
    }
}
