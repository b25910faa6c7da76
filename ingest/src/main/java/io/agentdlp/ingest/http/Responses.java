package io.agentdlp.ingest.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.sun.net.httpserver.HttpExchange;

/** Writing responses with the JDK server: fixed length, closed stream, JSON error bodies. */
public final class Responses {
    private Responses() {
    }

    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        if (body.length == 0) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    public static void json(HttpExchange ex, int status, String json) throws IOException {
        send(ex, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"error":"<reason>","message":"..."}} with Retry-After when the problem has one. */
    public static void problem(HttpExchange ex, HttpProblem p) throws IOException {
        if (p.retryAfterSeconds() >= 0) {
            ex.getResponseHeaders().set("Retry-After", Long.toString(p.retryAfterSeconds()));
        }
        if (p.status() == 401) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        }
        json(ex, p.status(), "{\"error\":\"" + quote(p.reason()) + "\",\"message\":\"" + quote(p.getMessage()) + "\"}");
    }

    /**
     * For a handler serving one read-only page: true when the request is {@code GET path}; otherwise
     * answers 404 (the JDK server routes by prefix, so longer paths arrive here too) and returns false.
     */
    public static boolean isGetOf(HttpExchange ex, String path) throws IOException {
        if (ex.getRequestURI().getPath().equals(path) && ex.getRequestMethod().equals("GET")) {
            return true;
        }
        json(ex, 404, "{\"error\":\"not found\"}");
        return false;
    }

    /** JSON string escaping. */
    public static String quote(String s) {
        return s == null ? "" : new String(JsonStringEncoder.getInstance().quoteAsString(s));
    }
}
