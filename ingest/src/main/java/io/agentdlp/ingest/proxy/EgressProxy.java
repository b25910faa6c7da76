package io.agentdlp.ingest.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpServer;
import io.agentdlp.detection.TextDetector;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.ingest.normalize.FingerprintEncoder;
import io.agentdlp.ingest.policy.EdgePolicy;
import io.agentdlp.ingest.policy.PolicySettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM-API egress proxy: agents point {@code ANTHROPIC_BASE_URL}, {@code OPENAI_BASE_URL} or
 * {@code GOOGLE_GEMINI_BASE_URL} at it; it inspects what each request adds to the conversation,
 * blocks or forwards per policy, relays responses unbuffered and publishes one event per new block.
 */
public final class EgressProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EgressProxy.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final ConnectProxy connect;

    private EgressProxy(HttpServer server, ExecutorService executor, ConnectProxy connect) {
        this.server = server;
        this.executor = executor;
        this.connect = connect;
    }

    /**
     * Starts the proxy enforcing a policy kept current by the caller ({@code ask} forwards with a
     * warning).
     *
     * @param detector the detectors run on new blocks (secrets, personal data, ...)
     * @param policy   the current policy (re-read per request, so a new version applies at once)
     * @param sink     where events go (Kafka or the gateway, spooled when down)
     */
    public static EgressProxy start(ProxyConfig config, TextDetector detector, Supplier<PolicyEngine> policy,
                                    ProxyEvents sink, MeterRegistry meters) throws IOException {
        return start(config, detector, policy, PolicySettings.AskFallback.WARN,
                () -> ProxyStatus.inProcess(policy.get()), sink, meters);
    }

    /**
     * Starts the proxy enforcing an edge policy: a policy file, or the cached and gateway-synced
     * version, as the sensor does; {@code GET /agentdlp/status} reports the version it enforces.
     */
    public static EgressProxy start(ProxyConfig config, TextDetector detector, EdgePolicy policy, ProxyEvents sink,
                                    MeterRegistry meters) throws IOException {
        return start(config, detector, policy::engineOrAllowAll, policy.askFallback(), policy::statusJson, sink, meters);
    }

    private static EgressProxy start(ProxyConfig config, TextDetector detector, Supplier<PolicyEngine> policy,
                                     PolicySettings.AskFallback askFallback, Supplier<String> policyStatus, ProxyEvents sink,
                                     MeterRegistry meters) throws IOException {
        // without it every keep-alive request from an agent waits ~40 ms for delayed ACKs
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpClient client = upstreamClient(config);
        ProxyEventFactory events = new ProxyEventFactory(config.device(), config.privacyMode(),
                config.privacyMode() ? new FingerprintEncoder(Fingerprinter.withDefaults()) : null, Clock.systemUTC());
        RequestInspector inspector = new RequestInspector(detector, policy, config.enforcement(), config.device(), askFallback);
        SeenBlocks seen = new SeenBlocks(10_000, 20_000, Duration.ofHours(12).toMillis(), Clock.systemUTC());
        HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
        ExecutorService executor = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "agentdlp-proxy");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new ProxyHandler(config, client, inspector, seen, events, sink, new ProxyMetrics(meters)));
        server.createContext(ProxyStatus.PATH, new ProxyStatus(policyStatus));
        if (meters instanceof PrometheusMeterRegistry prometheus) {
            server.createContext(ProxyMetricsPage.PATH, new ProxyMetricsPage(prometheus));
        }
        Gauge.builder("agentdlp_proxy_policy_version", () -> policy.get().document().version())
                .description("version of the access policy the proxy enforces").register(meters);
        server.start();
        ConnectProxy connect = config.forwardProxyPort() >= 0
                ? new ConnectProxy(config.host(), config.forwardProxyPort(), policy, askFallback, events, sink, config.device()) : null;
        PolicyEngine p = policy.get();
        log.info("event=proxy_started address={}:{} forwardProxyPort={} enforcement={} privacyMode={} policy_id={} policy_version={}",
                config.host(), server.getAddress().getPort(), connect == null ? "off" : connect.port(), config.enforcement(),
                config.privacyMode(), p.document().id(), p.document().version());
        return new EgressProxy(server, executor, connect);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Port of the CONNECT forward proxy, or -1 when it is off. */
    public int forwardProxyPort() {
        return connect == null ? -1 : connect.port();
    }

    private static HttpClient upstreamClient(ProxyConfig config) throws IOException {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        if (config.trustStore() != null) {
            try (InputStream in = Files.newInputStream(config.trustStore())) {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(in, config.trustStorePassword());
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                SSLContext ssl = SSLContext.getInstance("TLS");
                ssl.init(null, tmf.getTrustManagers(), null);
                b.sslContext(ssl);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot load upstream trust store " + config.trustStore() + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        executor.shutdownNow();
        if (connect != null) {
            connect.close();
        }
    }
}
