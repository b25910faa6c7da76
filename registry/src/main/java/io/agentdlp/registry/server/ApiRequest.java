package io.agentdlp.registry.server;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A matched request: path parameters (decoded), query parameters and the body. */
record ApiRequest(Map<String, String> pathParams, Map<String, String> query, byte[] body) {

    String path(String name) {
        return pathParams.get(name);
    }

    /** A query flag as Confluent reads it: {@code true} (any case) is true, anything else false. */
    boolean flag(String name) {
        return "true".equalsIgnoreCase(query.get(name));
    }

    String query(String name) {
        return query.get(name);
    }

    /**
     * The body as a JSON object.
     *
     * @throws RegistryError 400 when it is missing, not JSON or not an object (the body is not quoted)
     */
    JsonNode jsonObject() {
        if (body.length == 0) {
            throw RegistryError.badRequest("Request body is missing");
        }
        JsonNode node;
        try {
            node = RegistryJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw RegistryError.badRequest("Request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw RegistryError.badRequest("Request body must be a JSON object");
        }
        return node;
    }
}
