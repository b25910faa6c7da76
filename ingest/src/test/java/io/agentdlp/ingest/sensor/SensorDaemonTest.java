package io.agentdlp.ingest.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.delivery.GatewayEventPublisher;
import io.agentdlp.ingest.samples.Fixtures;
import io.agentdlp.ingest.samples.HookSample;
import io.agentdlp.ingest.samples.HookSamples;
import io.agentdlp.ingest.samples.OtelSample;
import io.agentdlp.ingest.samples.OtelSamples;
import io.agentdlp.ingest.samples.OtlpJson;
import io.agentdlp.ingest.samples.RecordingGateway;
import io.agentdlp.ingest.samples.Stamped;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The sensor end to end: real HTTP in, real spool, real gateway client out to a recording gateway. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SensorDaemonTest {
    static final String GITHUB_TOKEN = "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";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private RecordingGateway gateway;
    private SensorDaemon sensor;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private int seen;

    @BeforeAll
    void start() throws IOException {
        gateway = new RecordingGateway();
        sensor = SensorDaemon.start(SensorConfig.defaults(dir).withPorts(0, 0).withLimits(64 * 1024, 64 * 1024),
                new GatewayEventPublisher(gateway.url(), "sensor-token", null, Duration.ofSeconds(10)), "gateway:test",
                Fixtures.REPOS, Fixtures.CLOCK, Fixtures.DEVICE);
    }

    @AfterAll
    void stop() {
        sensor.close();
        gateway.close();
    }

    /** Posts to the hook endpoint with the install token. */
    HttpResponse<String> hook(String agent, String event, byte[] body) throws IOException, InterruptedException {
        String q = event == null ? "" : "?event=" + event;
        return http.send(HttpRequest.newBuilder(URI.create("http://" + hostPort(false) + "/hook/" + agent + q))
                .header(SensorConfig.TOKEN_HEADER, sensor.identity().token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> otlp(String contentType, String encoding, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + hostPort(true) + "/v1/logs"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            b.header("Content-Encoding", encoding);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String hostPort(boolean otlp) {
        var a = otlp ? sensor.otlpAddress() : sensor.hookAddress();
        return "127.0.0.1:" + a.getPort();
    }

    /** Waits for exactly the next {@code n} events to reach the gateway. */
    private synchronized List<AgentEgressEvent> next(int n) throws InterruptedException {
        List<AgentEgressEvent> all = gateway.await(seen + n, WAIT);
        assertThat(all).hasSizeGreaterThanOrEqualTo(seen + n);
        List<AgentEgressEvent> mine = new ArrayList<>(all.subList(seen, seen + n));
        seen += n;
        return mine;
    }

    @Test
    void everyHookSampleArrivesUpstreamFieldByField() throws Exception {
        for (HookSample s : HookSamples.all()) {
            HttpResponse<String> r = hook(s.agent().id(), s.event(), s.bytes());
            assertThat(r.statusCode()).as(s.name()).isEqualTo(200);
            List<AgentEgressEvent> got = next(s.expect().size());
            for (int i = 0; i < got.size(); i++) {
                AgentEgressEvent e = got.get(i);
                Stamped.assertStamped(e);
                s.expect().get(i).accept(e);
                if (s.blockable()) {
                    assertThat(e.getAttributes()).as(s.name()).containsKey("dlp.decision");
                }
            }
        }
    }

    @Test
    void everyOtelSampleArrivesUpstreamInBothEncodingsAndGzip() throws Exception {
        for (OtelSample s : OtelSamples.all()) {
            HttpResponse<byte[]> proto = otlp("application/x-protobuf", null, s.request().toByteArray());
            assertThat(proto.statusCode()).as(s.name()).isEqualTo(200);
            assertThat(proto.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
            assertThat(ExportLogsServiceResponse.parseFrom(proto.body()).hasPartialSuccess()).isFalse();
            HttpResponse<byte[]> json = otlp("application/json", "gzip", gzip(OtlpJson.of(s.request())));
            assertThat(json.statusCode()).as(s.name()).isEqualTo(200);
            assertThat(new String(json.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
            List<AgentEgressEvent> got = next(2);
            for (AgentEgressEvent e : got) {
                Stamped.assertStamped(e);
                s.expect().accept(e);
            }
            assertThat(got.get(1).getEventId()).isEqualTo(got.get(0).getEventId());
        }
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }
}
