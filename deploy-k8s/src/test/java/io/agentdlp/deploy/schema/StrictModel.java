package io.agentdlp.deploy.schema;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Strict validation of one object against its model class. Jackson checks types, enums and
 * structure; because the fabric8 and Strimzi models keep unknown fields in an
 * {@code additionalProperties} map instead of rejecting them, every such map in the parsed object
 * graph must be empty: a misspelt or misplaced field is an error, as with
 * {@code kubectl apply --validate=strict}.
 */
public final class StrictModel {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private StrictModel() {
    }

    /** Problems found in {@code object}; empty when it conforms. */
    public static List<String> violations(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        var type = ManifestSchemas.modelOf(apiVersion, kind);
        if (type.isEmpty()) {
            return List.of("no schema for " + apiVersion + "/" + kind);
        }
        Object model;
        try {
            model = MAPPER.treeToValue(object, type.get());
        } catch (Exception e) {
            return List.of("does not parse as " + type.get().getSimpleName() + ": " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        walk(model, "$", out);
        return out;
    }

    private static void walk(Object o, String path, List<String> out) {
        if (o == null) {
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, out));
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, path + "[" + i++ + "]", out);
            }
            return;
        }
        Class<?> c = o.getClass();
        if (c.isEnum() || !(c.getName().startsWith("io.fabric8.") || c.getName().startsWith("io.strimzi."))) {
            return;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                Object v = read(f, o);
                if (f.getName().equals("additionalProperties")) {
                    if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        out.add(path + ": unknown field(s) " + extra.keySet());
                    }
                } else {
                    walk(v, path + "." + f.getName(), out);
                }
            }
        }
    }

    private static Object read(Field f, Object o) {
        try {
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + f + " of " + o.getClass().getName(), e);
        }
    }
}
