package io.agentdlp.detection.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class PolicyEngineTest {

    private static PolicyEngine engine(String yaml) {
        return new PolicyEngine(PolicyFile.parse(yaml, "test.yaml"));
    }

    private static PolicyRequest tool(String agent, String version, String tool, String category, String repo, String host) {
        return new PolicyRequest("u1", "dev@corp.io", List.of("payments-team"), "dev-laptop-1", agent, version, tool,
                category, null, host, host == null ? null : "https://" + host + "/v1/messages", null, repo, null, 100, false);
    }

    @Test
    void noRuleMatchingFallsBackToTheDefaultEffect() {
        PolicyEngine e = engine("id: p\nversion: 7\ndefault: deny\n");
        PolicyDecision d = e.decide(tool("claude-code", "2.1.0", "Bash", "shell", null, null));
        assertThat(d.effect()).isEqualTo(Effect.DENY);
        assertThat(d.byDefault()).isTrue();
        assertThat(d.policyVersion()).isEqualTo(7);
    }

    @Test
    void moreSpecificRuleWinsOverABroaderOne() {
        PolicyEngine e = engine("""
                default: allow
                rules:
                  - id: no-mcp
                    effect: deny
                    tools: ["category:mcp"]
                    reason: MCP servers are not approved
                  - id: approved-github-mcp
                    effect: allow
                    tools: ["category:mcp"]
                    mcp_servers: [github]
                """);
        PolicyRequest github = new PolicyRequest("u", null, List.of(), "d", "claude-code", "2.1", "mcp__github__create_issue",
                "mcp", "github", null, null, null, null, null, 0, false);
        PolicyRequest other = new PolicyRequest("u", null, List.of(), "d", "claude-code", "2.1", "mcp__slack__post",
                "mcp", "slack", null, null, null, null, null, 0, false);
        assertThat(e.decide(github).ruleId()).isEqualTo("approved-github-mcp");
        assertThat(e.decide(github).effect()).isEqualTo(Effect.ALLOW);
        assertThat(e.decide(other).effect()).isEqualTo(Effect.DENY);
        assertThat(e.decide(other).reason()).isEqualTo("MCP servers are not approved");
    }

    @Test
    void onEqualSpecificityTheStricterEffectWins() {
        PolicyEngine e = engine("""
                rules:
                  - {id: a, effect: allow, tools: [Bash]}
                  - {id: w, effect: warn, tools: [Bash]}
                  - {id: d, effect: deny, tools: [Bash]}
                  - {id: q, effect: ask, tools: [Bash]}
                """);
        assertThat(e.decide(tool("codex", "1", "Bash", "shell", null, null)).ruleId()).isEqualTo("d");
    }

    @Test
    void exactPatternIsMoreSpecificThanAWildcard() {
        PolicyEngine e = engine("""
                rules:
                  - {id: any-model, effect: deny, destinations: ["*.anthropic.com"]}
                  - {id: api, effect: allow, destinations: [api.anthropic.com]}
                """);
        assertThat(e.decide(tool("claude-code", "2", null, null, null, "api.anthropic.com")).ruleId()).isEqualTo("api");
        assertThat(e.decide(tool("claude-code", "2", null, null, null, "evil.anthropic.com")).ruleId()).isEqualTo("any-model");
    }

    @Test
    void paymentsRepoMayNotUseExternalModelEndpoints() {
        PolicyEngine e = engine("""
                rules:
                  - id: payments-no-external-models
                    effect: deny
                    repos: ["github.com/acme/payments*"]
                    destinations: ["*"]
                    reason: payments code stays on the internal model gateway
                  - id: payments-internal-gateway
                    effect: allow
                    repos: ["github.com/acme/payments*"]
                    destinations: [llm-gateway.acme.internal]
                """);
        assertThat(e.decide(tool("claude-code", "2", null, null, "git@github.com:acme/payments-core.git", "api.anthropic.com")).effect())
                .isEqualTo(Effect.DENY);
        assertThat(e.decide(tool("claude-code", "2", null, null, "https://github.com/acme/payments-core", "llm-gateway.acme.internal")).effect())
                .isEqualTo(Effect.ALLOW);
        assertThat(e.decide(tool("claude-code", "2", null, null, "git@github.com:acme/website.git", "api.anthropic.com")).byDefault())
                .isTrue();
    }

    private static PolicyRequest modelCall(String host, String model) {
        return new PolicyRequest("u1", "dev@corp.io", List.of("payments-team"), "dev-laptop-1", "claude-code", "2.1",
                null, null, null, host, "https://" + host + "/v1/messages", model, null, null, 100, false);
    }

    @Test
    void onlyApprovedModelsForThePaymentsTeam() {
        PolicyEngine e = engine("""
                rules:
                  - id: payments-unapproved-models
                    effect: deny
                    groups: [payments-team]
                    destinations: ["*"]
                    reason: only approved models for payments
                  - id: payments-approved-models
                    effect: allow
                    groups: [payments-team]
                    destinations: ["*"]
                    models: ["claude-sonnet-*", gpt-4.1]
                """);
        assertThat(e.decide(modelCall("api.anthropic.com", "claude-sonnet-4-5")).ruleId()).isEqualTo("payments-approved-models");
        assertThat(e.decide(modelCall("api.openai.com", "GPT-4.1")).effect()).as("model names ignore case").isEqualTo(Effect.ALLOW);
        assertThat(e.decide(modelCall("api.openai.com", "gpt-4.1-mini")).ruleId()).isEqualTo("payments-unapproved-models");
        assertThat(e.decide(modelCall("api.anthropic.com", "claude-opus-4-1")).effect()).isEqualTo(Effect.DENY);
        assertThat(e.decide(modelCall("api.anthropic.com", null)).ruleId())
                .as("a rule naming models never matches an action whose model is unknown").isEqualTo("payments-unapproved-models");
    }

    @Test
    void aRuleNamingAModelIsMoreSpecificAndAnExactModelBeatsAGlob() {
        PolicyEngine e = engine("""
                rules:
                  - {id: anthropic, effect: allow, destinations: [api.anthropic.com]}
                  - {id: no-opus, effect: deny, destinations: [api.anthropic.com], models: ["claude-opus-*"]}
                  - {id: opus-pinned, effect: warn, destinations: [api.anthropic.com], models: [claude-opus-4-1]}
                  - {id: any-mini, effect: ask, models: ["*-mini"]}
                """);
        assertThat(e.decide(modelCall("api.anthropic.com", "claude-sonnet-4-5")).ruleId()).isEqualTo("anthropic");
        assertThat(e.decide(modelCall("api.anthropic.com", "claude-opus-4-0")).ruleId()).isEqualTo("no-opus");
        assertThat(e.decide(modelCall("api.anthropic.com", "claude-opus-4-1")).ruleId()).isEqualTo("opus-pinned");
        assertThat(e.decide(modelCall("api.openai.com", "gpt-4.1-mini")).ruleId()).isEqualTo("any-mini");
        assertThat(e.decide(modelCall("api.openai.com", "gpt-4.1")).byDefault()).isTrue();
    }

    @Test
    void agentVersionBoundsAndGroups() {
        PolicyEngine e = engine("""
                rules:
                  - {id: old-codex, effect: deny, agents: ["codex@<0.40"], reason: upgrade codex}
                  - {id: payments-ask, effect: ask, groups: [payments-team], tools: [Bash]}
                """);
        assertThat(e.decide(tool("codex", "0.39.2", "Edit", "file_write", null, null)).ruleId()).isEqualTo("old-codex");
        assertThat(e.decide(tool("codex", "0.40.0", "Edit", "file_write", null, null)).byDefault()).isTrue();
        assertThat(e.decide(tool("codex", null, "Edit", "file_write", null, null)).byDefault())
                .as("an unknown version never satisfies a bound").isTrue();
        assertThat(e.decide(tool("claude-code", "2", "Bash", "shell", null, null)).effect()).isEqualTo(Effect.ASK);
    }

    @Test
    void pathGlobsAndSensitiveContentConditions() {
        PolicyEngine e = engine("""
                sensitive_paths: ["**/.env", "**/.ssh/**"]
                allowed_destinations: ["*.anthropic.com"]
                rules:
                  - {id: no-env-read, effect: deny, tools: [Read], paths: ["**/.env"]}
                  - {id: big-upload, effect: warn, min_content_bytes: 1000000}
                  - {id: secrets-out, effect: deny, requires_sensitive_content: true, destinations: ["*"]}
                """);
        PolicyRequest read = new PolicyRequest("u", null, List.of(), "d", "claude-code", "2", "Read", "file_read", null, null, null,
                null, null, "C:\\work\\app\\.env", 0, false);
        assertThat(e.decide(read).ruleId()).isEqualTo("no-env-read");
        assertThat(e.sensitivePath("/home/dev/.ssh/id_rsa")).isTrue();
        assertThat(e.sensitivePath("/home/dev/app/env.md")).isFalse();
        assertThat(e.allowedDestination("API.anthropic.com")).isTrue();
        assertThat(e.allowedDestination("example.org")).isFalse();
        PolicyRequest big = new PolicyRequest("u", null, List.of(), "d", "claude-code", "2", null, null, null, "x.io", null,
                null, null, null, 2_000_000, false);
        assertThat(e.decide(big).ruleId()).isEqualTo("big-upload");
        PolicyRequest secret = new PolicyRequest("u", null, List.of(), "d", "claude-code", "2", null, null, null, "x.io", null,
                null, null, null, 10, true);
        assertThat(e.decide(secret).ruleId()).isEqualTo("secrets-out");
    }

    @Test
    void invalidFilesAreRejectedNamingTheRuleAndField() {
        assertThatThrownBy(() -> PolicyFile.parse("rules:\n  - {id: r1, effect: block}\n", "p.yaml"))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("p.yaml: rule 'r1': effect").hasMessageContaining("block");
        assertThatThrownBy(() -> PolicyFile.parse("rules:\n  - {id: r1, effect: deny, tool: [Bash]}\n", "p.yaml"))
                .hasMessageContaining("rule 'r1': unknown key 'tool'");
        assertThatThrownBy(() -> PolicyFile.parse("rules:\n  - {effect: deny}\n", "p.yaml"))
                .hasMessageContaining("rules[0]: missing id");
        assertThatThrownBy(() -> PolicyFile.parse("rules:\n  - {id: a, effect: deny}\n  - {id: a, effect: allow}\n", "p.yaml"))
                .hasMessageContaining("rule 'a': duplicate id");
        assertThatThrownBy(() -> PolicyFile.parse("rules:\n  - {id: m, effect: deny, models: {name: gpt-4.1}}\n", "p.yaml"))
                .hasMessageContaining("rule 'm': models must be a list of strings");
        assertThatThrownBy(() -> PolicyFile.parse("rules: [\n", "p.yaml")).hasMessageContaining("p.yaml: not valid YAML/JSON");
    }

    @Test
    void repoRemotesNormalise() {
        assertThat(RepoRemote.normalise("git@github.com:Acme/App.git")).isEqualTo("github.com/acme/app");
        assertThat(RepoRemote.normalise("https://user@github.com/acme/app.git/")).isEqualTo("github.com/acme/app");
        assertThat(RepoRemote.normalise("ssh://git@gitlab.corp:2222/acme/app")).isEqualTo("gitlab.corp/acme/app");
    }

    @Test
    void shippedDefaultPolicyParsesAndProtectsSecrets() throws IOException {
        try (InputStream in = PolicyFile.class.getResourceAsStream("default-policy.yaml")) {
            PolicyEngine e = new PolicyEngine(PolicyFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-policy.yaml"));
            assertThat(e.sensitivePath("/home/dev/repo/.env")).isTrue();
            PolicyRequest leak = new PolicyRequest("u", null, List.of(), "d", "claude-code", "2", "Bash", "shell", null,
                    "paste.example.net", null, null, null, null, 10, true);
            assertThat(e.decide(leak).effect()).isEqualTo(Effect.DENY);
            PolicyRequest model = new PolicyRequest("u", null, List.of(), "d", "claude-code", "2", null, null, null,
                    "api.anthropic.com", null, null, null, null, 10, true);
            assertThat(e.decide(model).effect()).isEqualTo(Effect.ALLOW);
        }
    }

    @Test
    void renderedPoliciesParseBackToTheSameDocument() {
        PolicyDocument d = PolicyFile.parse("""
                id: team
                version: 4
                default: ask
                allowed_destinations: [api.anthropic.com]
                sensitive_paths: ["**/.env"]
                thresholds: {volume.zscore: 4.0}
                rules:
                  - {id: r1, description: d, effect: deny, reason: no, severity: high, users: ["*@acme.com"], groups: [payments],
                     devices: [build-*], agents: ["codex@>=0.40"], tools: [Bash, "category:web"], mcp_servers: [github],
                     destinations: ["https://mirror/"], models: ["claude-sonnet-*", gpt-4.1], repos: ["github.com/acme/*"], paths: ["**/secrets/**"],
                     min_content_bytes: 10, requires_sensitive_content: true}
                  - {id: r2, effect: allow}
                """, "t.yaml");
        assertThat(PolicyFile.parse(PolicyFile.render(d), "rendered")).isEqualTo(d);
    }
}
