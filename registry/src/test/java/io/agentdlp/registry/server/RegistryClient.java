package io.agentdlp.registry.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plain JDK HTTP calls against a registry, sending JSON text as Confluent's clients do. */
final class RegistryClient {
    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;

    RegistryClient(String baseUrl) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), baseUrl, null);
    }

    RegistryClient(HttpClient http, String baseUrl, String authorization) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    RegistryClient withBasicAuth(String user, String password) {
        return new RegistryClient(http, baseUrl, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
    }

    /** Status, content type and body of one answer. */
    record Response(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return RegistryClient.json(body);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** JSON string literal holding the given text, e.g. a schema for the {@code "schema"} field. */
    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"schema": "<schema>"}}. */
    static String schemaBody(String schema) {
        return "{\"schema\":" + quote(schema) + "}";
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    Response post(String path, String json) {
        return send(request(path).header("Content-Type", V1_JSON).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) {
        return send(request(path).header("Content-Type", V1_JSON).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", V1_JSON);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    /** POST /subjects/{subject}/versions; returns the id, failing the test on any other answer. */
    int register(String subject, String schema) {
        Response r = post("/subjects/" + subject + "/versions", schemaBody(schema));
        if (r.status() != 200) {
            throw new AssertionError("register " + subject + " answered " + r.status() + " " + r.body());
        }
        return r.json().get("id").asInt();
    }
}
