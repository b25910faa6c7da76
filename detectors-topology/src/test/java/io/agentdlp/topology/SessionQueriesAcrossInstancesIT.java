package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.kafka.embedded.EmbeddedKafka;
import io.agentdlp.registry.server.RegistryServerConfig;
import io.agentdlp.registry.server.SchemaRegistryServer;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.agentdlp.topology.config.TopologyConfig;

/**
 * Two topology instances of one application on a real broker, each announcing its HTTP API as
 * {@code application.server} (port 0: the port it bound): {@code GET /v1/sessions/{id}} and its
 * timeline answer the same on both instances for sessions owned by either, the non-owner asking the
 * owner found through Kafka Streams' key metadata.
 */
class SessionQueriesAcrossInstancesIT {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedKafka kafka;
    private static SchemaRegistryServer registry;
    private static final List<DlpApplication> apps = new ArrayList<>();
    private static final List<Path> dirs = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        kafka = EmbeddedKafka.startTemporary();
        registry = SchemaRegistryServer.start(RegistryServerConfig.builder(kafka.bootstrapServers()).port(0)
                .replicationFactor(1).build());
        for (int i = 0; i < 2; i++) {
            Path dir = Files.createTempDirectory("agentdlp-it-two-");
            dirs.add(dir);
            apps.add(DlpApplication.start(TopologyConfig.defaults()
                    .with("bootstrap.servers", kafka.bootstrapServers())
                    .with("schema.registry.url", registry.url())
                    .with("application.id", "dlp-it-two")
                    .with("state.dir", dir.toString())
                    .with("replication.factor", "1")
                    .with("http.host", "127.0.0.1")
                    .with("http.port", "0")
                    .with("application.server", "127.0.0.1:0")
                    .with("detector.code.enabled", "false")
                    .with("hash.key", "integration-test-key-0123456789")
                    .with("streams.commit.interval.ms", "200")));
        }
    }

    @AfterAll
    static void stop() throws IOException {
        apps.forEach(DlpApplication::close);
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        for (Path dir : dirs) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void eachInstanceAnswersForSessionsTheOtherOwns() throws Exception {
        DlpApplication a = apps.get(0);
        DlpApplication b = apps.get(1);
        HostInfo hostA = new HostInfo("127.0.0.1", a.httpPort());
        HostInfo hostB = new HostInfo("127.0.0.1", b.httpPort());
        Await.until(Duration.ofSeconds(120), () -> running(a) && running(b)
                && owner(a, Events.DEVICE + ":probe") != null && hostsOwningPartitions(a) == 2);

        // Two sessions owned by each instance (by Streams' own key metadata).
        Map<String, HostInfo> owners = new LinkedHashMap<>();
        for (int i = 0; i < 200 && owners.size() < 4; i++) {
            String key = Events.DEVICE + ":sess-" + i;
            HostInfo owner = owner(a, key);
            long already = owners.values().stream().filter(owner::equals).count();
            if (already < 2) {
                owners.put(key, owner);
            }
        }
        assertThat(owners.values()).containsOnly(hostA, hostB).contains(hostA, hostB).hasSize(4);

        Map<String, List<String>> eventIds = new LinkedHashMap<>();
        TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", registry.url()));
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        var serializer = serdes.valueSerde(Topics.EGRESS_EVENTS).serializer();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, new StringSerializer(),
                new ByteArraySerializer())) {
            for (String key : owners.keySet()) {
                String session = key.substring(key.indexOf(':') + 1);
                List<AgentEgressEvent> sent = List.of(
                        withSession(Events.prompt(T0, "deploy with " + Events.GITHUB_TOKEN), session),
                        withSession(Events.read(T0.plusSeconds(1), "/home/dev/app/README.md"), session));
                eventIds.put(key, sent.stream().map(AgentEgressEvent::getEventId).toList());
                for (AgentEgressEvent e : sent) {
                    producer.send(new ProducerRecord<>(Topics.EGRESS_EVENTS.defaultName(), key,
                            serializer.serialize(Topics.EGRESS_EVENTS.defaultName(), e)));
                }
            }
            producer.flush();
        } finally {
            serdes.close();
        }

        for (String key : owners.keySet()) {
            String path = "/v1/sessions/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
            for (DlpApplication asked : List.of(a, b)) {
                String base = "http://127.0.0.1:" + asked.httpPort();
                Await.until(Duration.ofSeconds(60), () -> get(base + path).statusCode() == 200
                        && get(base + path + "/timeline").statusCode() == 200
                        && timelineEvents(get(base + path + "/timeline").body()).size() == 2);
                HttpResponse<String> summary = get(base + path);
                assertThat(summary.statusCode()).as("summary of %s owned by %s asked at %s", key, owners.get(key), base)
                        .isEqualTo(200);
                assertThat(JSON.readTree(summary.body()).get("sessionKey").asText()).isEqualTo(key);
                assertThat(summary.body()).contains("github-pat-classic").doesNotContain(Events.GITHUB_TOKEN);
                List<String> timelineIds = new ArrayList<>();
                timelineEvents(get(base + path + "/timeline").body()).forEach(e -> timelineIds.add(e.get("eventId").asText()));
                assertThat(timelineIds).isEqualTo(eventIds.get(key));
            }
        }
        // A session nobody has: the owner's 404, relayed by the other instance.
        String unknown = "/v1/sessions/" + URLEncoder.encode(Events.DEVICE + ":never-seen", StandardCharsets.UTF_8);
        assertThat(get("http://127.0.0.1:" + a.httpPort() + unknown).statusCode()).isEqualTo(404);
        assertThat(get("http://127.0.0.1:" + b.httpPort() + unknown).statusCode()).isEqualTo(404);
    }

    private static JsonNode timelineEvents(String timeline) {
        try {
            return JSON.readTree(timeline).get("events");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AgentEgressEvent withSession(AgentEgressEvent e, String session) {
        return AgentEgressEvent.newBuilder(e).setSessionId(session).build();
    }

    private static boolean running(DlpApplication app) {
        return app.streams().state() == KafkaStreams.State.RUNNING;
    }

    private static HostInfo owner(DlpApplication app, String key) {
        KeyQueryMetadata m = app.streams().queryMetadataForKey(DlpTopology.SESSION_STORE, key, new StringSerializer());
        return m == null || m == KeyQueryMetadata.NOT_AVAILABLE ? null : m.activeHost();
    }

    private static long hostsOwningPartitions(DlpApplication app) {
        return app.streams().metadataForAllStreamsClients().stream()
                .filter(m -> m.topicPartitions().stream().anyMatch(tp -> tp.topic().equals(Topics.EGRESS_EVENTS.defaultName())))
                .count();
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
