package io.agentdlp.deploy.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** kustomize's {@code images} transformer for the pod templates of workloads: new name, tag or digest. */
final class ImageOverride {
    private ImageOverride() {
    }

    static void apply(ObjectNode object, JsonNode override) {
        JsonNode podSpec = object.path("spec").path("template").path("spec");
        for (String list : new String[] {"containers", "initContainers"}) {
            for (JsonNode c : podSpec.path(list)) {
                String image = c.path("image").asText();
                if (nameOf(image).equals(override.path("name").asText())) {
                    ((ObjectNode) c).put("image", rewrite(image, override));
                }
            }
        }
    }

    private static String rewrite(String image, JsonNode o) {
        String name = o.hasNonNull("newName") ? o.get("newName").asText() : nameOf(image);
        if (o.hasNonNull("digest")) {
            return name + "@" + o.get("digest").asText();
        }
        String tag = o.hasNonNull("newTag") ? o.get("newTag").asText() : tagOf(image);
        return tag.isEmpty() ? name : name + ":" + tag;
    }

    /** Image reference without tag or digest; a colon before the last slash is a registry port. */
    static String nameOf(String image) {
        int at = image.indexOf('@');
        String s = at >= 0 ? image.substring(0, at) : image;
        int colon = s.lastIndexOf(':');
        return colon > s.lastIndexOf('/') ? s.substring(0, colon) : s;
    }

    private static String tagOf(String image) {
        if (image.contains("@")) {
            return "";
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "";
    }
}
