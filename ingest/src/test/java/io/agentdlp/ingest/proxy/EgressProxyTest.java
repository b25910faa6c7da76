package io.agentdlp.ingest.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.EventKind;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.TextDetector;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.Fingerprints;
import io.agentdlp.detection.pii.PiiOptions;
import io.agentdlp.detection.pii.PiiScanner;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.detection.policy.PolicyFile;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EgressProxyTest {
    private static final KeyedHasher HASHER = KeyedHasher.fromSecret("proxy-test-key-0123456789");
    private static final TextDetector DETECTORS = TextDetector.all(List.of(
            SecretScanner.builder().catalog(RuleCatalog.builtIn()).hasher(HASHER).build(),
            new PiiScanner(HASHER, PiiOptions.defaults())));
    private static final String AWS_SECRET = "ZUm14QhoxhLPAbQcEFUV2fsjGHb6HrlEOS47WgjK";
    private static final String API_KEY = "sk-ant-api03-credential-of-the-developer-must-never-be-published";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<AgentEgressEvent> events = new CopyOnWriteArrayList<>();
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private FakeUpstream upstream;
    private EgressProxy proxy;

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = new FakeUpstream();
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        upstream.close();
    }

    private void startProxy(String enforcement, boolean rejectMalformed, String policyYaml) throws Exception {
        startProxy(enforcement, rejectMalformed, false, policyYaml);
    }

    private void startProxy(String enforcement, boolean rejectMalformed, boolean privacyMode, String policyYaml)
            throws Exception {
        ProxyConfig config = new ProxyConfig("127.0.0.1", 0,
                Map.of("anthropic", upstream.uri(), "openai", upstream.uri(), "gemini", upstream.uri()),
                Enforcement.parse(enforcement), 1024 * 1024, rejectMalformed, privacyMode, null, null,
                new DeviceContext("dev-1", "laptop", "linux", "alice", "alice@acme.io"), 0);
        PolicyEngine policy = new PolicyEngine(PolicyFile.parse(policyYaml, "test-policy"));
        proxy = EgressProxy.start(config, DETECTORS, () -> policy, events::add, meters);
    }

    private void startProxy(String enforcement) throws Exception {
        startProxy(enforcement, false, "default: allow\n");
    }

    private HttpResponse<byte[]> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> claudeHeaders() {
        return Map.of("x-api-key", API_KEY, "anthropic-version", "2023-06-01", "content-type", "application/json",
                "x-claude-code-session-id", "sess-42", "User-Agent", "claude-cli/2.1.240 (external, cli)");
    }

    private static String anthropicBody(String... userTexts) {
        StringBuilder sb = new StringBuilder("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"system\":[{\"type\":\"text\",\"text\":\"x-anthropic-billing-header: cc_version=2.1\"},{\"type\":\"text\",\"text\":\"You are Claude Code.\"}],\"messages\":[");
        for (int i = 0; i < userTexts.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"role\":\"").append(i % 2 == 0 ? "user" : "assistant").append("\",\"content\":[{\"type\":\"text\",\"text\":\"")
                    .append(userTexts[i]).append("\"}]}");
        }
        return sb.append("]}").toString();
    }

    @Test
    void cleanRequestAndResponsePassThroughByteForByte() throws Exception {
        startProxy("enforce");
        String body = anthropicBody("Refactor the parser in src/Parser.java please");
        HttpResponse<byte[]> resp = post("/v1/messages?beta=true", body, claudeHeaders());

        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.body()).isEqualTo(FakeUpstream.JSON_ANSWER);
        assertThat(upstream.received).hasSize(1);
        FakeUpstream.Received r = upstream.received.get(0);
        assertThat(r.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.path()).isEqualTo("/v1/messages");
        assertThat(r.query()).isEqualTo("beta=true");
        assertThat(r.headers().get("X-api-key")).containsExactly(API_KEY);
        assertThat(r.headers().get("Anthropic-version")).containsExactly("2023-06-01");

        assertThat(events).hasSize(2); // the system prompt and the user turn; the billing header is metadata
        AgentEgressEvent e = events.get(1);
        assertThat(e.getKind()).isEqualTo(EventKind.model_request);
        assertThat(e.getSessionId()).isEqualTo("sess-42");
        assertThat(e.getAgent().getName()).isEqualTo("claude-code");
        assertThat(e.getAgent().getVersion()).isEqualTo("2.1.240");
        assertThat(e.getAgent().getModel()).isEqualTo("claude-sonnet-4-5");
        assertThat(e.getDestination().getHost()).isEqualTo("127.0.0.1");
        assertThat(e.getContent().getText()).isEqualTo("Refactor the parser in src/Parser.java please");
        assertThat(e.getContent().getField()).isEqualTo("messages[0].content[0].text");
        assertThat(e.getRawRef()).isEqualTo("req_upstream_1");
        assertThat(e.getUser().getEmail()).isEqualTo("alice@acme.io");
    }

    @Test
    void streamedResponseIsRelayedChunkByChunk() throws Exception {
        startProxy("monitor");
        String body = anthropicBody("hello").replace("\"max_tokens\":1024", "\"max_tokens\":1024,\"stream\":true");
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/v1/messages"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("anthropic-version", "2023-06-01").build();
        HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(resp.headers().firstValue("content-type")).contains("text/event-stream");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
            // The upstream withholds the rest until we signal: reading the first event proves no buffering.
            assertThat(r.readLine()).isEqualTo("event: message_start");
            assertThat(r.readLine()).isEqualTo("data: {\"type\":\"message_start\"}");
            upstream.clientSawFirstChunk.countDown();
            StringBuilder rest = new StringBuilder();
            String line;
            while ((line = r.readLine()) != null) {
                rest.append(line).append('\n');
            }
            assertThat(rest.toString()).isEqualTo("\n" + FakeUpstream.SSE_REST);
        }
    }

    @Test
    void metricsPageCountsOutcomesAndNeverShowsContent() throws Exception {
        startProxy("enforce");
        post("/v1/messages", anthropicBody("deploy with aws_secret_access_key = " + AWS_SECRET), claudeHeaders());
        post("/v1/messages", anthropicBody("Refactor the parser please"), claudeHeaders());

        HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + proxy.port() + "/agentdlp/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(page.body()).containsPattern("agentdlp_proxy_requests_total\\{[^}]*outcome=\"blocked\"[^}]*} 1\\.0")
                .contains("agentdlp_proxy_policy_version")
                .contains("agentdlp_proxy_blocks_scanned_total")
                .doesNotContain(AWS_SECRET).doesNotContain(API_KEY);
        // the page is the proxy's own and read-only: other methods and longer paths are not forwarded either
        assertThat(post("/agentdlp/metrics", "{}", claudeHeaders()).statusCode()).isEqualTo(404);
        assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/agentdlp/metrics/x"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(upstream.received).hasSize(1);
    }

    @Test
    void requestWithASecretIsBlockedInTheProvidersFormatAndNeverReachesUpstream() throws Exception {
        startProxy("enforce");
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<byte[]> resp = post("/v1/messages", anthropicBody("deploy with aws_secret_access_key = " + AWS_SECRET),
                    claudeHeaders());
            String answer = new String(resp.body(), StandardCharsets.UTF_8);
            assertThat(resp.statusCode()).isEqualTo(403);
            assertThat(answer).startsWith("{\"type\":\"error\",\"error\":{\"type\":\"permission_error\",\"message\":\"agentdlp blocked this request");
            assertThat(answer).contains("aws-secret-access-key").doesNotContain(AWS_SECRET);
            assertThat(upstream.received).isEmpty();

            AgentEgressEvent blocked = events.stream().filter(e -> !e.getFindings().isEmpty()).findFirst().orElseThrow();
            assertThat(blocked.getAttributes()).containsEntry("blocked", "true");
            assertThat(blocked.getFindings().get(0).getRuleId()).isEqualTo("aws-secret-access-key");
            assertThat(blocked.getFindings().get(0).getRedactedPreview()).doesNotContain(AWS_SECRET);
            assertThat(logs.lines).noneMatch(l -> l.contains(AWS_SECRET) || l.contains(API_KEY));
            assertThat(events).noneMatch(e -> e.toString().contains(API_KEY));
        }
        // a retry of the same content is inspected and blocked again, not waved through as "seen"
        assertThat(post("/v1/messages", anthropicBody("deploy with aws_secret_access_key = " + AWS_SECRET), claudeHeaders())
                .statusCode()).isEqualTo(403);
    }

    @Test
    void warnModeForwardsAndRecords() throws Exception {
        startProxy("warn");
        HttpResponse<byte[]> resp = post("/v1/messages", anthropicBody("aws_secret_access_key = " + AWS_SECRET), claudeHeaders());
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.headers().firstValue("X-Agentdlp-Warning")).isPresent();
        assertThat(upstream.received).hasSize(1);
        assertThat(events).anyMatch(e -> e.getAttributes().get("decision").equals("warn") && !e.getFindings().isEmpty());
    }

    @Test
    void reSentConversationBlocksAreScannedAndPublishedOnce() throws Exception {
        startProxy("enforce");
        post("/v1/messages", anthropicBody("first question"), claudeHeaders());
        assertThat(events).hasSize(2);
        post("/v1/messages", anthropicBody("first question", "first answer", "second question"), claudeHeaders());
        assertThat(events).hasSize(4);
        assertThat(events.subList(2, 4)).extracting(e -> e.getContent().getText()).containsExactly("first answer", "second question");
        for (int i = 0; i < 3; i++) {
            post("/v1/messages", anthropicBody("first question", "first answer", "second question"), claudeHeaders());
        }
        assertThat(events).hasSize(4);
        assertThat(upstream.received).hasSize(5);
    }

    @Test
    void privacyModePublishesFingerprintsAndFindingsButNoText() throws Exception {
        startProxy("warn", false, true, "default: allow\n");
        String code = "public int total(List<Order> orders) {\\n  int sum = 0;\\n  for (Order o : orders) {\\n"
                + "    if (o.isPaid() && o.amount() > 0) { sum += o.amount() * o.quantity(); }\\n  }\\n"
                + "  return sum > limit ? limit : sum;\\n}";
        post("/v1/messages", anthropicBody("here is the code:\\n" + code + "\\nand aws_secret_access_key = " + AWS_SECRET),
                claudeHeaders());

        AgentEgressEvent prompt = events.stream().filter(e -> !e.getFindings().isEmpty()).findFirst().orElseThrow();
        String sent = "here is the code:\n" + code.replace("\\n", "\n") + "\nand aws_secret_access_key = " + AWS_SECRET;
        assertThat(prompt.getPrivacyMode()).isTrue();
        assertThat(prompt.getContent().getText()).isNull();
        assertThat(prompt.getContent().getBytes()).isEqualTo((long) sent.getBytes(StandardCharsets.UTF_8).length);
        Fingerprints expected = Fingerprinter.withDefaults().fingerprint(sent);
        assertThat(expected.size()).isPositive();
        assertThat(prompt.getFingerprints().getHashes()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(prompt.getFingerprints().getHashes().get(i)).isEqualTo(expected.hash(i));
        }
        assertThat(prompt.getFingerprints().getK()).isEqualTo(Fingerprinter.withDefaults().config().k());
        assertThat(prompt.getFindings()).extracting(f -> f.getRuleId().toString()).contains("aws-secret-access-key");
        assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain(AWS_SECRET).doesNotContain("o.quantity()"));
    }

    @Test
    void gzipBodiesAreInspected() throws Exception {
        startProxy("enforce");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(anthropicBody("aws_secret_access_key = " + AWS_SECRET).getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/v1/messages"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray()))
                .header("Content-Encoding", "gzip").header("anthropic-version", "2023-06-01").build();
        assertThat(client.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(upstream.received).isEmpty();
    }

    @Test
    void malformedJsonIsForwardedOrRejectedPerConfiguration() throws Exception {
        startProxy("enforce", true, "default: allow\n");
        HttpResponse<byte[]> rejected = post("/v1/chat/completions", "{\"model\": \"gpt-5\", \"messages\": [", Map.of());
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(new String(rejected.body(), StandardCharsets.UTF_8))
                .contains("\"type\":\"invalid_request_error\"").contains("not valid JSON (line 1");
        assertThat(upstream.received).isEmpty();
        proxy.close();

        startProxy("enforce", false, "default: allow\n");
        assertThat(post("/v1/chat/completions", "{\"model\": \"gpt-5\", \"messages\": [", Map.of()).statusCode()).isEqualTo(200);
        assertThat(upstream.received).hasSize(1);
    }

    @Test
    void policyDenyOfTheDestinationBlocksOpenAiRequestsInOpenAiFormat() throws Exception {
        startProxy("monitor", false, """
                rules:
                  - {id: no-external-models, effect: deny, destinations: ["127.0.0.1"], reason: use the internal gateway}
                """);
        HttpResponse<byte[]> resp = post("/v1/chat/completions",
                "{\"model\":\"gpt-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of("User-Agent", "codex_cli_rs/0.45.0"));
        assertThat(resp.statusCode()).isEqualTo(403);
        assertThat(new String(resp.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":{\"message\":\"agentdlp blocked this request: use the internal gateway (policy default v0, rule no-external-models)\",\"type\":\"permission_denied\",\"param\":null,\"code\":\"agentdlp_blocked\"}}");
        assertThat(upstream.received).isEmpty();
    }

    @Test
    void otherPathsPassThroughUntouched() throws Exception {
        startProxy("enforce");
        HttpResponse<byte[]> resp = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + proxy.port() + "/v1/models?limit=5")).header("anthropic-version", "2023-06-01").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(upstream.received).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/v1/models");
            assertThat(r.query()).isEqualTo("limit=5");
        });
        assertThat(events).isEmpty();
    }

    @Test
    void forwardProxyTunnelsAllowedHostsAndRefusesDeniedOnes() throws Exception {
        startProxy("monitor", false, """
                rules:
                  - {id: no-pastebin, effect: deny, destinations: ["paste.example.net"], reason: paste sites are not allowed}
                """);
        int fp = proxy.forwardProxyPort();
        try (Socket s = new Socket("127.0.0.1", fp)) {
            OutputStream out = s.getOutputStream();
            out.write(("CONNECT 127.0.0.1:" + upstream.port() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: curl/8.5.0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 Connection Established");
            assertThat(in.readLine()).isEmpty();
            out.write("GET /through-tunnel HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
        }
        assertThat(upstream.received).extracting(FakeUpstream.Received::path).containsExactly("/through-tunnel");
        try (Socket s = new Socket("127.0.0.1", fp)) {
            s.getOutputStream().write("CONNECT paste.example.net:443 HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 403 Forbidden");
        }
        assertThat(events).extracting(e -> e.getDestination().getHost() + ":" + e.getAttributes().get("decision"))
                .containsExactly("127.0.0.1:allow", "paste.example.net:deny");
        assertThat(events).allMatch(e -> e.getKind() == EventKind.network_request);
    }
}
