package io.agentdlp.topology.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agentdlp.avro.Effect;
import io.agentdlp.avro.Policy;
import io.agentdlp.avro.PolicyRule;
import io.agentdlp.avro.Severity;
import io.agentdlp.detection.shell.Endpoint;

class PolicyBookTest {

    static PolicyRule.Builder rule(String id, Effect effect) {
        return PolicyRule.newBuilder().setId(id).setEffect(effect).setSeverity(Severity.HIGH);
    }

    static Policy policy(String id, long version, Effect def, List<String> allowed, List<PolicyRule> rules) {
        return Policy.newBuilder().setPolicyId(id).setVersion(version).setUpdatedAt(Instant.EPOCH)
                .setDefaultEffect(def).setAllowedDestinations(allowed).setRules(rules)
                .setSensitivePaths(List.of("**/vault/**")).setThresholds(Map.of("volume.zscore", 3.0)).build();
    }

    static EgressRequest request(String host, String repo, String agent, String version) {
        return new EgressRequest("u1", "dev@acme.io", List.of("payments"), "dev-1", agent, version, "WebFetch", "web",
                null, Endpoint.host(host, 443), null, repo, null, 2048, false);
    }

    @Test
    void noPolicyAllowsEverything() {
        PolicyDecision d = PolicyBook.EMPTY.decide(request("anything.example", null, "claude-code", "2.1.0"));
        assertThat(d.allowed()).isTrue();
        assertThat(d.policyId()).isEqualTo("none");
    }

    @Test
    void allowedDestinationsThenDefaultEffect() {
        PolicyBook book = PolicyBook.of(List.of(policy("default", 3, Effect.DENY, List.of("api.anthropic.com", "*.openai.com"), List.of())));
        assertThat(book.decide(request("api.anthropic.com", null, "claude-code", null)).ruleId()).isEqualTo("allowed-destinations");
        assertThat(book.decide(request("eu.api.openai.com", null, "codex", null)).allowed()).isTrue();
        PolicyDecision denied = book.decide(request("evil.example.com", null, "claude-code", null));
        assertThat(denied.effect()).isEqualTo(io.agentdlp.detection.policy.Effect.DENY);
        assertThat(denied.ruleId()).isEqualTo("default");
        assertThat(denied.version()).isEqualTo(3);
        assertThat(book.sensitivePath("/srv/vault/token")).isTrue();
        assertThat(book.sensitivePath("/srv/app/main.go")).isFalse();
        assertThat(book.threshold("volume.zscore")).hasValue(3.0);
    }

    @Test
    void mostSpecificRuleWinsAndTiesPreferTheStricterEffect() {
        PolicyRule payments = rule("payments-no-external", Effect.DENY).setRepos(List.of("*acme/payments*"))
                .setDestinations(List.of("*")).build();
        PolicyRule allowAll = rule("allow-web", Effect.ALLOW).setDestinations(List.of("*")).build();
        PolicyRule tieAllow = rule("tie-allow", Effect.ALLOW).setAgents(List.of("codex")).build();
        PolicyRule tieWarn = rule("tie-warn", Effect.WARN).setAgents(List.of("codex")).build();
        PolicyBook book = PolicyBook.of(List.of(policy("default", 1, Effect.ALLOW, List.of(),
                List.of(allowAll, payments, tieAllow, tieWarn))));
        assertThat(book.decide(request("x.example.com", "git@github.com:acme/payments.git", "claude-code", null)).ruleId())
                .isEqualTo("payments-no-external");
        assertThat(book.decide(request("x.example.com", "git@github.com:acme/web.git", "claude-code", null)).ruleId())
                .isEqualTo("allow-web");
        PolicyDecision tie = book.decide(new EgressRequest(null, null, List.of(), "d", "codex", null, null, null, null,
                null, null, null, null, 0, false));
        assertThat(tie.ruleId()).isEqualTo("tie-warn");
    }

    @Test
    void agentVersionRangesGroupsAndConditions() {
        PolicyRule oldAgents = rule("old-claude", Effect.DENY).setAgents(List.of("claude-code@<2.0")).build();
        PolicyRule team = rule("payments-team-big", Effect.WARN).setGroups(List.of("Payments"))
                .setMaxContentBytes(1000L).build();
        PolicyRule sensitive = rule("sensitive-out", Effect.DENY).setRequiresSensitiveContent(true)
                .setDestinations(List.of("*.example.com")).setGroups(List.of("payments")).build();
        PolicyBook book = PolicyBook.of(List.of(policy("p", 1, Effect.ALLOW, List.of(), List.of(oldAgents, team, sensitive))));
        EgressRequest old = new EgressRequest("u1", null, List.of(), "d", "claude-code", "1.9.3", null, null, null,
                Endpoint.host("a.example.com", 443), null, null, null, 2048, false);
        assertThat(book.decide(old).ruleId()).isEqualTo("old-claude");
        assertThat(book.decide(request("a.example.com", null, "claude-code", "2.1.240")).ruleId()).isEqualTo("payments-team-big");
        assertThat(book.decide(request("a.example.com", null, "claude-code", "2.1.240").withSensitiveContent(true)).ruleId())
                .isEqualTo("sensitive-out");
    }

    @Test
    void severalDocumentsRuleDecisionsBeatDefaultsAndTheStrictestDefaultApplies() {
        PolicyRule mirrorOnly = rule("artifact-mirror", Effect.ALLOW).setDestinations(List.of("mirror.corp")).build();
        Policy open = policy("a-team", 2, Effect.ALLOW, List.of(), List.of(mirrorOnly));
        Policy strict = policy("default", 7, Effect.DENY, List.of("api.anthropic.com"), List.of());
        PolicyBook book = PolicyBook.of(List.of(strict, open));
        assertThat(book.versions()).containsEntry("a-team", 2L).containsEntry("default", 7L);
        assertThat(book.decide(request("mirror.corp", null, "x", null)).ruleId()).isEqualTo("artifact-mirror");
        assertThat(book.decide(request("api.anthropic.com", null, "x", null)).ruleId()).isEqualTo("allowed-destinations");
        PolicyDecision other = book.decide(request("files.example.net", null, "x", null));
        assertThat(other.allowed()).isFalse();
        assertThat(other.policyId()).isEqualTo("default");
        assertThat(other.ruleId()).isEqualTo("default");
    }

    @Test
    void urlPrefixDestinations() {
        PolicyRule r = rule("no-gists", Effect.DENY).setDestinations(List.of("https://gist.github.com/")).build();
        PolicyBook book = PolicyBook.of(List.of(policy("p", 1, Effect.ALLOW, List.of(), List.of(r))));
        EgressRequest gist = new EgressRequest(null, null, List.of(), "d", "x", null, null, null, null,
                Endpoint.fromUrl("https://gist.github.com/abc?x=1").orElseThrow(), null, null, null, 0, false);
        assertThat(book.decide(gist).effect()).isEqualTo(io.agentdlp.detection.policy.Effect.DENY);
        assertThat(book.decide(request("github.com", null, "x", null)).allowed()).isTrue();
    }

    @Test
    void globs() {
        assertThat(Glob.path("**/.env").matchesPath("/home/dev/app/.env")).isTrue();
        assertThat(Glob.path(".env").matchesPath("C:\\Users\\dev\\app\\.env")).isTrue();
        assertThat(Glob.path("**/secrets/**").matchesPath("/srv/app/secrets/db/pass.txt")).isTrue();
        assertThat(Glob.path("**/*.pem").matchesPath("/tmp/key.pem")).isTrue();
        assertThat(Glob.path("**/*.pem").matchesPath("/tmp/key.pem.txt")).isFalse();
        assertThat(Glob.host("*.example.com").matchesHost("A.B.Example.com")).isTrue();
        assertThat(Glob.host("*.example.com").matchesHost("example.com")).isFalse();
    }

    @Test
    void modelRulesFromTheTopicDecideOnTheModelOfTheEgress() {
        PolicyRule unapproved = rule("unapproved-models", Effect.DENY).setGroups(List.of("payments"))
                .setDestinations(List.of("*")).build();
        PolicyRule approved = rule("approved-models", Effect.ALLOW).setGroups(List.of("payments"))
                .setDestinations(List.of("*")).setModels(List.of("claude-sonnet-*", "gpt-4.1")).build();
        PolicyBook book = PolicyBook.of(List.of(policy("payments", 2, Effect.ALLOW, List.of(), List.of(unapproved, approved))));
        assertThat(book.decide(modelRequest("claude-sonnet-4-5")).ruleId()).isEqualTo("approved-models");
        PolicyDecision opus = book.decide(modelRequest("claude-opus-4-1"));
        assertThat(opus.ruleId()).isEqualTo("unapproved-models");
        assertThat(opus.allowed()).isFalse();
        assertThat(book.decide(modelRequest(null)).ruleId()).as("an unknown model never matches a model rule")
                .isEqualTo("unapproved-models");
    }

    private static EgressRequest modelRequest(String model) {
        return new EgressRequest("u1", "dev@acme.io", List.of("payments"), "dev-1", "claude-code", "2.1.0", null, null,
                null, Endpoint.host("api.anthropic.com", 443), model, null, null, 2048, false);
    }
}
