package io.agentdlp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.CommonClientConfigs;

import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.TextDetector;
import io.agentdlp.detection.pii.PiiOptions;
import io.agentdlp.detection.pii.PiiScanner;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.detection.policy.PolicyFile;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.ingest.delivery.Spool;
import io.agentdlp.ingest.delivery.SpoolConfig;
import io.agentdlp.ingest.delivery.SpoolingPublisher;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.proxy.EgressProxy;
import io.agentdlp.ingest.proxy.Enforcement;
import io.agentdlp.ingest.proxy.ProxyConfig;
import io.agentdlp.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The real egress proxy in front of a {@link FakeModelProvider}, wired the way {@code agentdlp proxy}
 * wires it: monitor-only, the deployment's keyed hash, events spooled and forwarded to Kafka. A test
 * plays Claude Code by posting Anthropic Messages requests to it.
 */
final class ModelProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeModelProvider provider;
    private final SpoolingPublisher events;
    private final EgressProxy proxy;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ModelProxy(FakeModelProvider provider, SpoolingPublisher events, EgressProxy proxy) {
        this.provider = provider;
        this.events = events;
        this.proxy = proxy;
    }

    /** Starts the provider stand-in and the proxy; {@code privacyMode} as {@code agentdlp proxy --privacy-mode}. */
    static ModelProxy start(Pipeline pipeline, Path spoolDir, DeviceContext device, boolean privacyMode) throws IOException {
        FakeModelProvider provider = new FakeModelProvider();
        KafkaEventPublisher kafka = KafkaEventPublisher.create(
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()),
                pipeline.serdes().valueSerde(Topics.EGRESS_EVENTS).serializer(), Topics.EGRESS_EVENTS.defaultName());
        SpoolingPublisher events = new SpoolingPublisher(Spool.open(SpoolConfig.defaults(spoolDir)), kafka,
                "kafka:" + pipeline.bootstrapServers(), SpoolingPublisher.Options.defaults(), Clock.systemUTC());
        try {
            ProxyConfig config = new ProxyConfig("127.0.0.1", 0, Map.of("anthropic", provider.uri(), "openai", provider.uri(),
                    "gemini", provider.uri()), Enforcement.monitorOnly(), 1024 * 1024, false, privacyMode, null, null, device, -1);
            KeyedHasher hasher = KeyedHasher.fromSecret(TopologySettings.HASH_KEY);
            TextDetector detectors = TextDetector.all(List.of(
                    SecretScanner.builder().catalog(RuleCatalog.builtIn()).hasher(hasher).build(),
                    new PiiScanner(hasher, PiiOptions.defaults())));
            PolicyEngine policy = new PolicyEngine(PolicyFile.parse("default: allow\n", "it-proxy-policy"));
            EgressProxy proxy = EgressProxy.start(config, detectors, () -> policy, e -> events.publish(List.of(e)).join(),
                    new SimpleMeterRegistry());
            return new ModelProxy(provider, events, proxy);
        } catch (IOException | RuntimeException e) {
            events.close();
            provider.close();
            throw e;
        }
    }

    /** Claude Code's request for one user turn; returns the HTTP status the agent got. */
    int sendUserTurn(String session, String text) {
        Map<String, Object> body = Map.of("model", "claude-sonnet-4-5", "max_tokens", 1024,
                "system", List.of(Map.of("type", "text", "text", "You are Claude Code, Anthropic's official CLI for Claude.")),
                "messages", List.of(Map.of("role", "user", "content", List.of(Map.of("type", "text", "text", text)))));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/v1/messages"))
                    .header("content-type", "application/json")
                    .header("anthropic-version", "2023-06-01")
                    .header("x-api-key", "sk-ant-api03-it-placeholder-not-a-credential")
                    .header("x-claude-code-session-id", session)
                    .header("User-Agent", "claude-cli/2.1.240 (external, cli)")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending through the proxy", e);
        }
    }

    FakeModelProvider provider() {
        return provider;
    }

    @Override
    public void close() throws IOException {
        try {
            proxy.close();
        } finally {
            events.close();
            provider.close();
        }
    }
}
