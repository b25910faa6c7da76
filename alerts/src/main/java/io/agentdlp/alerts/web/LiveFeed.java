package io.agentdlp.alerts.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.agentdlp.alerts.auth.Role;
import io.agentdlp.alerts.feed.AlertQuery;

/**
 * {@code GET /api/stream}: server-sent events of alert changes matching the request's filters
 * ({@code event: alert}, {@code id: <change number>}, {@code data: <alert JSON>}), with a comment
 * heartbeat so proxies keep the connection and dead clients are noticed. The number of concurrent
 * streams is capped; each holds one server thread.
 */
final class LiveFeed {
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private final SseHub hub;
    private final int maxClients;
    private final AtomicInteger gauge;
    private volatile boolean closing;

    LiveFeed(SseHub hub, int maxClients, AtomicInteger gauge) {
        this.hub = hub;
        this.maxClients = maxClients;
        this.gauge = gauge;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "/api/stream", Role.VIEWER, false, this::stream));
    }

    /** Ends all streams (on shutdown). */
    void close() {
        closing = true;
    }

    private void stream(WebRequest r) throws IOException {
        AlertQuery q = AlertQuery.parse(r.query());
        if (hub.size() >= maxClients) {
            throw new HttpError(503, "too many live-feed connections");
        }
        var ex = r.exchange();
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("X-Accel-Buffering", "no");
        ex.sendResponseHeaders(200, 0);
        SseHub.Client c = hub.connect(q);
        gauge.incrementAndGet();
        try (OutputStream out = ex.getResponseBody()) {
            write(out, "retry: 3000\n: connected\n\n");
            while (!closing && !c.overflowed) {
                String msg;
                try {
                    msg = c.queue.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                write(out, msg != null ? msg : ": ping\n\n");
            }
        } finally {
            hub.disconnect(c);
            gauge.decrementAndGet();
        }
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
