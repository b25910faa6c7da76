package io.agentdlp.ingest.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.detection.policy.PolicyFile;
import io.agentdlp.ingest.delivery.GatewayEventPublisher;
import io.agentdlp.ingest.policy.PolicyBundle;
import io.agentdlp.ingest.policy.PolicySubject;
import io.agentdlp.ingest.samples.Fixtures;
import io.agentdlp.ingest.samples.HookSample;
import io.agentdlp.ingest.samples.HookSamples;
import io.agentdlp.ingest.samples.RecordingGateway;
import io.agentdlp.ingest.policy.PolicyCache;
import io.agentdlp.ingest.policy.PolicySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Access policies enforced by the sensor: every effect through every agent's hook format, {@code ask}
 * where the agent can ask and its fallback where it cannot, and the decision (rule, policy version)
 * recorded on the event.
 */
class SensorAccessPolicyTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    static final String POLICY = """
            id: access
            version: 3
            default: allow
            rules:
              - {id: no-mcp, effect: deny, tools: ["category:mcp"], reason: MCP server not approved}
              - {id: mcp-github, effect: allow, tools: ["category:mcp"], mcp_servers: [github]}
              - {id: cursor-mcp-ask, effect: ask, agents: [cursor], tools: ["category:mcp"], reason: confirm MCP calls}
              - {id: shell-net-deny, effect: deny, tools: [Bash, run_shell_command, Shell], destinations: ["*"],
                 reason: network tools only to the artifact mirror}
              - {id: shell-net-mirror, effect: allow, tools: [Bash], destinations: [mirror.acme.internal]}
              - {id: web-ask, effect: ask, tools: [WebFetch, web_fetch], reason: web fetches need confirmation}
              - {id: env-warn, effect: warn, paths: ["**/.env"], reason: reading env files is audited}
              - {id: app-edits-ask, effect: ask, repos: ["github.com/acme/app"], tools: [edit], reason: app edits need review}
            """;

    @TempDir
    Path dir;
    private RecordingGateway gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws IOException {
        gateway = new RecordingGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private SensorDaemon sensor(String policy, PolicySettings.AskFallback fallback) throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, policy);
        SensorConfig c = SensorConfig.defaults(dir.resolve("sensor")).withPorts(0, -1)
                .withPolicy(PolicySettings.none().withFile(file).withAskFallback(fallback));
        return SensorDaemon.start(c, new GatewayEventPublisher(gateway.url(), "t", null, Duration.ofSeconds(10)),
                "gateway:test", Fixtures.REPOS, Fixtures.CLOCK, Fixtures.DEVICE);
    }

    private HttpResponse<String> hook(SensorDaemon s, String agent, String event, String body) throws Exception {
        String q = event == null ? "" : "?event=" + event;
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.hookAddress().getPort() + "/hook/" + agent + q))
                .header(SensorConfig.TOKEN_HEADER, s.identity().token())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HookSample sample(String name) {
        return HookSamples.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static Stream<Arguments> effects() {
        return Stream.of(
                // sample, expected answer fragment, rule, dlp.decision
                Arguments.of("claude PreToolUse WebFetch", "\"permissionDecision\":\"ask\"", "web-ask", "ask"),
                Arguments.of("claude PreToolUse MCP", "{}", "mcp-github", "allow"),
                Arguments.of("claude PreToolUse Read", "{\"systemMessage\":\"agentdlp warning: reading env files is audited", "env-warn", "warn"),
                Arguments.of("codex PreToolUse MCP", "\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"agentdlp blocked this: MCP server not approved",
                        "no-mcp", "deny"),
                Arguments.of("gemini BeforeTool run_shell_command", "{\"decision\":\"deny\",\"reason\":\"agentdlp blocked this: network tools only",
                        "shell-net-deny", "deny"),
                Arguments.of("gemini BeforeTool web_fetch", "{\"decision\":\"deny\",\"reason\":\"agentdlp blocked this (policy asks for confirmation",
                        "web-ask", "deny"),
                Arguments.of("cursor beforeShellExecution", "{\"permission\":\"deny\",\"user_message\":\"agentdlp blocked this: network tools",
                        "shell-net-deny", "deny"),
                Arguments.of("cursor beforeMCPExecution", "{\"permission\":\"ask\",\"user_message\":\"agentdlp asks you to confirm: confirm MCP calls",
                        "cursor-mcp-ask", "ask"),
                Arguments.of("copilot preToolUse edit", "{\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"agentdlp blocked this (policy asks",
                        "app-edits-ask", "deny"),
                Arguments.of("copilot PascalCase PreToolUse", "{}", "default", "allow"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("effects")
    void eachAgentGetsThePolicyDecisionInItsOwnFormat(String name, String answer, String rule, String decision) throws Exception {
        HookSample s = sample(name);
        try (SensorDaemon sensor = sensor(POLICY, PolicySettings.AskFallback.DENY)) {
            HttpResponse<String> r = hook(sensor, s.agent().id(), s.event(), s.json());
            assertThat(r.statusCode()).isEqualTo(200);
            if (answer.equals("{}")) {
                assertThat(r.body()).isEqualTo("{}");
            } else {
                assertThat(r.body()).contains(answer);
            }
            if (!decision.equals("allow")) {
                assertThat(r.body()).contains("[policy access v3, rule " + rule + "]");
            }
            AgentEgressEvent e = gateway.await(1, WAIT).get(0);
            assertThat(e.getAttributes()).containsEntry("dlp.decision", decision).containsEntry("dlp.policy.id", "access")
                    .containsEntry("dlp.policy.version", "3").containsEntry("dlp.policy.rule", rule);
            if (decision.equals("deny") && rule.endsWith("-ask")) {
                assertThat(e.getAttributes()).containsEntry("dlp.policy.effect", "ask").containsEntry("dlp.policy.ask_fallback", "deny");
            }
        }
    }

    @ParameterizedTest(name = "model {0}")
    @MethodSource("geminiModels")
    void modelRulesDecideTheHooksThatNameTheModel(String model, String answer, String rule) throws Exception {
        HookSample s = sample("gemini BeforeModel");
        String policy = """
                id: access
                version: 3
                default: allow
                rules:
                  - {id: no-pro, effect: deny, models: ["gemini-*-pro"], reason: use the flash models}
                """;
        try (SensorDaemon sensor = sensor(policy, PolicySettings.AskFallback.DENY)) {
            HttpResponse<String> r = hook(sensor, s.agent().id(), s.event(), s.json().replace("gemini-2.5-pro", model));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith(answer);
            AgentEgressEvent e = gateway.await(1, WAIT).get(0);
            assertThat(e.getAgent().getModel()).isEqualTo(model);
            assertThat(e.getAttributes()).containsEntry("dlp.policy.rule", rule);
        }
    }

    static Stream<Arguments> geminiModels() {
        return Stream.of(Arguments.of("gemini-2.5-pro", "{\"decision\":\"deny\"", "no-pro"),
                Arguments.of("gemini-2.5-flash", "{}", "default"));
    }

    /** One tool hook per agent and what each effect must answer there (docs/policy.md, "Effects per agent"). */
    static Stream<Arguments> everyEffectForEveryAgent() {
        String[][] table = {
            // sample, agent, deny, ask, warn
            {"claude PreToolUse Bash", "claude-code", "\"permissionDecision\":\"deny\"", "\"permissionDecision\":\"ask\"", "{\"systemMessage\":\"agentdlp warning: "},
            {"codex PreToolUse shell", "codex", "\"permissionDecision\":\"deny\"", "\"permissionDecision\":\"deny\"", "{\"systemMessage\":\"agentdlp warning: "},
            {"gemini BeforeTool run_shell_command", "gemini-cli", "{\"decision\":\"deny\"", "{\"decision\":\"deny\"", "{\"systemMessage\":\"agentdlp warning: "},
            {"cursor beforeShellExecution", "cursor", "{\"permission\":\"deny\"", "{\"permission\":\"ask\"", "\"user_message\":\"agentdlp warning: "},
            {"copilot preToolUse bash", "copilot", "\"permissionDecision\":\"deny\"", "\"permissionDecision\":\"deny\"", "{}"},
        };
        Stream.Builder<Arguments> b = Stream.builder();
        for (String[] row : table) {
            boolean canAsk = row[3].contains("ask");
            b.add(Arguments.of(row[0], row[1], "deny", row[2], "deny"));
            b.add(Arguments.of(row[0], row[1], "ask", row[3], canAsk ? "ask" : "deny"));
            b.add(Arguments.of(row[0], row[1], "warn", row[4], "warn"));
            b.add(Arguments.of(row[0], row[1], "allow", "{}", "allow"));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("everyEffectForEveryAgent")
    void everyEffectReachesEveryAgentInItsFormat(String name, String agent, String effect, String answer, String told)
            throws Exception {
        HookSample s = sample(name);
        String policy = "id: access\nversion: 4\ndefault: allow\nrules:\n  - {id: " + agent + "-" + effect + ", effect: " + effect
                + ", agents: [" + agent + "], reason: " + effect + " for " + agent + "}\n";
        try (SensorDaemon sensor = sensor(policy, PolicySettings.AskFallback.DENY)) {
            HttpResponse<String> r = hook(sensor, s.agent().id(), s.event(), s.json());
            assertThat(r.statusCode()).isEqualTo(200);
            if (answer.equals("{}")) {
                assertThat(r.body()).isEqualTo("{}");
            } else {
                assertThat(r.body()).contains(answer, effect + " for " + agent + " [policy access v4, rule " + agent + "-" + effect + "]");
            }
            AgentEgressEvent e = gateway.await(1, WAIT).get(0);
            assertThat(e.getAttributes()).containsEntry("dlp.decision", told).containsEntry("dlp.policy.version", "4")
                    .containsEntry("dlp.policy.rule", agent + "-" + effect).containsEntry("dlp.policy.effect", effect);
        }
    }

    @Test
    void bashNetworkToolsReachOnlyTheMirror() throws Exception {
        try (SensorDaemon s = sensor(POLICY, PolicySettings.AskFallback.DENY)) {
            String mirror = bash("curl -fsSL https://mirror.acme.internal/pkg.tgz -o pkg.tgz");
            String elsewhere = bash("cd /tmp && scp build.tar deploy@files.example.net:/drop/");
            assertThat(hook(s, "claude-code", null, mirror).body()).isEqualTo("{}");
            assertThat(hook(s, "claude-code", null, elsewhere).body()).contains("\"permissionDecision\":\"deny\"", "shell-net-deny");
            List<AgentEgressEvent> got = gateway.await(2, WAIT);
            assertThat(got.get(0).getAttributes()).containsEntry("dlp.policy.rule", "shell-net-mirror");
            assertThat(got.get(1).getDestination().getHost()).isEqualTo("files.example.net");
            assertThat(s.activity().denied()).isEqualTo(1);
        }
    }

    private static String bash(String command) {
        return "{\"session_id\":\"s\",\"cwd\":\"/home/dev/repo\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\","
                + "\"tool_input\":{\"command\":\"" + command + "\"}}";
    }

    static Stream<Arguments> prompts() {
        return Stream.of(
                Arguments.of("claude UserPromptSubmit", "{\"decision\":\"block\",\"reason\":\"agentdlp blocked this (policy asks", "{\"systemMessage\":\"agentdlp warning: policy default"),
                Arguments.of("codex UserPromptSubmit", "{\"decision\":\"block\",\"reason\":\"agentdlp blocked this (policy asks", "{\"systemMessage\":\"agentdlp warning: policy default"),
                Arguments.of("gemini BeforeAgent", "{\"decision\":\"deny\",\"reason\":\"agentdlp blocked this (policy asks", "{\"systemMessage\":\"agentdlp warning: policy default"),
                Arguments.of("cursor beforeSubmitPrompt", "{\"continue\":false,\"user_message\":\"agentdlp blocked this (policy asks", "{\"continue\":true,\"user_message\":\"agentdlp warning: policy default"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prompts")
    void askOnAPromptFallsBackWhereTheAgentCannotAsk(String name, String denied, String warned) throws Exception {
        HookSample s = sample(name);
        String askByDefault = "id: strict\nversion: 9\ndefault: ask\n";
        try (SensorDaemon sensor = sensor(askByDefault, PolicySettings.AskFallback.DENY)) {
            assertThat(hook(sensor, s.agent().id(), s.event(), s.json()).body()).startsWith(denied);
            gateway.await(1, WAIT);
        }
        try (SensorDaemon sensor = sensor(askByDefault, PolicySettings.AskFallback.WARN)) {
            assertThat(hook(sensor, s.agent().id(), s.event(), s.json()).body()).startsWith(warned);
            gateway.await(2, WAIT);
        }
        List<AgentEgressEvent> got = gateway.events();
        assertThat(got).extracting(e -> e.getAttributes().get("dlp.decision")).containsExactly("deny", "warn");
        assertThat(got).allSatisfy(e -> assertThat(e.getAttributes()).containsEntry("dlp.policy.rule", "default")
                .containsEntry("dlp.policy.version", "9").containsEntry("dlp.policy.effect", "ask"));
    }

    @Test
    void aSecretStillDeniesWhatThePolicyAllows() throws Exception {
        try (SensorDaemon s = sensor(POLICY, PolicySettings.AskFallback.DENY)) {
            String write = "{\"session_id\":\"s\",\"cwd\":\"/tmp\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Write\","
                    + "\"tool_input\":{\"file_path\":\"/tmp/a.txt\",\"content\":\"key " + SensorDaemonTest.GITHUB_TOKEN + "\"}}";
            assertThat(hook(s, "claude-code", null, write).body()).contains("\"permissionDecision\":\"deny\"", "github-pat-classic");
            AgentEgressEvent e = gateway.await(1, WAIT).get(0);
            assertThat(e.getAttributes()).containsEntry("dlp.decision", "deny").containsEntry("dlp.policy.effect", "allow")
                    .containsEntry("dlp.policy.rule", "default");
        }
    }

    @Test
    void aCachedPolicyIsEnforcedWhenTheGatewayIsUnreachable() throws Exception {
        Path data = dir.resolve("sensor");
        new PolicyCache(data).save(new PolicyBundle(PolicyFile.parse(POLICY, "test"),
                new PolicySubject("dev-7f3a", "u-alice", "alice@acme.com", List.of("payments-team"))));
        URI deadGateway = URI.create("http://127.0.0.1:" + freePort() + "/");
        SensorConfig c = SensorConfig.defaults(data).withPorts(0, -1)
                .withPolicy(PolicySettings.none().withGateway(deadGateway, "adlp_x", null, Duration.ofMillis(100)));
        try (SensorDaemon s = SensorDaemon.start(c, new GatewayEventPublisher(gateway.url(), "t", null, Duration.ofSeconds(10)),
                "gateway:test", Fixtures.REPOS, Fixtures.CLOCK, Fixtures.DEVICE)) {
            assertThat(hook(s, "codex", null, sample("codex PreToolUse MCP").json()).body()).contains("\"permissionDecision\":\"deny\"", "no-mcp");
            AgentEgressEvent e = gateway.await(1, WAIT).get(0);
            assertThat(e.getAttributes()).containsEntry("dlp.policy.version", "3");
            assertThat(e.getUser().getEmail()).as("the token-bound user replaces the install default").isEqualTo("alice@acme.com");
            assertThat(e.getUser().getId()).isEqualTo("u-alice");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (s.policySync().lastError() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String status = StatusEndpoint.json(s);
            assertThat(status).contains("\"policy\":{\"id\":\"access\",\"version\":3,\"rules\":8,\"default\":\"allow\",\"origin\":\"cache\"",
                    "\"last_error\":\"unreachable: ");
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
