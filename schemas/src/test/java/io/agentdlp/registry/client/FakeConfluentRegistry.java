package io.agentdlp.registry.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTP server (JDK HttpServer) answering with scripted responses in the shapes Confluent
 * documents for its Schema Registry REST API, and recording the requests it got. A fake of a
 * third-party API for client tests; agentdlp's own registry server is tested in the registry module.
 */
public final class FakeConfluentRegistry implements AutoCloseable {
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    /** One received request. */
    public record Request(String method, String rawPath, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** One scripted answer. */
    public record Response(int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, Deque<Response>> scripted = new HashMap<>();
    private final Map<String, Response> fixed = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeConfluentRegistry(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeConfluentRegistry start() throws IOException {
        return new FakeConfluentRegistry(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    public static FakeConfluentRegistry startTls(HttpsConfigurator tls) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setHttpsConfigurator(tls);
        return new FakeConfluentRegistry(s);
    }

    public URI url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Always answers {@code method rawPath} with this response. */
    public synchronized FakeConfluentRegistry on(String method, String rawPath, int status, String body) {
        fixed.put(method + " " + rawPath, new Response(status, body));
        return this;
    }

    /** Answers the next call of {@code method rawPath} with this, before falling back to {@link #on}. */
    public synchronized FakeConfluentRegistry once(String method, String rawPath, int status, String body) {
        scripted.computeIfAbsent(method + " " + rawPath, k -> new ArrayDeque<>()).add(new Response(status, body));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long count(String method, String rawPath) {
        return requests.stream().filter(r -> r.method().equals(method) && r.rawPath().equals(rawPath)).count();
    }

    /** Confluent's error body. */
    public static String error(int code, String message) {
        return "{\"error_code\":" + code + ",\"message\":\"" + message.replace("\"", "\\\"") + "\"}";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = ex.getRequestURI().getRawPath();
            requests.add(new Request(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders()), body));
            Response r = responseFor(ex.getRequestMethod() + " " + path);
            byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", CONTENT_TYPE);
            ex.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                ex.getResponseBody().write(out);
            }
        }
    }

    private synchronized Response responseFor(String key) {
        Deque<Response> queue = scripted.get(key);
        if (queue != null && !queue.isEmpty()) {
            return queue.poll();
        }
        Response r = fixed.get(key);
        return r != null ? r : new Response(404, error(404, "HTTP 404 Not Found"));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
