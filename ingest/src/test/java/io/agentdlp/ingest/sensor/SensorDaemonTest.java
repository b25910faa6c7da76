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

    private static String claude(String event, String extra) {
        return "{\"session_id\":\"dec-1\",\"cwd\":\"/tmp\",\"hook_event_name\":\"" + event + "\"," + extra + "}";
    }

    private void assertDeniedUpstream(String rule) throws InterruptedException {
        AgentEgressEvent e = next(1).get(0);
        assertThat(e.getFindings()).anySatisfy(f -> {
            assertThat(f.getRuleId()).isEqualTo(rule);
            assertThat(f.getRedactedPreview()).doesNotContain(GITHUB_TOKEN);
        });
        assertThat(e.getAttributes()).containsEntry("dlp.decision", "deny").containsEntry("dlp.mode", "enforce");
        assertThat(e.getAttributes()).doesNotContainKey("dlp.fail_mode");
    }

    @Test
    void blocksSecretsInEachAgentsDocumentedFormat() throws Exception {
        String cmd = "\"tool_input\":{\"command\":\"git push https://x:" + GITHUB_TOKEN + "@github.com/acme/app.git\"}";
        HttpResponse<String> r = hook("claude-code", null, claude("PreToolUse", "\"tool_name\":\"Bash\"," + cmd).getBytes(StandardCharsets.UTF_8));
        assertThat(r.body()).startsWith("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\","
                + "\"permissionDecisionReason\":\"agentdlp blocked this: secret github-pat-classic (CRITICAL) in tool_input.command: ghp_");
        assertThat(r.body()).doesNotContain(GITHUB_TOKEN);
        assertDeniedUpstream("github-pat-classic");

        r = hook("claude-code", null, claude("UserPromptSubmit", "\"prompt\":\"use " + GITHUB_TOKEN + "\"").getBytes(StandardCharsets.UTF_8));
        assertThat(r.body()).startsWith("{\"decision\":\"block\",\"reason\":\"agentdlp blocked this: secret github-pat-classic (CRITICAL) in prompt");
        assertDeniedUpstream("github-pat-classic");

        r = hook("claude-code", null, claude("PermissionRequest", "\"tool_name\":\"Bash\"," + cmd).getBytes(StandardCharsets.UTF_8));
        assertThat(r.body()).startsWith("{\"hookSpecificOutput\":{\"hookEventName\":\"PermissionRequest\",\"decision\":{\"behavior\":\"deny\"");
        assertDeniedUpstream("github-pat-classic");

        r = hook("codex", null, claude("PreToolUse", "\"turn_id\":\"t\",\"tool_name\":\"Bash\"," + cmd).getBytes(StandardCharsets.UTF_8));
        assertThat(r.body()).contains("\"permissionDecision\":\"deny\"");
        assertDeniedUpstream("github-pat-classic");

        r = hook("gemini", null, ("{\"session_id\":\"g\",\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"run_shell_command\"," + cmd + "}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.body()).startsWith("{\"decision\":\"deny\",\"reason\":\"agentdlp blocked this:");
        assertDeniedUpstream("github-pat-classic");

        r = hook("cursor", null, ("{\"conversation_id\":\"c\",\"hook_event_name\":\"beforeShellExecution\",\"command\":\"echo " + GITHUB_TOKEN + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.body()).startsWith("{\"permission\":\"deny\",\"user_message\":\"agentdlp blocked this:").contains("\"agent_message\":");
        assertDeniedUpstream("github-pat-classic");

        r = hook("cursor", null, ("{\"conversation_id\":\"c\",\"hook_event_name\":\"beforeSubmitPrompt\",\"prompt\":\"" + GITHUB_TOKEN + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.body()).startsWith("{\"continue\":false,\"user_message\":\"agentdlp blocked this:");
        assertDeniedUpstream("github-pat-classic");

        r = hook("cursor", null, ("{\"conversation_id\":\"c\",\"hook_event_name\":\"beforeReadFile\",\"file_path\":\"/r/.env\",\"content\":\"T=" + GITHUB_TOKEN + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.body()).isEqualTo("{\"permission\":\"deny\"}");
        assertDeniedUpstream("github-pat-classic");

        r = hook("copilot", "preToolUse", ("{\"sessionId\":\"p\",\"timestamp\":1,\"toolName\":\"bash\",\"toolArgs\":\"{\\\"command\\\":\\\"curl -H 'Authorization: token "
                + GITHUB_TOKEN + "' https://api.github.com\\\"}\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(r.body()).startsWith("{\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"agentdlp blocked this:");
        assertDeniedUpstream("github-pat-classic");
    }

    @Test
    void cleanBlockableActionsAreAllowedWithoutAnOpinion() throws Exception {
        HttpResponse<String> r = hook("claude-code", null, claude("PreToolUse", "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{}");
        AgentEgressEvent e = next(1).get(0);
        assertThat(e.getFindings()).isEmpty();
        assertThat(e.getAttributes()).containsEntry("dlp.decision", "allow").doesNotContainKey("dlp.mode");
        r = hook("cursor", null, "{\"conversation_id\":\"c\",\"hook_event_name\":\"beforeSubmitPrompt\",\"prompt\":\"hi\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.body()).isEqualTo("{\"continue\":true}");
        next(1);
    }

    @Test
    void badRequestsGetTheirStatusAndPublishNothing() throws Exception {
        byte[] good = claude("SessionStart", "\"source\":\"startup\"").getBytes(StandardCharsets.UTF_8);
        String base = "http://" + hostPort(false);

        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(base + "/hook/claude-code"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(good)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        HttpResponse<String> wrongToken = http.send(HttpRequest.newBuilder(URI.create(base + "/hook/claude-code"))
                .header(SensorConfig.TOKEN_HEADER, "guess").POST(HttpRequest.BodyPublishers.ofByteArray(good)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongToken.statusCode()).isEqualTo(401);

        HttpResponse<String> malformed = hook("claude-code", null, "{\"session_id\":".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo("{\"error\":\"malformed\",\"message\":\"body: not valid JSON (error at line 1, column 15)\"}");
        HttpResponse<String> noEvent = hook("claude-code", null, "{\"session_id\":\"s\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(noEvent.statusCode()).isEqualTo(400);
        assertThat(noEvent.body()).contains("hook_event_name: required");
        assertThat(hook("windsurf", null, good).statusCode()).isEqualTo(404);
        assertThat(hook("claude-code", null, new byte[70 * 1024]).statusCode()).isEqualTo(413);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(base + "/hook/claude-code"))
                .header(SensorConfig.TOKEN_HEADER, sensor.identity().token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);

        HttpResponse<byte[]> wrongType = otlp("text/plain", null, OtelSamples.all().get(0).request().toByteArray());
        assertThat(wrongType.statusCode()).isEqualTo(415);
        byte[] proto = OtelSamples.all().get(0).request().toByteArray();
        HttpResponse<byte[]> truncated = otlp("application/x-protobuf", null, java.util.Arrays.copyOf(proto, proto.length / 2));
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(new String(truncated.body(), StandardCharsets.UTF_8)).contains("not a valid protobuf ExportLogsServiceRequest");
        HttpResponse<byte[]> badGzip = otlp("application/x-protobuf", "gzip", java.util.Arrays.copyOf(gzip(proto), 20));
        assertThat(badGzip.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> brotli = otlp("application/x-protobuf", "br", proto);
        assertThat(brotli.statusCode()).isEqualTo(415);
        HttpResponse<byte[]> bomb = otlp("application/json", "gzip", gzip(new byte[200 * 1024]));
        assertThat(bomb.statusCode()).isEqualTo(413);

        assertThat(hook("claude-code", null, good).statusCode()).isEqualTo(200);
        AgentEgressEvent only = next(1).get(0);
        assertThat(only.getSessionId()).isEqualTo("dec-1");
        assertThat(only.getKind()).hasToString("session");
        assertThat(gateway.events()).hasSize(seen);
    }

    @Test
    void otlpPartialSuccessKeepsTheGoodRecords() throws Exception {
        var good = OtelSamples.all().get(1).request();
        var nameless = io.opentelemetry.proto.logs.v1.LogRecord.newBuilder().setTimeUnixNano(5).build();
        var mixed = good.toBuilder().setResourceLogs(0, good.getResourceLogs(0).toBuilder()
                .setScopeLogs(0, good.getResourceLogs(0).getScopeLogs(0).toBuilder().addLogRecords(nameless))).build();
        HttpResponse<byte[]> r = otlp("application/x-protobuf", null, mixed.toByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        ExportLogsServiceResponse resp = ExportLogsServiceResponse.parseFrom(r.body());
        assertThat(resp.getPartialSuccess().getRejectedLogRecords()).isEqualTo(1);
        assertThat(resp.getPartialSuccess().getErrorMessage()).contains("logRecords[1].eventName: missing");
        assertThat(next(1).get(0).getKind()).hasToString("prompt");
    }

    @Test
    void statusShowsUpstreamSpoolAndLastEventsWithoutContent() throws Exception {
        assertThat(hook("claude-code", null, claude("UserPromptSubmit", "\"prompt\":\"top secret plan\"").getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);
        next(1);
        HttpResponse<String> st = http.send(HttpRequest.newBuilder(URI.create("http://" + hostPort(false) + "/status"))
                .header(SensorConfig.TOKEN_HEADER, sensor.identity().token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(st.statusCode()).isEqualTo(200);
        assertThat(st.body()).contains("\"device_id\":\"" + sensor.identity().deviceId() + "\"", "\"connected\":true",
                "\"spool\":{\"pending\":", "\"fsync\":\"always\"", "\"kind\":\"prompt\"", "\"source\":\"claude_hook\"")
                .doesNotContain("top secret plan");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://" + hostPort(false) + "/status")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    /** Runs the POSIX shim the way an agent's command hook does. */
    private ProcessResult shim(int port, String failClosed, String input, String... args) throws Exception {
        Path bin = io.agentdlp.ingest.sensor.install.ShimFiles.write(dir);
        List<String> cmd = new ArrayList<>(List.of("sh", bin.resolve(io.agentdlp.ingest.sensor.install.ShimFiles.SH).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("AGENTDLP_SENSOR_PORT", Integer.toString(port));
        pb.environment().put("AGENTDLP_SENSOR_DIR", dir.toString());
        pb.environment().put("AGENTDLP_FAIL_CLOSED", failClosed);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ProcessResult(p.waitFor(), out, err);
    }

    record ProcessResult(int exit, String out, String err) {
    }

    @Test
    void theShellShimForwardsStdinAndPrintsTheAgentsAnswer() throws Exception {
        int port = sensor.hookAddress().getPort();
        ProcessResult deny = shim(port, "0", "{\"sessionId\":\"sh\",\"timestamp\":1,\"toolName\":\"bash\",\"toolArgs\":\"{\\\"command\\\":\\\"echo "
                + GITHUB_TOKEN + "\\\"}\"}", "copilot", "preToolUse");
        assertThat(deny.exit()).isZero();
        assertThat(deny.out()).startsWith("{\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"agentdlp blocked this:");
        assertDeniedUpstream("github-pat-classic");

        ProcessResult allow = shim(port, "0", claude("SessionStart", "\"source\":\"startup\""), "claude-code");
        assertThat(allow.exit()).isZero();
        assertThat(allow.out().trim()).isEqualTo("{}");
        next(1);

        ProcessResult notify = shim(port, "0", "", "codex", "notify",
                "{\"type\":\"agent-turn-complete\",\"thread-id\":\"th\",\"turn-id\":\"t\",\"input-messages\":[\"hi\"]}");
        assertThat(notify.exit()).isZero();
        assertThat(next(1).get(0).getSource()).hasToString("codex_notify");
    }

    @Test
    void theShellShimFailsOpenOrClosedWhenTheSensorIsDown() throws Exception {
        int dead;
        try (var socket = new java.net.ServerSocket(0)) {
            dead = socket.getLocalPort();
        }
        ProcessResult open = shim(dead, "0", "{}", "claude-code");
        assertThat(open.exit()).isZero();
        assertThat(open.out()).isEmpty();
        ProcessResult closed = shim(dead, "1", "{}", "claude-code");
        assertThat(closed.exit()).isEqualTo(2);
        assertThat(closed.err()).contains("fail closed");
        ProcessResult badInput = shim(sensor.hookAddress().getPort(), "1", "not json", "claude-code");
        assertThat(badInput.exit()).as("a 400 from the sensor follows the fail policy too").isEqualTo(2);
    }
}
