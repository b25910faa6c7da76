package io.agentdlp.ingest.proxy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a model provider (the only thing we may fake: a third-party API). Records what it
 * receives and answers with a fixed JSON body, or with a server-sent-event stream whose second half
 * is only sent once the test says the client has seen the first half.
 */
public final class FakeUpstream implements AutoCloseable {
    public record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    }

    static final byte[] JSON_ANSWER = "{\"id\":\"msg_1\",\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    static final String SSE_FIRST = "event: message_start\ndata: {\"type\":\"message_start\"}\n\n";
    static final String SSE_REST = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"hi\"}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    public final List<Received> received = new CopyOnWriteArrayList<>();
    final CountDownLatch clientSawFirstChunk = new CountDownLatch(1);
    private final HttpServer server;

    public FakeUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                    Map.copyOf(ex.getRequestHeaders()), body));
            ex.getResponseHeaders().add("request-id", "req_upstream_" + received.size());
            if (new String(body, StandardCharsets.UTF_8).contains("\"stream\":true")) {
                ex.getResponseHeaders().add("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(SSE_FIRST.getBytes(StandardCharsets.UTF_8));
                    o.flush();
                    // the rest only after the client proved it already got the first event
                    clientSawFirstChunk.await(20, TimeUnit.SECONDS);
                    o.write(SSE_REST.getBytes(StandardCharsets.UTF_8));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, JSON_ANSWER.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(JSON_ANSWER);
            }
        });
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
