package io.agentdlp.topology.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agentdlp.topology.session.SessionQueries;
import io.agentdlp.topology.session.SessionSummary;

/**
 * The topology's HTTP API on the JDK server: {@code GET /metrics} (Prometheus text),
 * {@code GET /health} (200 while Streams is alive), {@code GET /ready} (200 when RUNNING),
 * {@code POST /v1/verdict}, {@code GET /v1/sessions/{device}:{session}} and
 * {@code GET /v1/sessions/{device}:{session}/timeline} (answered from the instance owning the
 * session: a query reaching another instance is forwarded there). Request bodies are bounded;
 * responses and logs never contain submitted text.
 */
public final class DlpHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DlpHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSIONS = "/v1/sessions/";
    private static final String TIMELINE = "/timeline";

    private final HttpServer server;
    private final ExecutorService executor;

    private DlpHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving on {@code host:port} (port 0 picks one): {@link #bind} then {@link #serve}.
     *
     * @param registry   scraped by /metrics (null: /metrics answers 404)
     * @param view       the running topology
     * @param verdicts   the verdict service
     * @param maxBody    largest accepted request body
     */
    public static DlpHttpServer start(String host, int port, int threads, long maxBody, PrometheusMeterRegistry registry,
                                      StreamsView view, VerdictService verdicts) throws IOException {
        return bind(host, port, threads).serve(maxBody, registry, view, verdicts);
    }

    /**
     * Binds {@code host:port} (port 0 picks one) without serving yet, so the bound port is known
     * before Kafka Streams starts and can be announced as {@code application.server}.
     */
    public static DlpHttpServer bind(String host, int port, int threads) throws IOException {
        // Without it every keep-alive request waits ~40 ms for delayed ACKs on Linux loopback.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 64);
        AtomicInteger n = new AtomicInteger();
        ExecutorService ex = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dlp-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(ex);
        return new DlpHttpServer(s, ex);
    }

    /**
     * Serves the API on the bound address.
     *
     * @param maxBody    largest accepted request body
     * @param registry   scraped by /metrics (null: /metrics answers 404)
     * @param view       the running topology
     * @param verdicts   the verdict service
     */
    public DlpHttpServer serve(long maxBody, PrometheusMeterRegistry registry, StreamsView view, VerdictService verdicts) {
        HttpServer s = server;
        SessionForwarder forwarder = new SessionForwarder();
        s.createContext("/metrics", h -> handle(h, "GET", () -> {
            if (registry == null) {
                throw new HttpApiException(404, "metrics are not enabled");
            }
            return new Reply(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape().getBytes(StandardCharsets.UTF_8));
        }));
        s.createContext("/health", h -> handle(h, "GET", () -> state(view, view.alive())));
        s.createContext("/ready", h -> handle(h, "GET", () -> state(view, view.ready())));
        s.createContext("/v1/verdict", h -> handle(h, "POST", () -> {
            VerdictRequest req = readJson(h, maxBody);
            if (req.text() == null) {
                throw new HttpApiException(400, "field 'text' is required");
            }
            return json(200, verdicts.decide(req));
        }));
        s.createContext(SESSIONS, h -> handle(h, "GET", () -> session(h, view, forwarder)));
        s.start();
        log.info("event=http_started address={}:{}", s.getAddress().getHostString(), s.getAddress().getPort());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Reply(int status, String contentType, byte[] body) {
    }

    @FunctionalInterface
    private interface Action {
        Reply run() throws IOException;
    }

    private static void handle(HttpExchange h, String method, Action action) {
        Reply reply;
        try {
            if (!h.getRequestMethod().equals(method)) {
                h.getResponseHeaders().add("Allow", method);
                throw new HttpApiException(405, "use " + method);
            }
            reply = action.run();
        } catch (HttpApiException e) {
            reply = error(e.status(), e.getMessage());
        } catch (RuntimeException | IOException e) {
            log.warn("event=http_error path={} exception={}", h.getRequestURI().getPath(), e.getClass().getName());
            reply = error(500, "internal error (" + e.getClass().getSimpleName() + ")");
        }
        try (h) {
            h.getResponseHeaders().add("Content-Type", reply.contentType());
            h.getResponseHeaders().add("Cache-Control", "no-store");
            h.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = h.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (IOException e) {
            log.debug("event=http_client_gone path={}", h.getRequestURI().getPath());
        }
    }

    private static Reply state(StreamsView view, boolean ok) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? "UP" : "DOWN");
        body.put("streams_state", view.state());
        return json(ok ? 200 : 503, body);
    }

    private static Reply session(HttpExchange h, StreamsView view, SessionForwarder forwarder) {
        String raw = h.getRequestURI().getRawPath().substring(SESSIONS.length());
        boolean timeline = raw.endsWith(TIMELINE);
        String rawKey = timeline ? raw.substring(0, raw.length() - TIMELINE.length()) : raw;
        String key = URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
        if (key.isEmpty() || !key.contains(":") || key.contains("/")) {
            throw new HttpApiException(400, "session id must be <device-id>:<session-id> (URL-encode a '/' in it)");
        }
        StreamsView.SessionLocation loc = view.locateSession(key);
        if (loc instanceof StreamsView.SessionLocation.Local l) {
            return timeline ? timeline(l.queries(), key) : summary(l.queries(), key);
        }
        if (loc instanceof StreamsView.SessionLocation.Remote r) {
            if (SessionForwarder.wasForwarded(h)) {
                // The sender thought this instance owns the session: the two disagree during a rebalance.
                throw new HttpApiException(503, "session owner is moving (rebalancing); retry");
            }
            SessionForwarder.Answer a = forwarder.fetch(URI.create("http://" + r.host() + ":" + r.port() + SESSIONS + raw));
            return new Reply(a.status(), a.contentType(), a.body());
        }
        throw new HttpApiException(503, ((StreamsView.SessionLocation.Unavailable) loc).reason());
    }

    private static Reply summary(SessionQueries q, String key) {
        SessionSummary s = q.summary(key)
                .orElseThrow(() -> new HttpApiException(404, "no detections recorded for this session"));
        return new Reply(200, "application/json", s.toJson());
    }

    private static Reply timeline(SessionQueries q, String key) {
        if (!q.timelinesEnabled()) {
            throw new HttpApiException(404, "session timelines are disabled (session.timeline.max.events=0)");
        }
        return json(200, q.timeline(key).orElseThrow(() -> new HttpApiException(404, "no events recorded for this session")));
    }

    private static VerdictRequest readJson(HttpExchange h, long maxBody) throws IOException {
        String type = h.getRequestHeaders().getFirst("Content-Type");
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new HttpApiException(415, "Content-Type must be application/json");
        }
        byte[] body;
        try (InputStream in = h.getRequestBody()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
        }
        if (body.length > maxBody) {
            throw new HttpApiException(413, "request body above " + maxBody + " bytes");
        }
        try {
            return JSON.readValue(body, VerdictRequest.class);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the input: report only where it failed.
            throw new HttpApiException(400, "malformed JSON at line " + e.getLocation().getLineNr() + " column "
                    + e.getLocation().getColumnNr());
        }
    }

    private static Reply json(int status, Object body) {
        try {
            return new Reply(status, "application/json", JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode response", e);
        }
    }

    private static Reply error(int status, String message) {
        return json(status, Map.of("error", message));
    }
}
