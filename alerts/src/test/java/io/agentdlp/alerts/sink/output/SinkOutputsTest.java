package io.agentdlp.alerts.sink.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.agentdlp.alerts.TestAlerts;
import io.agentdlp.alerts.feed.AlertLinks;
import io.agentdlp.alerts.sink.DeliveryResult;
import io.agentdlp.alerts.sink.SinkException;
import io.agentdlp.alerts.sink.format.CefFormat;
import io.agentdlp.alerts.sink.format.EcsFormat;
import io.agentdlp.alerts.sink.format.ElasticBulkFormat;
import io.agentdlp.alerts.sink.format.OcsfFormat;
import io.agentdlp.alerts.sink.format.ProductInfo;
import io.agentdlp.alerts.sink.format.SlackFormat;
import io.agentdlp.alerts.sink.format.SplunkHecFormat;
import io.agentdlp.alerts.sink.format.SyslogFormat;
import io.agentdlp.avro.DlpAlert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each output against a real local endpoint (HTTP server, TCP socket, file system). */
class SinkOutputsTest {
    private static final ProductInfo PRODUCT = new ProductInfo("agentdlp", "agentdlp", "0.1.0");
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private final HttpTransport http = new HttpTransport(Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private record Recorded(String path, String auth, String contentType, String body) {
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(int status, String body, Map<String, String> headers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                requests.add(new Recorded(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization"),
                        ex.getRequestHeaders().getFirst("Content-Type"), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void elasticBulkRetriesOnlyItemsThatMayStillSucceed() throws Exception {
        URI base = serve(200, """
                {"took":3,"errors":true,"items":[
                 {"index":{"_id":"a","status":201}},
                 {"index":{"_id":"b","status":429,"error":{"type":"es_rejected_execution_exception"}}},
                 {"index":{"_id":"c","status":400,"error":{"type":"mapper_parsing_exception"}}},
                 {"create":{"_id":"d","status":409,"error":{"type":"version_conflict_engine_exception"}}}]}
                """, Map.of());
        ElasticBulkSink<DlpAlert> sink = new ElasticBulkSink<>("es", new ElasticBulkFormat(new EcsFormat(PRODUCT, AlertLinks.none()),
                "agentdlp-alerts", ElasticBulkFormat.Op.INDEX)::body, http, base, Map.of("Authorization", "ApiKey abc"), 100);
        List<DlpAlert> batch = List.of(TestAlerts.volume("a", java.time.Instant.EPOCH), TestAlerts.volume("b", java.time.Instant.EPOCH),
                TestAlerts.volume("c", java.time.Instant.EPOCH), TestAlerts.volume("d", java.time.Instant.EPOCH));
        DeliveryResult r = sink.deliver(batch);
        assertThat(r.failures()).containsOnlyKeys(1, 2);
        assertThat(r.failures().get(1).retryable()).isTrue();
        assertThat(r.failures().get(1).reason()).contains("429").contains("es_rejected_execution_exception");
        assertThat(r.failures().get(2).retryable()).isFalse();
        Recorded req = requests.get(0);
        assertThat(req.path()).isEqualTo("/_bulk");
        assertThat(req.auth()).isEqualTo("ApiKey abc");
        assertThat(req.contentType()).isEqualTo("application/x-ndjson");
        assertThat(req.body().split("\n")).hasSize(8);
    }

    @Test
    void splunkHecGetsTheTokenAndOneEnvelopePerAlert() throws Exception {
        URI base = serve(200, "{\"text\":\"Success\",\"code\":0}", Map.of());
        SplunkHecSink<DlpAlert> sink = new SplunkHecSink<>("splunk", new SplunkHecFormat(new OcsfFormat(PRODUCT, AlertLinks.none()),
                "agentdlp", "agentdlp:ocsf", "security")::body, http, base, "hec-token-123", 10);
        sink.deliver(List.of(TestAlerts.full(), TestAlerts.minimal()));
        Recorded req = requests.get(0);
        assertThat(req.path()).isEqualTo("/services/collector/event");
        assertThat(req.auth()).isEqualTo("Splunk hec-token-123");
        assertThat(req.body().lines().toList()).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"class_uid\":2006"));
    }

    @Test
    void httpFailuresAreClassifiedAndHonourRetryAfter() throws Exception {
        URI base = serve(429, "slow down", Map.of("Retry-After", "7"));
        SlackSink slack = new SlackSink("chat", new SlackFormat(AlertLinks.none()), http, base.resolve("/services/T0/B0/secret-path"));
        assertThatThrownBy(() -> slack.deliver(List.of(TestAlerts.minimal())))
                .isInstanceOfSatisfying(SinkException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                    assertThat(e.getMessage()).doesNotContain("secret-path");
                });
        server.stop(0);
        URI unauthorized = serve(401, "no", Map.of());
        OcsfHttpSink<DlpAlert> ocsf = new OcsfHttpSink<>("collector", new OcsfFormat(PRODUCT, AlertLinks.none())::finding, http, unauthorized,
                Map.of(), 10);
        assertThatThrownBy(() -> ocsf.deliver(List.of(TestAlerts.minimal())))
                .isInstanceOfSatisfying(SinkException.class, e -> assertThat(e.retryable()).isFalse());
        server.stop(0);
        server = null;
        assertThatThrownBy(() -> ocsf.deliver(List.of(TestAlerts.minimal())))
                .isInstanceOfSatisfying(SinkException.class, e -> assertThat(e.retryable()).as("connection refused").isTrue());
    }

    @Test
    void syslogOverTcpUsesOctetCountingFrames() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            SyslogFormat format = new SyslogFormat(new CefFormat(PRODUCT, AlertLinks.none()), 10, "console", "agentdlp");
            SyslogSink<DlpAlert> sink = new SyslogSink<>("siem", format::message, "127.0.0.1", listener.getLocalPort(), SyslogSink.Protocol.TCP);
            sink.deliver(List.of(TestAlerts.full(), TestAlerts.minimal()));
            try (Socket s = listener.accept()) {
                s.setSoTimeout(5000);
                BufferedInputStream in = new BufferedInputStream(s.getInputStream());
                List<String> frames = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    frames.add(readFrame(in));
                }
                assertThat(frames.get(0)).isEqualTo(format.message(TestAlerts.full()));
                assertThat(frames.get(1)).isEqualTo(format.message(TestAlerts.minimal()));
            }
            sink.close();
        }
    }

    @Test
    void theFileSinkRollsBySizeAndKeepsTheConfiguredNumberOfFiles() throws Exception {
        Path file = dir.resolve("out/ocsf.ndjson");
        OcsfFileSink<DlpAlert> sink = new OcsfFileSink<>("file", new OcsfFormat(PRODUCT, AlertLinks.none())::finding, file, 4096, 2);
        for (int i = 0; i < 12; i++) {
            sink.deliver(List.of(TestAlerts.full()));
        }
        assertThat(Files.size(file)).isLessThanOrEqualTo(4096);
        assertThat(file.resolveSibling("ocsf.ndjson.1")).exists();
        assertThat(file.resolveSibling("ocsf.ndjson.2")).exists();
        assertThat(file.resolveSibling("ocsf.ndjson.3")).doesNotExist();
        assertThat(Files.readAllLines(file)).allSatisfy(l -> assertThat(l).startsWith("{\"activity_id\""));
    }

    private static String readFrame(InputStream in) throws IOException {
        ByteArrayOutputStream len = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != ' ') {
            if (c < 0) {
                throw new IOException("stream ended");
            }
            len.write(c);
        }
        byte[] msg = in.readNBytes(Integer.parseInt(len.toString(StandardCharsets.US_ASCII)));
        return new String(msg, StandardCharsets.UTF_8);
    }
}
