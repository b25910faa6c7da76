package io.agentdlp.deploy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The rendered objects of one overlay, with the lookups the rule tests need. */
public record Manifests(List<ObjectNode> objects) {
    /** Kinds that run pods from a pod template. */
    public static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

    public Manifests {
        objects = List.copyOf(objects);
    }

    public List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    public Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name(o).equals(name)).findFirst();
    }

    public ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered"));
    }

    public List<ObjectNode> workloads() {
        return objects.stream().filter(o -> WORKLOAD_KINDS.contains(o.path("kind").asText())).toList();
    }

    public static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    public static String namespace(JsonNode o) {
        return o.path("metadata").path("namespace").asText("");
    }

    /** {@code Kind/name} for messages. */
    public static String id(JsonNode o) {
        return o.path("kind").asText() + "/" + name(o);
    }

    public static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }
}
