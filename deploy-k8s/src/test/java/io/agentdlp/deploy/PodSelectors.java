package io.agentdlp.deploy;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Kubernetes label-selector matching ({@code matchLabels} and {@code matchExpressions}). */
final class PodSelectors {
    private PodSelectors() {
    }

    /** A NetworkPolicy/PDB-style selector with matchLabels/matchExpressions against pod labels. */
    static boolean matches(JsonNode selector, JsonNode labels) {
        return hasLabels(selector.path("matchLabels"), labels) && expressionsMatch(selector.path("matchExpressions"), labels);
    }

    /** A plain label map (Service selector, matchLabels) against pod labels. */
    static boolean hasLabels(JsonNode required, JsonNode labels) {
        for (Iterator<Map.Entry<String, JsonNode>> it = required.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!labels.path(e.getKey()).asText("\u0000").equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean expressionsMatch(JsonNode expressions, JsonNode labels) {
        for (JsonNode e : expressions) {
            String key = e.path("key").asText();
            boolean has = labels.has(key);
            String value = labels.path(key).asText();
            boolean in = false;
            for (JsonNode v : e.path("values")) {
                in |= v.asText().equals(value);
            }
            boolean ok = switch (e.path("operator").asText()) {
                case "In" -> has && in;
                case "NotIn" -> !has || !in;
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> throw new IllegalArgumentException("unknown selector operator " + e.path("operator").asText());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
