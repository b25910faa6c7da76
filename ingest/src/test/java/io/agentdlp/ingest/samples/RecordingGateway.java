package io.agentdlp.ingest.samples;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.http.HttpServers;
import io.agentdlp.ingest.normalize.AgentEventJson;

/**
 * A real HTTP server speaking the gateway's {@code POST /v1/events} contract that records what it
 * receives, for sensor tests that must observe exactly what left the machine. Can be switched to
 * answer 503 (upstream down).
 */
public final class RecordingGateway implements AutoCloseable {
    private final HttpServer server;
    private final List<AgentEgressEvent> events = new ArrayList<>();
    private volatile boolean available = true;

    public RecordingGateway() throws IOException {
        server = HttpServers.http("127.0.0.1", 0, HttpServers.pool("recording-gateway", 2));
        server.createContext("/v1/events", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (!available) {
                ex.getResponseHeaders().set("Retry-After", "0");
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            if ("gzip".equals(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            List<AgentEgressEvent> batch = AgentEventJson.readBatch(body);
            synchronized (events) {
                events.addAll(batch);
                events.notifyAll();
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void available(boolean up) {
        this.available = up;
    }

    public List<AgentEgressEvent> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    /** Waits until at least {@code n} events arrived (or the timeout passed) and returns all of them. */
    public List<AgentEgressEvent> await(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (events.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                events.wait(Math.max(1, left / 1_000_000));
            }
            return new ArrayList<>(events);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
