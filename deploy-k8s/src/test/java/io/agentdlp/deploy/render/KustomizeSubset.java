package io.agentdlp.deploy.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a kustomization with the subset of kustomize that deploy-k8s uses, so the manifests can
 * be validated where no kubectl is installed: {@code resources} (files and kustomization
 * directories), {@code configMapGenerator} (files, with {@code generatorOptions} that disable the
 * name hash), {@code patches} (by path, matched on kind and name, strategic merge as in
 * {@link StrategicMerge}), {@code namespace}, {@code labels} (metadata only) and {@code images}.
 * Anything else fails loudly. Where kubectl is present, {@code RendererMatchesKubectlTest} proves
 * that this renderer and {@code kubectl kustomize} produce the same objects.
 */
public final class KustomizeSubset {
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "labels", "resources",
            "configMapGenerator", "generatorOptions", "patches", "images");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass");

    private KustomizeSubset() {
    }

    /** Renders the kustomization in {@code dir}; objects in kustomize's input order. */
    public static List<ObjectNode> render(Path dir) {
        Path file = kustomizationFile(dir);
        List<ObjectNode> docs = Yaml.readAll(file);
        if (docs.size() != 1) {
            throw new KustomizeException(file, "expected exactly one YAML document");
        }
        ObjectNode k = docs.get(0);
        for (Iterator<String> it = k.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!SUPPORTED.contains(field)) {
                throw new KustomizeException(file, "field '" + field + "' is outside the supported kustomize subset");
            }
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            objects.addAll(Files.isDirectory(p) ? render(p) : Yaml.readAll(p));
        }
        objects.addAll(generateConfigMaps(dir, file, k));
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, file, patch, objects);
        }
        if (k.hasNonNull("namespace")) {
            String ns = k.get("namespace").asText();
            for (ObjectNode o : objects) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asText())) {
                    metadata(o).put("namespace", ns);
                }
            }
        }
        for (JsonNode label : k.path("labels")) {
            addLabels(file, label, objects);
        }
        for (JsonNode image : k.path("images")) {
            objects.forEach(o -> ImageOverride.apply(o, image));
        }
        return objects;
    }

    private static Path kustomizationFile(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new KustomizeException(dir, "no kustomization.yaml");
    }

    private static List<ObjectNode> generateConfigMaps(Path dir, Path file, ObjectNode k) {
        JsonNode options = k.path("generatorOptions");
        List<ObjectNode> out = new ArrayList<>();
        if (!k.has("configMapGenerator")) {
            return out;
        }
        if (!options.path("disableNameSuffixHash").asBoolean(false)) {
            throw new KustomizeException(file, "configMapGenerator needs generatorOptions.disableNameSuffixHash: true in this subset");
        }
        for (JsonNode gen : k.path("configMapGenerator")) {
            for (Iterator<String> it = gen.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("name") && !f.equals("files")) {
                    throw new KustomizeException(file, "configMapGenerator field '" + f + "' is outside the supported subset");
                }
            }
            ObjectNode cm = Yaml.MAPPER.createObjectNode();
            cm.put("apiVersion", "v1");
            cm.put("kind", "ConfigMap");
            ObjectNode meta = cm.putObject("metadata");
            meta.put("name", gen.path("name").asText());
            if (options.has("labels")) {
                meta.set("labels", options.get("labels").deepCopy());
            }
            ObjectNode data = cm.putObject("data");
            for (JsonNode f : gen.path("files")) {
                Path p = dir.resolve(f.asText()).normalize();
                try {
                    data.put(p.getFileName().toString(), Files.readString(p));
                } catch (IOException e) {
                    throw new KustomizeException(file, "configMapGenerator cannot read " + p, e);
                }
            }
            out.add(cm);
        }
        return out;
    }

    private static void applyPatch(Path dir, Path file, JsonNode spec, List<ObjectNode> objects) {
        if (spec.size() != 1 || !spec.has("path")) {
            throw new KustomizeException(file, "only 'patches: - path: <file>' is supported");
        }
        Path p = dir.resolve(spec.get("path").asText()).normalize();
        List<ObjectNode> docs = Yaml.readAll(p);
        if (docs.size() != 1) {
            throw new KustomizeException(p, "a patch file must hold exactly one document");
        }
        ObjectNode patch = docs.get(0);
        String kind = patch.path("kind").asText();
        String name = patch.path("metadata").path("name").asText();
        List<ObjectNode> targets = objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind)
                        && o.path("metadata").path("name").asText().equals(name))
                .toList();
        if (targets.size() != 1) {
            throw new KustomizeException(p, "patch must match exactly one " + kind + "/" + name + ", matched " + targets.size());
        }
        ObjectNode target = targets.get(0);
        boolean strategic = StrategicMerge.isBuiltIn(target.path("apiVersion").asText());
        try {
            StrategicMerge.apply(target, patch, strategic, kind + "/" + name);
        } catch (IllegalArgumentException e) {
            throw new KustomizeException(p, e.getMessage(), e);
        }
    }

    private static void addLabels(Path file, JsonNode label, List<ObjectNode> objects) {
        for (Iterator<String> it = label.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("pairs")) {
                throw new KustomizeException(file, "labels." + f + " is outside the supported subset (metadata labels only)");
            }
        }
        for (ObjectNode o : objects) {
            ObjectNode labels = metadata(o).with("labels");
            label.get("pairs").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue().deepCopy()));
        }
    }

    private static ObjectNode metadata(ObjectNode o) {
        return o.with("metadata");
    }
}
