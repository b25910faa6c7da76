package io.agentdlp.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.ingest.normalize.AgentEventJson;
import io.agentdlp.ingest.normalize.ContentFactory;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.normalize.HookNormalizer;
import io.agentdlp.ingest.normalize.OtelLogNormalizer;
import io.agentdlp.ingest.samples.Fixtures;
import io.agentdlp.ingest.samples.HookSample;
import io.agentdlp.ingest.samples.HookSamples;
import io.agentdlp.ingest.samples.OtelSample;
import io.agentdlp.ingest.samples.OtelSamples;
import io.agentdlp.ingest.samples.OtlpJson;
import io.agentdlp.ingest.samples.Stamped;
import io.agentdlp.kafka.embedded.EmbeddedKafka;
import io.agentdlp.serde.SpecificAvroDeserializer;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The gateway against a real in-JVM Kafka broker, read back by an independent consumer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayIT {
    private static final String REGISTRY = "mock://gateway-it";
    private static final String TOPIC = Topics.EGRESS_EVENTS.defaultName();

    @TempDir
    static Path dir;
    private EmbeddedKafka kafka;
    private GatewayServer gateway;
    private KafkaConsumer<String, AgentEgressEvent> consumer;
    private Path tokens;
    private String token;
    private String slowToken;
    private String revocable;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void start() throws IOException {
        kafka = EmbeddedKafka.startTemporary();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicProvisioner(admin, TopicNames.defaults(), (short) 1).ensure(List.of(Topics.EGRESS_EVENTS));
        }
        tokens = dir.resolve("tokens");
        token = TokenStore.issue(tokens, "laptop-42", "device=dev-7f3a");
        slowToken = TokenStore.issue(tokens, "slow", "rate=1 burst=3");
        revocable = TokenStore.issue(tokens, "to-revoke", "");
        gateway = GatewayServer.start(GatewayConfig.defaults(tokens).withAddress("127.0.0.1", 0).withLimits(256 * 1024, 64L << 20),
                publisher(kafka.bootstrapServers()), TOPIC, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Fixtures.CLOCK);

        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-it");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        SpecificAvroDeserializer<AgentEgressEvent> values = new SpecificAvroDeserializer<>(AgentEgressEvent.class);
        values.configure(Map.of("schema.registry.url", REGISTRY, "specific.avro.reader", true), false);
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), values);
        consumer.subscribe(List.of(TOPIC));
    }

    private static KafkaEventPublisher publisher(String bootstrap) {
        TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", REGISTRY));
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        return KafkaEventPublisher.create(p, serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(), TOPIC);
    }

    @AfterAll
    void stop() {
        consumer.close();
        gateway.close();
        kafka.close();
    }

    private String base() {
        return "http://127.0.0.1:" + gateway.address().getPort();
    }

    HttpResponse<byte[]> post(String path, String bearer, String contentType, String encoding, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (encoding != null) {
            b.header("Content-Encoding", encoding);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Reads exactly {@code n} more records (failing if fewer arrive), then checks nothing else follows. */
    private synchronized List<ConsumerRecord<String, AgentEgressEvent>> consume(int n) {
        List<ConsumerRecord<String, AgentEgressEvent>> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (out.size() < n && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(out::add);
        }
        consumer.poll(Duration.ofMillis(300)).forEach(out::add);
        assertThat(out).hasSize(n);
        return out;
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void everyHookSampleBatchReachesKafkaFieldByField() throws Exception {
        HookNormalizer normalizer = new HookNormalizer(Fixtures.DEVICE, Fixtures.REPOS, ContentFactory.standard(), Fixtures.CLOCK);
        List<AgentEgressEvent> events = new ArrayList<>();
        Map<String, java.util.function.Consumer<AgentEgressEvent>> expect = new HashMap<>();
        for (HookSample s : HookSamples.all()) {
            List<AgentEgressEvent> made = normalizer.normalize(s.agent(), s.event(), s.bytes()).events();
            for (int i = 0; i < made.size(); i++) {
                expect.put(made.get(i).getEventId(), s.expect().get(i));
            }
            events.addAll(made);
        }
        HttpResponse<byte[]> r = post("/v1/events", token, "application/json", "gzip", gzip(AgentEventJson.writeBatch(events)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"accepted\":" + events.size() + "}");

        List<ConsumerRecord<String, AgentEgressEvent>> got = consume(events.size());
        for (ConsumerRecord<String, AgentEgressEvent> rec : got) {
            AgentEgressEvent e = rec.value();
            Stamped.assertStamped(e);
            expect.get(e.getEventId()).accept(e);
            assertThat(rec.key()).isEqualTo("dev-7f3a:" + (e.getSessionId() == null ? "" : e.getSessionId()));
        }
        assertThat(got).extracting(x -> x.value().getEventId()).containsExactlyInAnyOrderElementsOf(expect.keySet());
    }

    @Test
    void everyOtelSampleReachesKafkaAsProtobufAndGzippedJson() throws Exception {
        for (OtelSample s : OtelSamples.all()) {
            HttpResponse<byte[]> proto = post("/v1/logs", token, "application/x-protobuf", null, s.request().toByteArray());
            assertThat(proto.statusCode()).as(s.name()).isEqualTo(200);
            assertThat(ExportLogsServiceResponse.parseFrom(proto.body()).hasPartialSuccess()).isFalse();
            HttpResponse<byte[]> json = post("/v1/logs", token, "application/json", "gzip", gzip(OtlpJson.of(s.request())));
            assertThat(json.statusCode()).as(s.name()).isEqualTo(200);
            assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        }
        List<AgentEgressEvent> got = consume(2 * OtelSamples.all().size()).stream().map(ConsumerRecord::value).toList();
        OtelLogNormalizer asGateway = new OtelLogNormalizer(new DeviceContext("dev-7f3a", null, null, null, null),
                ContentFactory.standard(), Fixtures.CLOCK);
        for (OtelSample s : OtelSamples.all()) {
            String id = asGateway.normalize(s.request()).events().get(0).getEventId();
            List<AgentEgressEvent> mine = got.stream().filter(e -> e.getEventId().equals(id)).toList();
            assertThat(mine).as(s.name() + ": one event per encoding, same idempotent id").hasSize(2);
            for (AgentEgressEvent e : mine) {
                assertThat(e.getDevice().getId()).isEqualTo("dev-7f3a");
                assertThat(e.getIngestTime()).isEqualTo(Fixtures.NOW);
                s.expect().accept(e);
            }
        }
    }

    @Test
    void otlpPartialSuccessPublishesOnlyTheGoodRecords() throws Exception {
        var good = OtelSamples.all().get(1).request();
        var mixed = good.toBuilder().setResourceLogs(0, good.getResourceLogs(0).toBuilder()
                .setScopeLogs(0, good.getResourceLogs(0).getScopeLogs(0).toBuilder()
                        .addLogRecords(LogRecord.newBuilder().setTimeUnixNano(1).build()))).build();
        HttpResponse<byte[]> r = post("/v1/logs", token, "application/x-protobuf", null, mixed.toByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ExportLogsServiceResponse.parseFrom(r.body()).getPartialSuccess().getRejectedLogRecords()).isEqualTo(1);
        assertThat(consume(1).get(0).value().getKind()).hasToString("prompt");
    }

    @Test
    void badRequestsGetTheRightStatusAndPublishNothing() throws Exception {
        HookNormalizer normalizer = new HookNormalizer(Fixtures.DEVICE, Fixtures.REPOS, ContentFactory.standard(), Fixtures.CLOCK);
        HookSample sample = HookSamples.all().get(0);
        List<AgentEgressEvent> one = normalizer.normalize(sample.agent(), sample.event(), sample.bytes()).events();
        byte[] good = AgentEventJson.writeBatch(one);
        String goodJson = new String(good, StandardCharsets.UTF_8);

        HttpResponse<byte[]> r = post("/v1/events", null, "application/json", null, good);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(post("/v1/events", "adlp_made_up", "application/json", null, good).statusCode()).isEqualTo(401);
        assertThat(post("/v1/logs", null, "application/x-protobuf", null, OtelSamples.all().get(0).request().toByteArray())
                .statusCode()).isEqualTo(401);

        r = post("/v1/events", token, "application/json", null, goodJson.replace("\"kind\":\"prompt\"", "\"kind\":\"mind_reading\"")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"message\":\"events[0].kind: unknown value (expected one of prompt,");
        r = post("/v1/events", token, "application/json", null, goodJson.substring(0, goodJson.length() / 2).getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("body: not valid JSON");
        r = post("/v1/events", token, "application/json", null,
                goodJson.replace("\"device\":{\"id\":\"dev-7f3a\",", "\"device\":{").getBytes(StandardCharsets.UTF_8));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("events[0].device.id: required");
        assertThat(post("/v1/events", token, "text/plain", null, good).statusCode()).isEqualTo(415);
        assertThat(post("/v1/events", token, null, null, good).statusCode()).isEqualTo(415);
        assertThat(post("/v1/logs", token, "application/xml", null, good).statusCode()).isEqualTo(415);
        assertThat(post("/v1/events", token, "application/json", null, new byte[300 * 1024]).statusCode()).isEqualTo(413);
        assertThat(post("/v1/events", token, "application/json", "gzip", gzip(new byte[2 << 20])).statusCode()).isEqualTo(413);
        byte[] proto = OtelSamples.all().get(0).request().toByteArray();
        r = post("/v1/logs", token, "application/x-protobuf", null, java.util.Arrays.copyOf(proto, proto.length - 7));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("not a valid protobuf ExportLogsServiceRequest");
        HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(URI.create(base() + "/v1/events"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(405);

        assertThat(post("/v1/events", token, "application/json", null, good).statusCode()).isEqualTo(200);
        List<ConsumerRecord<String, AgentEgressEvent>> got = consume(1);
        assertThat(got.get(0).value().getEventId()).isEqualTo(one.get(0).getEventId());
    }

    @Test
    void perTokenRateLimitsAnswer429WithRetryAfter() throws Exception {
        HookNormalizer normalizer = new HookNormalizer(Fixtures.DEVICE, Fixtures.REPOS, ContentFactory.standard(), Fixtures.CLOCK);
        List<AgentEgressEvent> two = new ArrayList<>();
        for (HookSample s : HookSamples.all().subList(0, 2)) {
            two.addAll(normalizer.normalize(s.agent(), s.event(), s.bytes()).events());
        }
        byte[] body = AgentEventJson.writeBatch(two);
        assertThat(post("/v1/events", slowToken, "application/json", null, body).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> limited = post("/v1/events", slowToken, "application/json", null, body);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(consume(2)).extracting(x -> x.value().getEventId()).containsExactlyInAnyOrderElementsOf(
                two.stream().map(AgentEgressEvent::getEventId).toList());
    }

    @Test
    void revokedTokensStopWorkingWithoutARestart() throws Exception {
        byte[] empty = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(post("/v1/events", revocable, "application/json", null, empty).statusCode()).isEqualTo(200);
        String hash = TokenStore.hash(revocable);
        String content = Files.readString(tokens);
        Files.writeString(tokens, content.replace("sha256:" + hash + " to-revoke", "sha256:" + hash + " to-revoke revoked"));
        int status = 200;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = post("/v1/events", revocable, "application/json", null, empty).statusCode();
        }
        assertThat(status).isEqualTo(401);
        assertThat(post("/v1/events", token, "application/json", null, empty).statusCode()).isEqualTo(200);
    }

    @Test
    void kafkaDownMeans503WithRetryAfterAndAHealthThatSaysSo() throws Exception {
        int deadPort;
        try (var s = new java.net.ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        try (GatewayServer down = GatewayServer.start(GatewayConfig.defaults(tokens).withAddress("127.0.0.1", 0),
                publisher("127.0.0.1:" + deadPort), TOPIC, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Fixtures.CLOCK)) {
            HookNormalizer normalizer = new HookNormalizer(Fixtures.DEVICE, Fixtures.REPOS, ContentFactory.standard(), Fixtures.CLOCK);
            HookSample s = HookSamples.all().get(0);
            byte[] body = AgentEventJson.writeBatch(normalizer.normalize(s.agent(), s.event(), s.bytes()).events());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + down.address().getPort() + "/v1/events"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + down.address().getPort() + "/health"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
        }
    }

    @Test
    void healthAndMetrics() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"kafka\":\"reachable\"");
        assertThat(post("/v1/events", null, "application/json", null, new byte[0]).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("agentdlp_gateway_requests_total", "agentdlp_gateway_rejects_total{reason=\"unauthenticated\"}",
                "agentdlp_gateway_inflight_bytes", "kafka_producer_");
    }

    private static void keytool(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    private static void keyPair(Path dir, String name, String dn) throws Exception {
        keytool(dir, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dn,
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", name + ".p12", "-storetype", "PKCS12", "-storepass", "changeit");
        keytool(dir, "-exportcert", "-alias", name, "-keystore", name + ".p12", "-storepass", "changeit", "-file", name + ".cer");
    }

    private static void trust(Path dir, String store, String cert) throws Exception {
        keytool(dir, "-importcert", "-noprompt", "-alias", cert, "-file", cert + ".cer", "-keystore", store,
                "-storetype", "PKCS12", "-storepass", "changeit");
    }

    @Test
    void mutualTlsIdentifiesSensorsByCertificateAndRefusesOthers() throws Exception {
        Path tls = Files.createDirectories(dir.resolve("tls"));
        keyPair(tls, "gateway", "CN=gateway");
        keyPair(tls, "sensor", "CN=laptop-77");
        trust(tls, "gateway-trust.p12", "sensor");
        trust(tls, "sensor-trust.p12", "gateway");
        char[] pw = "changeit".toCharArray();
        var serverSsl = io.agentdlp.ingest.http.TlsContexts.create(tls.resolve("gateway.p12"), pw, tls.resolve("gateway-trust.p12"), pw);
        try (GatewayServer secure = GatewayServer.start(GatewayConfig.defaults(tokens).withAddress("127.0.0.1", 0).withTls(serverSsl, true),
                publisher(kafka.bootstrapServers()), TOPIC, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Fixtures.CLOCK)) {
            URI url = URI.create("https://127.0.0.1:" + secure.address().getPort() + "/v1/logs");
            HttpRequest req = HttpRequest.newBuilder(url).header("Content-Type", "application/x-protobuf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(OtelSamples.all().get(1).request().toByteArray())).build();
            HttpClient withCert = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(
                    io.agentdlp.ingest.http.TlsContexts.create(tls.resolve("sensor.p12"), pw, tls.resolve("sensor-trust.p12"), pw)).build();
            HttpResponse<byte[]> ok = withCert.send(req, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(ok.statusCode()).isEqualTo(200);
            AgentEgressEvent e = consume(1).get(0).value();
            assertThat(e.getDevice().getId()).as("device from the certificate CN").isEqualTo("laptop-77");

            HttpClient withoutCert = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(
                    io.agentdlp.ingest.http.TlsContexts.create(null, pw, tls.resolve("sensor-trust.p12"), pw)).build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> withoutCert.send(req, HttpResponse.BodyHandlers.ofByteArray()))
                    .isInstanceOf(IOException.class);
        }
    }
}
