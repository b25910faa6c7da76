package io.agentdlp.launcher;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.TextDetector;
import io.agentdlp.detection.pii.PiiOptions;
import io.agentdlp.detection.pii.PiiScanner;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.detection.policy.PolicyFile;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.ingest.delivery.EventPublisher;
import io.agentdlp.ingest.delivery.GatewayEventPublisher;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.ingest.delivery.Spool;
import io.agentdlp.ingest.delivery.SpoolConfig;
import io.agentdlp.ingest.delivery.SpoolingPublisher;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.policy.EdgePolicy;
import io.agentdlp.ingest.policy.PolicyBundle;
import io.agentdlp.ingest.policy.PolicySettings;
import io.agentdlp.ingest.policy.PolicySubject;
import io.agentdlp.ingest.proxy.EgressProxy;
import io.agentdlp.ingest.proxy.Enforcement;
import io.agentdlp.ingest.proxy.ProxyConfig;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agentdlp proxy}: the LLM-API egress proxy as its own process. */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = {"Run the LLM-API egress proxy: point ANTHROPIC_BASE_URL at http://HOST:PORT/anthropic,",
                "OPENAI_BASE_URL at http://HOST:PORT/openai/v1, GOOGLE_GEMINI_BASE_URL at http://HOST:PORT/gemini.",
                "It inspects what each request adds to the conversation, blocks or forwards per policy, relays",
                "responses unbuffered, and publishes events through a durable spool (see docs/proxy.md)."})
final class ProxyCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Listen address (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "${env:AGENTDLP_PROXY_PORT:-8787}", description = "Listen port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--forward-proxy-port", defaultValue = "-1",
            description = "CONNECT forward proxy for tool traffic; -1 = off (default ${DEFAULT-VALUE}).")
    int forwardProxyPort;

    @Option(names = "--upstream", paramLabel = "KEY=URL",
            description = "Upstream base URL per API: anthropic, openai, gemini (defaults: the public endpoints); repeatable.")
    Map<String, URI> upstreams = new HashMap<>();

    @Option(names = "--enforcement", defaultValue = "enforce",
            description = "monitor, warn, enforce (block from HIGH) or warn=SEV,enforce=SEV (default ${DEFAULT-VALUE}).")
    String enforcement;

    @Option(names = "--policy", description = "Enforce this local policy file instead of the gateway's (default without a gateway: the shipped default policy).")
    Path policyFile;

    @Option(names = "--policy-gateway", description = "Fetch the policy from this gateway (default: the --gateway URL), with the --gateway-token-file token.")
    URI policyGateway;

    @Option(names = "--policy-id", defaultValue = "default", description = "Policy document to enforce (default ${DEFAULT-VALUE}).")
    String policyId;

    @Option(names = "--policy-poll-ms", defaultValue = "2000",
            description = "How often the gateway is asked for a new policy version (default ${DEFAULT-VALUE}).")
    long policyPollMs;

    @Option(names = "--ask-fallback", defaultValue = "warn",
            description = "What a policy's 'ask' becomes (the proxy cannot ask the developer): warn (forward, X-Agentdlp-Warning) or deny (default ${DEFAULT-VALUE}).")
    String askFallback;

    @Option(names = "--privacy-mode", description = "Events carry sizes, hashes, winnowing fingerprints and redacted findings, never text.")
    boolean privacyMode;

    @Option(names = "--reject-malformed", description = "Answer 400 to a non-JSON body on an inspected path (default: forward).")
    boolean rejectMalformed;

    @Option(names = "--max-inspect-bytes", defaultValue = "16777216", description = "Larger bodies are forwarded uninspected and counted.")
    int maxInspectBytes;

    @Option(names = "--truststore", description = "Trust store for upstream TLS (default: the JVM's CAs); password in AGENTDLP_TLS_PASSWORD.")
    Path trustStore;

    @Option(names = "--data-dir", defaultValue = "${env:AGENTDLP_PROXY_DIR:-.agentdlp/proxy}",
            description = "Spool and policy cache directory (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-bootstrap", description = "Deliver events straight to Kafka.")
    String kafkaBootstrap;

    @Option(names = "--schema-registry", defaultValue = "${env:AGENTDLP_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry for Kafka delivery (default ${DEFAULT-VALUE}).")
    String schemaRegistry;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE", description = "Extra producer setting (security.protocol, sasl.*, ssl.*); repeatable.")
    Map<String, String> kafkaProperties = new HashMap<>();

    @Option(names = "--gateway", description = "Deliver events to the ingest gateway at this URL instead.")
    URI gateway;

    @Option(names = "--gateway-token-file", description = "File holding the gateway bearer token.")
    Path gatewayTokenFile;

    @Option(names = "--hash-key-file", description = "Deployment keyed-hash key file (so findings correlate with the topology's).")
    Path hashKeyFile;

    @Option(names = "--device-id", defaultValue = "${env:AGENTDLP_DEVICE_ID:-proxy}", description = "Identity put on events (default ${DEFAULT-VALUE}).")
    String deviceId;

    @Override
    public Integer call() throws Exception {
        Map<String, URI> up = new HashMap<>(ProxyConfig.publicUpstreams());
        up.putAll(upstreams);
        String pw = System.getenv("AGENTDLP_TLS_PASSWORD");
        ProxyConfig config = new ProxyConfig(host, port, up, Enforcement.parse(enforcement), maxInspectBytes, rejectMalformed,
                privacyMode, trustStore, pw == null ? null : pw.toCharArray(), DeviceContext.local(deviceId, null), forwardProxyPort);
        KeyedHasher hasher = KeyedHasher.fromSecret(hashKeyFile != null ? Files.readString(hashKeyFile).trim()
                : requireEnv("AGENTDLP_HASH_KEY"));
        TextDetector detectors = TextDetector.all(List.of(
                SecretScanner.builder().catalog(RuleCatalog.builtIn()).hasher(hasher).build(),
                new PiiScanner(hasher, PiiOptions.defaults())));
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        try (EdgePolicy policy = openPolicy(config.device());
             SpoolingPublisher events = new SpoolingPublisher(Spool.open(SpoolConfig.defaults(dataDir.resolve("spool"))),
                upstream(), upstreamName(), SpoolingPublisher.Options.defaults(), Clock.systemUTC());
             EgressProxy proxy = EgressProxy.start(config, detectors, policy,
                     e -> events.publish(List.of(e)).join(), meters)) {
            CountDownLatch stop = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                try {
                    stopped.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "agentdlp-proxy-shutdown"));
            PolicyEngine enforced = policy.engineOrAllowAll();
            System.out.println("agentdlp proxy is up on http://" + host + ":" + proxy.port() + " (enforcement " + enforcement
                    + ", events to " + upstreamName() + ", policy " + enforced.document().id() + " v" + enforced.document().version()
                    + (policy.sync() != null ? " synced from " + policy.sync().url() : "") + "; status: GET /agentdlp/status, metrics: GET /agentdlp/metrics)");
            try {
                stop.await();
            } finally {
                stopped.countDown();
            }
        }
        return 0;
    }

    /** A policy file; else the gateway (the cache first); else only the cache. */
    private PolicySettings policySettings() throws java.io.IOException {
        PolicySettings.AskFallback fallback = switch (askFallback) {
            case "deny" -> PolicySettings.AskFallback.DENY;
            case "warn" -> PolicySettings.AskFallback.WARN;
            default -> throw new IllegalArgumentException("--ask-fallback must be deny or warn");
        };
        PolicySettings none = new PolicySettings(null, null, null, null, policyId, Duration.ofMillis(policyPollMs), fallback);
        if (policyFile != null) {
            return none.withFile(policyFile);
        }
        URI from = policyGateway != null ? policyGateway : gateway;
        if (from != null) {
            if (gatewayTokenFile == null) {
                throw new IllegalArgumentException("fetching the policy from the gateway needs --gateway-token-file");
            }
            return none.withGateway(from, Files.readString(gatewayTokenFile).trim(), null, Duration.ofMillis(policyPollMs));
        }
        return none;
    }

    /** The policy to enforce: {@link #policySettings()}, and the shipped default when that yields none (no file, gateway or cache). */
    private EdgePolicy openPolicy(DeviceContext device) throws java.io.IOException {
        EdgePolicy policy = EdgePolicy.open(policySettings(), device, dataDir, Clock.systemUTC());
        if (policy.enforced().current() == null && policy.sync() == null) {
            try (InputStream in = PolicyFile.class.getResourceAsStream("default-policy.yaml")) {
                PolicyDocument shipped = PolicyFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-policy.yaml");
                policy.enforced().install(new PolicyBundle(shipped, PolicySubject.unbound()), "shipped-default");
            }
        }
        return policy.start();
    }

    private EventPublisher upstream() throws java.io.IOException {
        if (gateway != null) {
            if (gatewayTokenFile == null) {
                throw new IllegalArgumentException("--gateway needs --gateway-token-file");
            }
            return new GatewayEventPublisher(gateway, Files.readString(gatewayTokenFile).trim(), null, Duration.ofSeconds(30));
        }
        if (kafkaBootstrap == null) {
            throw new IllegalArgumentException("choose where events go: --kafka-bootstrap <servers> or --gateway <url>");
        }
        Map<String, Object> p = new HashMap<>(kafkaProperties);
        p.put("bootstrap.servers", kafkaBootstrap);
        TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", schemaRegistry));
        return KafkaEventPublisher.create(p, serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(), "agent-egress-events");
    }

    private String upstreamName() {
        return gateway != null ? "gateway:" + gateway.getHost() : "kafka:" + kafkaBootstrap;
    }

    private static String requireEnv(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("set " + name + " or --hash-key-file: the deployment's keyed-hash key");
        }
        return v;
    }
}
