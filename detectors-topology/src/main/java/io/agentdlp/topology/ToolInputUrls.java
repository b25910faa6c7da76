package io.agentdlp.topology;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agentdlp.detection.shell.Endpoint;

/**
 * The URLs among the string values of a web or MCP tool input (JSON), in document order, at most
 * {@value #MAX_URLS} strings; none when the input is not JSON. Read as a token stream, without
 * building a tree: tool inputs are read on every web and MCP call. Duplicate field names, which a
 * tree keeps only once, and inputs the stream cannot read are handed to the tree reading, so the
 * result is always the tree's.
 */
final class ToolInputUrls {
    static final int MAX_URLS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private ToolInputUrls() {
    }

    /** Adds the URLs of {@code json}'s string values to {@code out}. */
    static void addTo(String json, List<Endpoint> out) {
        List<Endpoint> found = new ArrayList<>(2);
        try (JsonParser p = FACTORY.createParser(json)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (p.nextToken() == null) {
                return;
            }
            int depth = 0;
            int urls = 0;
            // One root value, as the tree reading takes it; what follows it is not read.
            do {
                JsonToken t = p.currentToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.VALUE_STRING) {
                    if (urls < MAX_URLS) {
                        String s = p.getText();
                        if (s.contains("://")) {
                            int before = found.size();
                            Endpoint.fromUrl(s).ifPresent(found::add);
                            urls += found.size() - before;
                        }
                    }
                } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    // The tree reading parses every number (and rejects out-of-bounds ones); so does this.
                    p.getNumberValue();
                }
            } while (depth > 0 && p.nextToken() != null);
            if (depth > 0) {
                // Input ended inside a value: not JSON, which the tree reading rejects too.
                return;
            }
        } catch (IOException e) {
            addFromTree(json, out);
            return;
        }
        out.addAll(found);
    }

    private static void addFromTree(String json, List<Endpoint> out) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            // Not JSON: the input is scanned as text by the content detectors; no destination from it.
            return;
        }
        collect(root, out, new int[] {0});
    }

    private static void collect(JsonNode n, List<Endpoint> out, int[] seen) {
        if (seen[0] >= MAX_URLS) {
            return;
        }
        if (n.isTextual()) {
            String s = n.asText();
            if (s.contains("://")) {
                Endpoint.fromUrl(s).ifPresent(e -> {
                    out.add(e);
                    seen[0]++;
                });
            }
        } else if (n.isContainerNode()) {
            for (JsonNode child : n) {
                collect(child, out, seen);
            }
        }
    }
}
