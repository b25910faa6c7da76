package io.agentdlp.deploy.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/** Reads multi-document YAML into Jackson trees (one per non-empty document). */
public final class Yaml {
    /** Shared mapper for YAML trees; Jackson mappers are thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    public static List<ObjectNode> readAll(Path file) {
        try {
            return readAll(Files.readString(file), file);
        } catch (IOException e) {
            throw new KustomizeException(file, "cannot read", e);
        }
    }

    public static List<ObjectNode> readAll(String text, Path origin) {
        List<ObjectNode> docs = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) MAPPER.getFactory().createParser(text)) {
            for (var it = MAPPER.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new KustomizeException(origin, "a YAML document is not a mapping");
                }
                docs.add((ObjectNode) doc);
            }
        } catch (IOException e) {
            throw new KustomizeException(origin, "malformed YAML: " + e.getMessage(), e);
        }
        return docs;
    }
}
