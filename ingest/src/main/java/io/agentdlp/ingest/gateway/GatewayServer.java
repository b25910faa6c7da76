package io.agentdlp.ingest.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.ingest.http.HttpServers;
import io.agentdlp.ingest.http.Responses;
import io.agentdlp.ingest.normalize.ContentFactory;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.normalize.OtelLogNormalizer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest gateway: {@code POST /v1/events} and {@code POST /v1/logs} into Kafka for sensors that
 * may not talk to Kafka, {@code GET /v1/policies/<id>} (policy distribution to sensors, from the
 * {@code dlp-policies} topic), {@code GET /health} and {@code GET /metrics} (Prometheus text).
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private final HttpServer server;
    private final ExecutorService pool;
    private final KafkaEventPublisher kafka;
    private final KafkaClientMetrics kafkaMetrics;
    private final TokenStore tokens;
    private final PolicyFeed policies;

    private GatewayServer(HttpServer server, ExecutorService pool, KafkaEventPublisher kafka, KafkaClientMetrics kafkaMetrics,
                          TokenStore tokens, PolicyFeed policies) {
        this.policies = policies;
        this.server = server;
        this.pool = pool;
        this.kafka = kafka;
        this.kafkaMetrics = kafkaMetrics;
        this.tokens = tokens;
    }

    /**
     * Starts the gateway.
     *
     * @param config   settings
     * @param kafka    producer of the egress topic (closed with the gateway)
     * @param topic    egress topic name (for the health check)
     * @param registry meter registry served on {@code /metrics}
     */
    public static GatewayServer start(GatewayConfig config, KafkaEventPublisher kafka, String topic, PrometheusMeterRegistry registry,
                                      Clock clock) throws IOException {
        return start(config, kafka, topic, registry, clock, null);
    }

    /**
     * Starts the gateway with policy distribution.
     *
     * @param policies the started feed of the policies topic (closed with the gateway), or null: {@code /v1/policies} answers 503
     */
    public static GatewayServer start(GatewayConfig config, KafkaEventPublisher kafka, String topic, PrometheusMeterRegistry registry,
                                      Clock clock, PolicyFeed policies) throws IOException {
        TokenStore tokens = new TokenStore(config.tokensFile(), config.defaultRate(), config.defaultBurst());
        GatewayMetrics metrics = new GatewayMetrics(registry);
        KafkaClientMetrics kafkaMetrics = new KafkaClientMetrics(kafka.producer());
        kafkaMetrics.bindTo(registry);
        ExecutorService pool = HttpServers.pool("agentdlp-gateway-http", config.threads());
        HttpServer server = config.ssl() == null
                ? HttpServers.http(config.host(), config.port(), pool)
                : HttpServers.https(config.host(), config.port(), pool, config.ssl(), config.requireClientCert());
        RateLimiter limiter = new RateLimiter();
        // OTLP records name no device; each request's device comes from its credential
        OtelLogNormalizer otel = new OtelLogNormalizer(new DeviceContext("gateway", null, null, null, null),
                ContentFactory.standard(), clock);
        server.createContext("/v1/events", new EventsEndpoint(config, tokens, limiter, kafka, metrics));
        server.createContext("/v1/logs", new LogsEndpoint(config, tokens, limiter, kafka, metrics, otel));
        server.createContext(PoliciesEndpoint.PATH, new PoliciesEndpoint(config, tokens, policies, metrics));
        server.createContext("/metrics", ex -> Responses.send(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape().getBytes(StandardCharsets.UTF_8)));
        server.createContext("/health", ex -> {
            boolean kafkaUp = kafkaReachable(kafka, topic);
            Responses.json(ex, kafkaUp ? 200 : 503, "{\"status\":\"" + (kafkaUp ? "up" : "degraded") + "\",\"kafka\":\""
                    + (kafkaUp ? "reachable" : "unreachable") + "\",\"tokens\":" + tokens.size() + "}");
        });
        server.start();
        LOG.info("event=gateway_started address={} tls={} client_cert_required={} tokens={} topic={}",
                server.getAddress(), config.ssl() != null, config.requireClientCert(), tokens.size(), topic);
        return new GatewayServer(server, pool, kafka, kafkaMetrics, tokens, policies);
    }

    private static boolean kafkaReachable(KafkaEventPublisher kafka, String topic) {
        try {
            return CompletableFuture.supplyAsync(() -> !kafka.producer().partitionsFor(topic).isEmpty())
                    .get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("event=health_kafka_unreachable error={}", e.toString());
            return false;
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public TokenStore tokens() {
        return tokens;
    }

    /** Stops accepting, lets running requests finish (up to 5 s), closes the producer. */
    @Override
    public void close() {
        server.stop(1);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (policies != null) {
            policies.close();
        }
        kafkaMetrics.close();
        kafka.close();
        LOG.info("event=gateway_stopped");
    }
}
