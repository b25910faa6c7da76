package io.agentdlp.registry.server;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Status and JSON body of an API answer (content type {@code application/vnd.schemaregistry.v1+json}). */
record ApiResponse(int status, byte[] body) {

    /** 200 with a JSON value (a Jackson tree, list, number...). */
    static ApiResponse ok(Object json) {
        try {
            return new ApiResponse(200, RegistryJson.MAPPER.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a response", e);
        }
    }

    /** 200 whose body is already JSON text (a raw schema, as {@code /schema} endpoints return it). */
    static ApiResponse rawJson(String json) {
        return new ApiResponse(200, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Confluent's error body. */
    static ApiResponse error(RegistryError e) {
        ObjectNode body = RegistryJson.MAPPER.createObjectNode();
        body.put("error_code", e.errorCode());
        body.put("message", e.getMessage());
        try {
            return new ApiResponse(e.httpStatus(), RegistryJson.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise an error", ex);
        }
    }
}
