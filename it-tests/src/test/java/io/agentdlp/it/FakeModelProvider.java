package io.agentdlp.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the model provider's API (a third-party API, the only thing the tests fake):
 * it keeps the request bodies it received and answers every request with a fixed message.
 */
final class FakeModelProvider implements AutoCloseable {
    static final byte[] ANSWER = "{\"id\":\"msg_it\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    FakeModelProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("request-id", "req_it_" + bodies.size());
            ex.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(ANSWER);
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Request bodies received so far, in arrival order. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
