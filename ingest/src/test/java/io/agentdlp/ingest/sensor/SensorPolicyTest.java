package io.agentdlp.ingest.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.ingest.delivery.GatewayEventPublisher;
import io.agentdlp.ingest.http.HttpServers;
import io.agentdlp.ingest.samples.Fixtures;
import io.agentdlp.ingest.samples.RecordingGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sensor configurations: privacy mode, warn mode, and the verdict service's answers and failures. */
class SensorPolicyTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CODE = "public final class Ledger {\n  private long balance;\n  void post(long amount) {\n"
            + "    if (amount < 0) throw new IllegalArgumentException();\n    balance += amount;\n  }\n}\n";

    @TempDir
    Path dir;
    private RecordingGateway gateway;
    private HttpServer verdicts;
    private volatile String verdictAnswer = "{\"decision\":\"allow\",\"findings\":[],\"truncated\":false}";
    private volatile String lastVerdictRequest;
    private volatile long verdictDelayMs;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws IOException {
        gateway = new RecordingGateway();
        verdicts = HttpServers.http("127.0.0.1", 0, HttpServers.pool("verdicts", 2));
        verdicts.createContext("/v1/verdict", ex -> {
            lastVerdictRequest = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(verdictDelayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] b = verdictAnswer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        verdicts.start();
    }

    @AfterEach
    void stop() {
        gateway.close();
        verdicts.stop(0);
    }

    private SensorDaemon sensor(SensorConfig c) throws IOException {
        return SensorDaemon.start(c.withPorts(0, -1), new GatewayEventPublisher(gateway.url(), "t", null, Duration.ofSeconds(10)),
                "gateway:test", Fixtures.REPOS, Fixtures.CLOCK, Fixtures.DEVICE);
    }

    private URI verdictUrl() {
        return URI.create("http://127.0.0.1:" + verdicts.getAddress().getPort() + "/v1/verdict");
    }

    private HttpResponse<String> hook(SensorDaemon s, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.hookAddress().getPort() + "/hook/claude-code"))
                .header(SensorConfig.TOKEN_HEADER, s.identity().token())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String write(String content) {
        return "{\"session_id\":\"s\",\"cwd\":\"/tmp\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Write\","
                + "\"tool_input\":{\"file_path\":\"/tmp/Ledger.java\",\"content\":\"" + content.replace("\n", "\\n") + "\"}}";
    }

    @Test
    void privacyModeSendsSizesHashesFingerprintsAndFindingsButNoContent() throws Exception {
        try (SensorDaemon s = sensor(SensorConfig.defaults(dir).withPrivacyMode(true))) {
            String leaky = CODE + "// token " + SensorDaemonTest.GITHUB_TOKEN + "\n";
            assertThat(hook(s, write(leaky)).body()).contains("\"permissionDecision\":\"deny\"");
            assertThat(hook(s, "{\"session_id\":\"s\",\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Bash\","
                    + "\"tool_input\":{\"command\":\"cat .env\"},\"tool_response\":{\"stdout\":\"T=" + SensorDaemonTest.GITHUB_TOKEN + "\"}}")
                    .body()).isEqualTo("{}");
            List<AgentEgressEvent> got = gateway.await(2, WAIT);
            AgentEgressEvent e = got.get(0);
            assertThat(e.getPrivacyMode()).isTrue();
            assertThat(e.getContent().getText()).isNull();
            assertThat(e.getContent().getBytes()).isEqualTo(leaky.getBytes(StandardCharsets.UTF_8).length);
            assertThat(e.getContent().getSha256()).hasSize(64);
            assertThat(e.getTool().getInputJson()).isNull();
            assertThat(e.getTool().getName()).isEqualTo("Write");
            assertThat(e.getFilePath()).isEqualTo("/tmp/Ledger.java");
            assertThat(e.getFingerprints().getHashes()).isNotEmpty().hasSameSizeAs(e.getFingerprints().getLines());
            assertThat(e.getFindings()).extracting(f -> f.getRuleId()).contains("github-pat-classic");
            AgentEgressEvent result = got.get(1);
            assertThat(result.getPrivacyMode()).isTrue();
            assertThat(result.getContent().getText()).isNull();
            assertThat(result.getFindings()).extracting(f -> f.getRuleId()).contains("github-pat-classic");
            assertThat(got.toString()).doesNotContain(SensorDaemonTest.GITHUB_TOKEN).doesNotContain("balance += amount");
        }
    }

    @Test
    void warnModeAllowsAndTellsTheUser() throws Exception {
        try (SensorDaemon s = sensor(SensorConfig.defaults(dir).withModes(SeverityModes.all(EnforcementMode.WARN)))) {
            HttpResponse<String> r = hook(s, write("key " + SensorDaemonTest.GITHUB_TOKEN));
            assertThat(r.body()).startsWith("{\"systemMessage\":\"agentdlp warning: secret github-pat-classic (CRITICAL)");
            AgentEgressEvent e = gateway.await(1, WAIT).get(0);
            assertThat(e.getAttributes()).containsEntry("dlp.decision", "warn").containsEntry("dlp.mode", "warn");
        }
    }

    @Test
    void monitorModeAllowsSilentlyAndRecordsTheFinding() throws Exception {
        try (SensorDaemon s = sensor(SensorConfig.defaults(dir).withModes(SeverityModes.all(EnforcementMode.MONITOR)))) {
            assertThat(hook(s, write("key " + SensorDaemonTest.GITHUB_TOKEN)).body()).isEqualTo("{}");
            AgentEgressEvent e = gateway.await(1, WAIT).get(0);
            assertThat(e.getAttributes()).containsEntry("dlp.decision", "allow").containsEntry("dlp.mode", "monitor");
            assertThat(e.getFindings()).isNotEmpty();
        }
    }

    @Test
    void theVerdictServiceCanDenyWithItsOwnFindings() throws Exception {
        verdictAnswer = "{\"decision\":\"deny\",\"max_severity\":\"HIGH\",\"findings\":[],\"code_matches\":[{\"repo\":\"acme/ledger\","
                + "\"source_path\":\"src/Ledger.java\",\"source_lines\":[1,7],\"lines\":[1,7],\"similarity\":0.93,"
                + "\"matched_fingerprints\":12,\"severity\":\"HIGH\"}],\"truncated\":false,\"scanned_chars\":120,\"code_index\":\"global\"}";
        try (SensorDaemon s = sensor(SensorConfig.defaults(dir).withVerdict(verdictUrl(), Duration.ofSeconds(5), false))) {
            HttpResponse<String> r = hook(s, write(CODE));
            assertThat(r.body()).contains("\"permissionDecision\":\"deny\"",
                    "agentdlp blocked this: own code from acme/ledger:src/Ledger.java");
            AgentEgressEvent e = gateway.await(1, WAIT).get(0);
            assertThat(e.getFindings()).singleElement().satisfies(f -> {
                assertThat(f.getDetector()).isEqualTo("code-fingerprint");
                assertThat(f.getRedactedPreview()).isEqualTo("acme/ledger:src/Ledger.java");
                assertThat(f.getConfidence()).isEqualTo(0.93);
            });
            assertThat(lastVerdictRequest).contains("\"text\":\"public final class Ledger", "\"tool_name\":\"Write\"",
                    "\"device_id\":\"dev-7f3a\"", "\"file_path\":\"/tmp/Ledger.java\"");
            assertThat(e.getAttributes()).containsEntry("dlp.decision", "deny").doesNotContainKey("dlp.fail_mode");
        }
    }

    @Test
    void aSlowVerdictServiceFailsOpenAndIsRecorded() throws Exception {
        verdictDelayMs = 1500;
        try (SensorDaemon s = sensor(SensorConfig.defaults(dir).withVerdict(verdictUrl(), Duration.ofMillis(100), false))) {
            assertThat(hook(s, write(CODE)).body()).isEqualTo("{}");
            AgentEgressEvent e = gateway.await(1, WAIT).get(0);
            assertThat(e.getAttributes()).containsEntry("dlp.decision", "allow").containsEntry("dlp.fail_mode", "open")
                    .containsEntry("dlp.verdict_error", "timeout");
            assertThat(s.activity().failOpen()).isEqualTo(1);
        }
    }

    @Test
    void anUnreachableVerdictServiceFailsClosedWhenConfigured() throws Exception {
        URI dead = URI.create("http://127.0.0.1:" + freePort() + "/v1/verdict");
        try (SensorDaemon s = sensor(SensorConfig.defaults(dir).withVerdict(dead, Duration.ofMillis(500), true))) {
            HttpResponse<String> r = hook(s, write(CODE));
            assertThat(r.body()).contains("\"permissionDecision\":\"deny\"", "unavailable (unreachable)", "fail closed");
            AgentEgressEvent e = gateway.await(1, WAIT).get(0);
            assertThat(e.getAttributes()).containsEntry("dlp.decision", "deny").containsEntry("dlp.fail_mode", "closed")
                    .containsEntry("dlp.verdict_error", "unreachable");
            assertThat(s.activity().failClosed()).isEqualTo(1);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
