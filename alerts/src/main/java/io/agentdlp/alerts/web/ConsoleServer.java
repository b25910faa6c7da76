package io.agentdlp.alerts.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.agentdlp.alerts.audit.AuditTrail;
import io.agentdlp.alerts.auth.ApiTokens;
import io.agentdlp.alerts.auth.Authenticator;
import io.agentdlp.alerts.auth.JwtVerifier;
import io.agentdlp.alerts.auth.LoginThrottle;
import io.agentdlp.alerts.auth.SessionStore;
import io.agentdlp.alerts.auth.UserStore;
import io.agentdlp.alerts.feed.AlertLinks;
import io.agentdlp.alerts.feed.AlertStore;
import io.agentdlp.alerts.feed.SessionEventIndex;
import io.agentdlp.alerts.metrics.AlertsMetrics;
import io.agentdlp.alerts.sink.SinkStatus;
import io.agentdlp.alerts.triage.TriageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP(S) server: static single page, REST API, live feed, health and metrics, on the
 * JDK's built-in server (no servlet container). Each live-feed connection holds a thread, so the pool
 * grows to the stream cap plus a margin for API calls.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    private final HttpServer server;
    private final ExecutorService executor;
    private final LiveFeed liveFeed;
    private final boolean tls;

    /**
     * What the console serves.
     *
     * @param store          alert view
     * @param sessionEvents  session event metadata, or null
     * @param links          console and code links
     * @param triage         triage actions
     * @param audit          audit trail
     * @param metrics        metrics
     * @param users          password users, or null
     * @param apiTokens      API tokens
     * @param jwt            OIDC verifier, or null
     * @param sinks          sink statuses
     * @param healthy        whether the Kafka reader runs
     * @param ready          whether the view has caught up
     * @param clock          clock
     * @param version        product version shown in the UI
     */
    public record Components(AlertStore store, SessionEventIndex sessionEvents, AlertLinks links, TriageService triage,
                             AuditTrail audit, AlertsMetrics metrics, UserStore users, ApiTokens apiTokens,
                             JwtVerifier jwt, Supplier<List<SinkStatus>> sinks, BooleanSupplier healthy,
                             BooleanSupplier ready, Clock clock,
                             String version) {
    }

    private ConsoleServer(HttpServer server, ExecutorService executor, LiveFeed liveFeed, boolean tls) {
        this.server = server;
        this.executor = executor;
        this.liveFeed = liveFeed;
        this.tls = tls;
    }

    public static ConsoleServer start(ConsoleSettings s, Components c) {
        // The JDK server waits ~40 ms per keep-alive response without TCP_NODELAY.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        SessionStore sessions = new SessionStore(s.sessionIdle(), s.sessionMaxAge(), 10_000, c.clock());
        String cookieName = s.tls() ? "__Host-agentdlp_session" : "agentdlp_session";
        Authenticator auth = new Authenticator(cookieName, sessions, c.apiTokens(), c.jwt());
        ViewJson views = new ViewJson(c.links());
        SseHub hub = new SseHub(v -> "id: " + v.sequence() + "\nevent: alert\ndata: "
                + views.summary(v, c.clock().instant()).toString() + "\n\n", c.clock());
        c.store().addListener(hub::publish);
        LiveFeed liveFeed = new LiveFeed(hub, s.maxStreams(), c.metrics().sseClients());

        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", c.version());
        info.put("code_links", c.links().codeLinkTemplate() != null);
        info.put("password_login", c.users() != null);

        List<Route> routes = new ArrayList<>();
        routes.addAll(new StaticAssets().routes());
        routes.addAll(new OpsEndpoints(c.healthy(), c.ready(), c.metrics(), s.metricsPublic()).routes());
        routes.addAll(new SessionApi(c.users(), auth, new LoginThrottle(c.clock()), c.audit(), c.metrics(),
                s.tls() || s.secureCookies(), s.sessionMaxAge(), info).routes());
        routes.addAll(new AlertsApi(c.store(), c.sessionEvents(), views, c.audit(), c.clock()).routes());
        routes.addAll(new TriageApi(c.triage(), c.store(), views, c.clock()).routes());
        routes.addAll(liveFeed.routes());
        routes.addAll(new AdminApi(c.sinks(), c.audit()).routes());
        ConsoleRouter router = new ConsoleRouter(routes, auth, c.audit(), c.metrics(), s.tls(), s.tls() || s.hsts(),
                s.publicOrigin());

        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(4, s.maxStreams() + 32, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "agentdlp-console-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            InetSocketAddress addr = new InetSocketAddress(s.host(), s.port());
            HttpServer server;
            if (s.tls()) {
                HttpsServer https = HttpsServer.create(addr, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(sslContext(s)));
                server = https;
            } else {
                server = HttpServer.create(addr, 64);
            }
            server.createContext("/", router);
            server.setExecutor(executor);
            server.start();
            ConsoleServer cs = new ConsoleServer(server, executor, liveFeed, s.tls());
            log.info("event=console_started url={}", cs.url());
            return cs;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the console on " + s.host() + ":" + s.port(), e);
        }
    }

    /** Base URL, e.g. {@code http://127.0.0.1:8088}. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "localhost" : a.getHostString();
        return (tls ? "https://" : "http://") + host + ":" + a.getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        liveFeed.close();
        server.stop(1);
        executor.shutdownNow();
    }

    private static SSLContext sslContext(ConsoleSettings s) {
        char[] pw = s.keystorePassword() == null ? new char[0] : s.keystorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(s.keystore())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pw);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the console keystore " + s.keystore() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
