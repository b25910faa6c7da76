package io.agentdlp.ingest.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.TextDetector;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.policy.EdgePolicy;
import io.agentdlp.ingest.policy.PolicySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every policy effect through the proxy for each provider API an agent speaks, against a local
 * fake upstream: what the agent gets back, whether the request reached the upstream, and the
 * {@code dlp.*} attributes of the events (decision, policy id, version, rule, effect).
 */
class ProxyPolicyTest {
    private static final TextDetector DETECTORS = SecretScanner.builder().catalog(RuleCatalog.builtIn())
            .hasher(KeyedHasher.fromSecret("proxy-policy-test-key-0123456789")).build();

    /** One provider API: where the agent sends it, how, and what the proxy answers when it blocks. */
    enum Api {
        ANTHROPIC_MESSAGES("/anthropic/v1/messages", "claude-cli/2.1.240 (external, cli)",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"%s\"}]}]}",
                "\"type\":\"permission_error\"", "claude-sonnet-4-5", "claude-opus-4-1"),
        OPENAI_CHAT("/openai/v1/chat/completions", "codex_cli_rs/0.41.0 (Linux; x86_64)",
                "{\"model\":\"gpt-5\",\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}]}",
                "\"code\":\"agentdlp_blocked\"", "gpt-4.1", "gpt-5"),
        OPENAI_RESPONSES("/openai/v1/responses", "codex_cli_rs/0.41.0 (Linux; x86_64)",
                "{\"model\":\"gpt-5-codex\",\"instructions\":\"You are Codex.\",\"input\":[{\"type\":\"message\",\"role\":\"user\","
                        + "\"content\":[{\"type\":\"input_text\",\"text\":\"%s\"}]}]}",
                "\"code\":\"agentdlp_blocked\"", "gpt-4.1", "gpt-5-codex"),
        GEMINI("/gemini/v1beta/models/gemini-2.5-pro:generateContent", "GeminiCLI/0.9.0 (linux; x64)",
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"%s\"}]}]}",
                "\"status\":\"PERMISSION_DENIED\"", "gemini-2.5-pro", "gemini-2.5-flash");

        final String path;
        final String userAgent;
        final String body;
        final String blockedShape;
        /** A model the payments policy of {@link #onlyApprovedModelsReachTheProvider} approves, and one it does not. */
        final String approvedModel;
        final String unapprovedModel;

        Api(String path, String userAgent, String body, String blockedShape, String approvedModel, String unapprovedModel) {
            this.path = path;
            this.userAgent = userAgent;
            this.body = body;
            this.blockedShape = blockedShape;
            this.approvedModel = approvedModel;
            this.unapprovedModel = unapprovedModel;
        }

        /** The model this API's request names: in the URL path for Gemini, in the JSON body otherwise. */
        String model() {
            int at = path.indexOf("/models/");
            if (at >= 0) {
                return path.substring(at + "/models/".length(), path.indexOf(':', at));
            }
            int start = body.indexOf("\"model\":\"") + "\"model\":\"".length();
            return body.substring(start, body.indexOf('"', start));
        }
    }

    @TempDir
    Path dir;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<AgentEgressEvent> events = new CopyOnWriteArrayList<>();
    private FakeUpstream upstream;
    private EgressProxy proxy;
    private EdgePolicy policy;

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = new FakeUpstream();
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (policy != null) {
            policy.close();
        }
        upstream.close();
    }

    /** A proxy enforcing {@code yaml} from a policy file, the way {@code agentdlp proxy --policy} does. */
    private void startProxy(String yaml, PolicySettings.AskFallback askFallback) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, yaml);
        DeviceContext device = new DeviceContext("proxy-1", "gw-host", "linux", "svc-proxy", null);
        policy = EdgePolicy.open(PolicySettings.none().withAskFallback(askFallback).withFile(file), device, dir, Clock.systemUTC())
                .start();
        ProxyConfig config = new ProxyConfig("127.0.0.1", 0,
                Map.of("anthropic", upstream.uri(), "openai", upstream.uri(), "gemini", upstream.uri()),
                Enforcement.parse("enforce"), 1024 * 1024, false, false, null, null, device, -1);
        proxy = EgressProxy.start(config, DETECTORS, policy, events::add, new SimpleMeterRegistry());
    }

    /** A policy whose only rule applies {@code effect} to the upstream's host: a destination rule. */
    private static String destinationRule(String effect) {
        return "id: corp\nversion: 5\ndefault: allow\nrules:\n"
                + "  - {id: upstream-" + effect + ", effect: " + effect + ", destinations: [\"127.0.0.1\"], reason: the upstream is " + effect + "}\n";
    }

    private HttpResponse<String> send(Api api, String text) throws Exception {
        return send(api, text, api.model());
    }

    /** Sends {@code api}'s request asking for {@code model} where that API names it (path or body). */
    private HttpResponse<String> send(Api api, String text, String model) throws Exception {
        String path = api.path.replace("/models/" + api.model() + ":", "/models/" + model + ":");
        String body = String.format(api.body, text).replace("\"model\":\"" + api.model() + "\"", "\"model\":\"" + model + "\"");
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + path))
                .header("User-Agent", api.userAgent).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private AgentEgressEvent eventOf(String text) {
        return events.stream().filter(e -> text.equals(e.getContent().getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no event for the block '" + text + "' among " + events.size()));
    }

    private static void assertPolicyAttributes(AgentEgressEvent e, String told, String rule, String effect) {
        assertThat(e.getAttributes()).containsEntry("dlp.decision", told).containsEntry("dlp.policy.id", "corp")
                .containsEntry("dlp.policy.version", "5").containsEntry("dlp.policy.rule", rule)
                .containsEntry("dlp.policy.effect", effect);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void allowForwardsAndRecordsTheRule(Api api) throws Exception {
        startProxy(destinationRule("allow"), PolicySettings.AskFallback.WARN);
        HttpResponse<String> r = send(api, "allowed turn");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Agentdlp-Warning")).isEmpty();
        assertThat(upstream.received).hasSize(1);
        assertPolicyAttributes(eventOf("allowed turn"), "allow", "upstream-allow", "allow");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void warnForwardsWithAWarningHeader(Api api) throws Exception {
        startProxy(destinationRule("warn"), PolicySettings.AskFallback.WARN);
        HttpResponse<String> r = send(api, "warned turn");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Agentdlp-Warning")).contains("policy corp v5 rule upstream-warn warns");
        assertThat(upstream.received).hasSize(1);
        assertPolicyAttributes(eventOf("warned turn"), "warn", "upstream-warn", "warn");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void denyAnswersInTheProvidersFormatAndNeverReachesTheUpstream(Api api) throws Exception {
        startProxy(destinationRule("deny"), PolicySettings.AskFallback.WARN);
        HttpResponse<String> r = send(api, "denied turn");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains(api.blockedShape, "the upstream is deny (policy corp v5, rule upstream-deny)");
        assertThat(upstream.received).isEmpty();
        AgentEgressEvent e = eventOf("denied turn");
        assertPolicyAttributes(e, "deny", "upstream-deny", "deny");
        assertThat(e.getAttributes()).containsEntry("blocked", "true");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void askBecomesAWarningByDefaultSinceTheProxyCannotAsk(Api api) throws Exception {
        startProxy(destinationRule("ask"), PolicySettings.AskFallback.WARN);
        HttpResponse<String> r = send(api, "asked turn");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Agentdlp-Warning")).contains("policy corp v5 rule upstream-ask asks for confirmation (recorded as a warning)");
        assertThat(upstream.received).hasSize(1);
        AgentEgressEvent e = eventOf("asked turn");
        assertPolicyAttributes(e, "warn", "upstream-ask", "ask");
        assertThat(e.getAttributes()).containsEntry("dlp.policy.ask_fallback", "warn");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void askBlocksWithTheDenyFallback(Api api) throws Exception {
        startProxy(destinationRule("ask"), PolicySettings.AskFallback.DENY);
        HttpResponse<String> r = send(api, "asked turn");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains(api.blockedShape, "policy asks for confirmation, which the proxy cannot ask");
        assertThat(upstream.received).isEmpty();
        AgentEgressEvent e = eventOf("asked turn");
        assertPolicyAttributes(e, "deny", "upstream-ask", "ask");
        assertThat(e.getAttributes()).containsEntry("dlp.policy.ask_fallback", "deny");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void agentAndModelRulesDecidePerRequest(Api api) throws Exception {
        String gemini = "http://127.0.0.1:" + upstream.port() + "/v1beta/models/gemini-2.5-pro";
        startProxy("id: corp\nversion: 5\ndefault: allow\nrules:\n"
                + "  - {id: no-codex, effect: deny, agents: [codex], reason: Codex is not approved}\n"
                + "  - {id: no-gemini-pro, effect: deny, destinations: [\"" + gemini + "\"], reason: use gemini flash}\n",
                PolicySettings.AskFallback.WARN);
        HttpResponse<String> r = send(api, "some turn");
        boolean denied = api == Api.OPENAI_CHAT || api == Api.OPENAI_RESPONSES || api == Api.GEMINI;
        assertThat(r.statusCode()).isEqualTo(denied ? 403 : 200);
        String rule = switch (api) {
            case OPENAI_CHAT, OPENAI_RESPONSES -> "no-codex";
            case GEMINI -> "no-gemini-pro";
            case ANTHROPIC_MESSAGES -> "default";
        };
        assertPolicyAttributes(eventOf("some turn"), denied ? "deny" : "allow", rule, denied ? "deny" : "allow");
        assertThat(upstream.received).hasSize(denied ? 0 : 1);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void onlyApprovedModelsReachTheProvider(Api api) throws Exception {
        startProxy("""
                id: corp
                version: 5
                default: allow
                rules:
                  - id: unapproved-models
                    effect: deny
                    destinations: ["*"]
                    reason: this model is not approved
                  - id: approved-models
                    effect: allow
                    destinations: ["*"]
                    models: ["claude-sonnet-*", gpt-4.1, gemini-2.5-pro]
                """, PolicySettings.AskFallback.WARN);

        HttpResponse<String> approved = send(api, "approved model turn", api.approvedModel);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(upstream.received).hasSize(1);
        AgentEgressEvent forwarded = eventOf("approved model turn");
        assertPolicyAttributes(forwarded, "allow", "approved-models", "allow");
        assertThat(forwarded.getAgent().getModel()).isEqualTo(api.approvedModel);

        HttpResponse<String> denied = send(api, "unapproved model turn", api.unapprovedModel);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains(api.blockedShape, "this model is not approved (policy corp v5, rule unapproved-models)");
        assertThat(upstream.received).as("the denied request never reaches the provider").hasSize(1);
        AgentEgressEvent blocked = eventOf("unapproved model turn");
        assertPolicyAttributes(blocked, "deny", "unapproved-models", "deny");
        assertThat(blocked.getAgent().getModel()).isEqualTo(api.unapprovedModel);
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = "ANTHROPIC_MESSAGES")
    void statusReportsTheEnforcedVersion(Api api) throws Exception {
        startProxy(destinationRule("allow"), PolicySettings.AskFallback.WARN);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/agentdlp/status"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"up\"", "\"id\":\"corp\"", "\"version\":5", "\"rules\":1", "\"origin\":\"file\"");
        assertThat(upstream.received).as("the status path is the proxy's own, never forwarded").isEmpty();
        assertThat(send(api, "after status").statusCode()).isEqualTo(200);
    }
}
