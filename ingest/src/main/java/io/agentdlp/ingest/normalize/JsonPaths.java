package io.agentdlp.ingest.normalize;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Tolerant reads from agent JSON: missing, null and wrong-typed fields all read as absent. */
final class JsonPaths {
    private JsonPaths() {
    }

    /** Text of a dotted path ({@code a.b.c}); numbers and booleans as their text; null when absent. */
    static String text(JsonNode root, String path) {
        JsonNode n = node(root, path);
        if (n == null || n.isNull() || n.isMissingNode() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText();
        return s.isEmpty() ? null : s;
    }

    /** The node at a dotted path, or null. */
    static JsonNode node(JsonNode root, String path) {
        JsonNode n = root;
        int start = 0;
        while (n != null && start <= path.length()) {
            int dot = path.indexOf('.', start);
            String key = dot < 0 ? path.substring(start) : path.substring(start, dot);
            n = n.isObject() ? n.get(key) : null;
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    /** An object at a path, or null when absent or not an object. */
    static JsonNode object(JsonNode root, String path) {
        JsonNode n = node(root, path);
        return n != null && n.isObject() ? n : null;
    }

    /** Every string leaf of a JSON value in document order, joined by newlines; null when none. */
    static String strings(JsonNode value) {
        if (value == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        collect(value, out);
        return out.isEmpty() ? null : String.join("\n", out);
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isTextual()) {
            if (!n.textValue().isEmpty()) {
                out.add(n.textValue());
            }
        } else if (n.isArray()) {
            for (JsonNode c : n) {
                collect(c, out);
            }
        } else if (n.isObject()) {
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }
}
