package io.agentdlp.alerts.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.agentdlp.alerts.feed.AlertJson;

/** Writes responses. */
final class Responses {
    private Responses() {
    }

    static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        bytes(ex, status, "application/json; charset=utf-8", AlertJson.MAPPER.writeValueAsBytes(body));
    }

    static void error(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode n = AlertJson.MAPPER.createObjectNode();
        n.put("error", message);
        json(ex, status, n);
    }

    static void text(HttpExchange ex, int status, String contentType, String body) throws IOException {
        bytes(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void noContent(HttpExchange ex) throws IOException {
        ex.sendResponseHeaders(204, -1);
        ex.close();
    }

    static void bytes(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }
}
