package io.agentdlp.deploy.render;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part of Kubernetes' strategic merge patch that agentdlp's overlays use, with kustomize's
 * semantics: mappings merge recursively and {@code null} deletes a key; the lists below merge by
 * their key (patch elements first, then the untouched originals, as kustomize orders them); every
 * other list is replaced. Custom resources (no merge keys known) get JSON merge patch (RFC 7386).
 * A patch of a keyed list not in the table is refused rather than merged differently from kustomize.
 */
final class StrategicMerge {
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath");
    /** Keyed lists in Kubernetes types that this subset does not merge; patching them is refused. */
    private static final Set<String> UNSUPPORTED_KEYED = Set.of("ports", "imagePullSecrets", "envFrom", "tolerations");
    private static final Set<String> BUILT_IN_GROUPS = Set.of(
            "apps", "batch", "policy", "autoscaling", "networking.k8s.io", "rbac.authorization.k8s.io");

    private StrategicMerge() {
    }

    /** True for Kubernetes' own kinds, whose lists have merge keys; false for custom resources. */
    static boolean isBuiltIn(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 || BUILT_IN_GROUPS.contains(apiVersion.substring(0, slash));
    }

    /** Applies {@code patch} to {@code target} in place. */
    static void apply(ObjectNode target, ObjectNode patch, boolean strategic, String where) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            var e = it.next();
            String field = e.getKey();
            JsonNode value = e.getValue();
            JsonNode current = target.get(field);
            if (value.isNull()) {
                target.remove(field);
            } else if (value.isObject() && current != null && current.isObject()) {
                apply((ObjectNode) current, (ObjectNode) value, strategic, where + "." + field);
            } else if (value.isArray() && strategic && MERGE_KEYS.containsKey(field) && current != null && current.isArray()) {
                target.set(field, mergeKeyed((ArrayNode) current, (ArrayNode) value, MERGE_KEYS.get(field), where + "." + field));
            } else if (value.isArray() && strategic && UNSUPPORTED_KEYED.contains(field)) {
                throw new IllegalArgumentException(where + "." + field
                        + ": patching this keyed list is outside the supported strategic-merge subset");
            } else {
                target.set(field, value.deepCopy());
            }
        }
    }

    private static ArrayNode mergeKeyed(ArrayNode current, ArrayNode patch, String key, String where) {
        Map<String, ObjectNode> originals = new LinkedHashMap<>();
        for (JsonNode n : current) {
            originals.put(keyOf(n, key, where), (ObjectNode) n.deepCopy());
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : patch) {
            String k = keyOf(p, key, where);
            ObjectNode original = originals.remove(k);
            if (original == null) {
                out.add(p.deepCopy());
            } else {
                apply(original, (ObjectNode) p, true, where + "[" + k + "]");
                out.add(original);
            }
        }
        out.addAll(originals.values());
        ArrayNode result = current.arrayNode();
        out.forEach(result::add);
        return result;
    }

    private static String keyOf(JsonNode element, String key, String where) {
        JsonNode k = element.get(key);
        if (!element.isObject() || k == null || !k.isTextual()) {
            throw new IllegalArgumentException(where + ": list element without merge key '" + key + "'");
        }
        return k.asText();
    }
}
