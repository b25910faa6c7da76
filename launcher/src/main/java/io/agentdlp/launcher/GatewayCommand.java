package io.agentdlp.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import javax.net.ssl.SSLContext;

import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.ingest.gateway.GatewayConfig;
import io.agentdlp.ingest.gateway.GatewayServer;
import io.agentdlp.ingest.gateway.PolicyFeed;
import io.agentdlp.ingest.gateway.TokenStore;
import io.agentdlp.ingest.http.TlsContexts;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agentdlp gateway}: the ingest gateway (events and OTLP logs over HTTPS into Kafka), and its token file. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = {"Run the ingest gateway: POST /v1/events (agent-event/v1 JSON) and POST /v1/logs (OTLP/HTTP) into Kafka, "
                + "GET /v1/policies/<id> (access policies for sensors, from the dlp-policies topic), "
                + "answering only after Kafka acknowledged; per-sensor bearer tokens (hashed, reloaded on change), optional mTLS, "
                + "rate limits, /metrics and /health. See docs/ingest.md."})
final class GatewayCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Bind address (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tokens-file", defaultValue = "${env:AGENTDLP_GATEWAY_TOKENS:-.agentdlp/gateway/tokens}",
            description = "Hashed sensor tokens, re-read on change (default ${DEFAULT-VALUE}).")
    Path tokensFile;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:AGENTDLP_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (default ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = "--schema-registry", defaultValue = "${env:AGENTDLP_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry URL (default ${DEFAULT-VALUE}).")
    String schemaRegistry;

    @Option(names = "--topic", defaultValue = "agent-egress-events", description = "Egress topic (default ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE", description = "Extra producer setting; repeatable.")
    Map<String, String> kafkaProperties = new HashMap<>();

    @Option(names = "--tls-keystore", description = "PKCS#12 key store with the gateway's certificate: serve HTTPS.")
    Path keyStore;

    @Option(names = "--tls-truststore", description = "PKCS#12 trust store with the CA of sensor client certificates.")
    Path trustStore;

    @Option(names = "--require-client-cert", description = "mTLS: require a client certificate signed by --tls-truststore.")
    boolean requireClientCert;

    @Option(names = "--tls-password-env", defaultValue = "AGENTDLP_TLS_PASSWORD",
            description = "Environment variable with the key/trust store password (default ${DEFAULT-VALUE}).")
    String passwordEnv;

    @Option(names = "--max-body-bytes", defaultValue = "16777216", description = "Largest request (413 above; default 16 MiB).")
    long maxBody;

    @Option(names = "--max-inflight-bytes", defaultValue = "268435456", description = "Bytes in flight before 503 (default 256 MiB).")
    long maxInFlight;

    @Option(names = "--rate", defaultValue = "2000", description = "Default events/s per token (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--burst", defaultValue = "20000", description = "Default burst per token (default ${DEFAULT-VALUE}).")
    long burst;

    @Option(names = "--policies-topic", defaultValue = "dlp-policies",
            description = "Compacted policies topic served to sensors on GET /v1/policies/<id> (default ${DEFAULT-VALUE}).")
    String policiesTopic;

    @Option(names = "--no-policies", description = "Do not distribute policies (GET /v1/policies answers 503).")
    boolean noPolicies;

    @Option(names = "--threads", defaultValue = "16", description = "Request threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws Exception {
        char[] pw = System.getenv(passwordEnv) == null ? new char[0] : System.getenv(passwordEnv).toCharArray();
        SSLContext ssl = keyStore == null ? null : TlsContexts.create(keyStore, pw, trustStore, pw);
        GatewayConfig config = new GatewayConfig(host, port, tokensFile, ssl, requireClientCert, maxBody, maxInFlight,
                Duration.ofSeconds(30), threads, rate, burst);
        Map<String, Object> p = new HashMap<>(kafkaProperties);
        p.put("bootstrap.servers", bootstrap);
        p.put("max.block.ms", 2000);
        TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", schemaRegistry));
        KafkaEventPublisher kafka = KafkaEventPublisher.create(p, serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(), topic);
        PolicyFeed policies = null;
        if (!noPolicies) {
            Map<String, Object> c = new HashMap<>(kafkaProperties);
            c.put("bootstrap.servers", bootstrap);
            policies = new PolicyFeed(c, serdes.valueSerde(Topics.POLICIES).deserializer(), policiesTopic).start();
        }
        try (GatewayServer gw = GatewayServer.start(config, kafka, topic, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Clock.systemUTC(), policies)) {
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "agentdlp-gateway-shutdown"));
            System.out.println("agentdlp gateway is up on " + (ssl == null ? "http" : "https") + "://" + gw.address()
                    + " (tokens: " + tokensFile.toAbsolutePath() + ", Kafka: " + bootstrap + ")");
            stop.await();
        }
        return 0;
    }

    @Command(name = "token-add", mixinStandardHelpOptions = true,
            description = "Create a sensor token: its hash goes to the tokens file, the token is printed once.")
    int tokenAdd(@Option(names = "--name", required = true, description = "Sensor name (one word).") String name,
                 @Option(names = "--device", description = "Device id bound to the token (the sensor's 'sensor status' device_id); "
                         + "events of other devices are rejected.") String device,
                 @Option(names = "--user", description = "User id bound to the token; events of other users are rejected.") String user,
                 @Option(names = "--email", description = "E-mail bound to the token; events of other e-mails are rejected.") String email,
                 @Option(names = "--groups", split = ",", description = "Teams / groups of the user, policy subjects (comma-separated).")
                 List<String> groups,
                 @Option(names = "--token-rate", description = "Events/s for this token.") Double tokenRate,
                 @Option(names = "--token-burst", description = "Burst for this token.") Long tokenBurst) throws Exception {
        List<String> opts = new ArrayList<>();
        if (device != null) {
            opts.add("device=" + device);
        }
        if (user != null) {
            opts.add("user=" + user);
        }
        if (email != null) {
            opts.add("email=" + email);
        }
        if (groups != null && !groups.isEmpty()) {
            opts.add("groups=" + String.join(",", groups));
        }
        if (tokenRate != null) {
            opts.add("rate=" + tokenRate);
        }
        if (tokenBurst != null) {
            opts.add("burst=" + tokenBurst);
        }
        System.out.println(TokenStore.issue(tokensFile, name, String.join(" ", opts)));
        return 0;
    }

    @Command(name = "token-revoke", mixinStandardHelpOptions = true,
            description = "Revoke every token of a sensor name; a running gateway notices within a second.")
    int tokenRevoke(@Option(names = "--name", required = true) String name) throws Exception {
        List<String> lines = Files.readAllLines(tokensFile, StandardCharsets.UTF_8);
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).strip().split("\\s+");
            if (parts.length >= 2 && parts[1].equals(name) && !lines.get(i).contains(" revoked")) {
                lines.set(i, lines.get(i).strip() + " revoked");
                n++;
            }
        }
        Files.write(tokensFile, lines, StandardCharsets.UTF_8);
        System.out.println("revoked " + n + " token(s) of " + name);
        return n > 0 ? 0 : 1;
    }
}
