package io.agentdlp.ingest.samples;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.http.HttpServers;
import io.agentdlp.ingest.normalize.AgentEventJson;

/**
 * A real HTTP server speaking the gateway's {@code POST /v1/events} contract that records what it
 * receives, for sensor tests that must observe exactly what left the machine. Can be switched to
 * answer 503 (upstream down) or any other failure status, with or without {@code Retry-After}.
 */
public final class RecordingGateway implements AutoCloseable {
    private final HttpServer server;
    private final List<AgentEgressEvent> events = new ArrayList<>();
    private volatile int failureStatus;
    private volatile String retryAfter;
    private final AtomicInteger requests = new AtomicInteger();

    public RecordingGateway() throws IOException {
        server = HttpServers.http("127.0.0.1", 0, HttpServers.pool("recording-gateway", 2));
        server.createContext("/v1/events", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            int failure = failureStatus;
            if (failure != 0) {
                String wait = retryAfter;
                if (wait != null) {
                    ex.getResponseHeaders().set("Retry-After", wait);
                }
                ex.sendResponseHeaders(failure, -1);
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

    /** Up, or down answering 503 with {@code Retry-After: 0}. */
    public void available(boolean up) {
        if (up) {
            failWith(0, null);
        } else {
            failWith(503, "0");
        }
    }

    /**
     * Answers every request with {@code status} (0 = accept again) and the given {@code Retry-After}
     * value (null = no header).
     */
    public void failWith(int status, String retryAfterHeader) {
        this.retryAfter = retryAfterHeader;
        this.failureStatus = status;
    }

    /** Requests received, accepted or not. */
    public int requests() {
        return requests.get();
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
