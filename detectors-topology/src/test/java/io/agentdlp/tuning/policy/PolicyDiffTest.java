package io.agentdlp.tuning.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyFile;

class PolicyDiffTest {
    static final String LIVE = """
            id: default
            version: 3
            default: allow
            allowed_destinations: [api.anthropic.com, pypi.org]
            sensitive_paths: ["**/.env"]
            thresholds: {volume.zscore: 4.0, policy.max_content_bytes: 262144}
            rules:
              - {id: secrets-out, effect: deny, severity: high, requires_sensitive_content: true, destinations: ["*"]}
              - {id: old-codex, effect: ask, agents: ["codex@<0.40"]}
            """;
    static final String CANDIDATE = """
            id: default
            version: 4
            default: warn
            allowed_destinations: [api.anthropic.com, api.mistral.ai]
            sensitive_paths: ["**/.env"]
            thresholds: {volume.zscore: 3.0, volume.min.bytes: 5000000}
            rules:
              - {id: no-pastebin, effect: deny, destinations: [pastebin.com], reason: "paste sites leak"}
              - {id: secrets-out, effect: deny, severity: critical, requires_sensitive_content: true, destinations: ["*", "x.io"]}
            """;

    @Test
    void listsEveryChangedSettingAndRule() {
        PolicyDiff d = PolicyDiff.between(PolicyFile.parse(LIVE, "live"), PolicyFile.parse(CANDIDATE, "candidate"));
        assertThat(d.render()).containsExactly(
                "policy 'default': version 3 -> version 4",
                "  ~ default: allow -> warn",
                "  ~ allowed_destinations: + api.mistral.ai, - pypi.org",
                "  ~ thresholds.policy.max_content_bytes: 262144.0 -> (unset)",
                "  ~ thresholds.volume.min.bytes: (unset) -> 5000000.0",
                "  ~ thresholds.volume.zscore: 4.0 -> 3.0",
                "  + rule no-pastebin (effect deny; reason \"paste sites leak\"; severity medium; destinations [pastebin.com])",
                "  - rule old-codex",
                "  ~ rule secrets-out: severity high -> critical; destinations + x.io");
        assertThat(d.noChanges()).isFalse();
    }

    @Test
    void modelListChangesAreListed() {
        String live = "id: p\nversion: 1\nrules:\n  - {id: approved, effect: allow, models: [gpt-4.1]}\n";
        PolicyDiff d = PolicyDiff.between(PolicyFile.parse(live, "live"),
                PolicyFile.parse(live.replace("version: 1", "version: 2").replace("[gpt-4.1]", "[gpt-4.1, \"claude-sonnet-*\"]"), "c"));
        assertThat(d.render()).containsExactly("policy 'p': version 1 -> version 2", "  ~ rule approved: models + claude-sonnet-*");
    }

    @Test
    void ruleOrderAndVersionAloneAreNoChange() {
        PolicyDocument live = PolicyFile.parse(LIVE, "live");
        PolicyDocument reordered = PolicyFile.parse(LIVE.replace("version: 3", "version: 9")
                .replace("  - {id: secrets-out, effect: deny, severity: high, requires_sensitive_content: true, destinations: [\"*\"]}\n", "")
                + "  - {id: secrets-out, effect: deny, severity: high, requires_sensitive_content: true, destinations: [\"*\"]}\n", "x");
        PolicyDiff d = PolicyDiff.between(live, reordered);
        assertThat(d.noChanges()).isTrue();
        assertThat(d.render()).containsExactly("policy 'default': version 3 -> version 9", "  (no changes)");
    }

    @Test
    void aDocumentNotOnTheTopicIsNew() {
        PolicyDiff d = PolicyDiff.between(null, PolicyFile.parse("id: team-a\nversion: 1\nrules: [{id: r, effect: deny, tools: [Bash]}]", "f"));
        assertThat(d.render()).containsExactly("policy 'team-a': new (not on the topic yet) -> version 1",
                "  + rule r (effect deny; severity medium; tools [Bash])");
        assertThat(d.noChanges()).isFalse();
    }

    @Test
    void pushPublishesNewerRefusesOlderBumpsOnRequestAndSkipsUnchanged() {
        PolicyDocument live = PolicyFile.parse(LIVE, "live");
        PolicyDocument newer = PolicyFile.parse(CANDIDATE, "c");
        assertThat(PolicyPush.plan(live, newer, false).action()).isEqualTo(PolicyPush.Action.PUBLISH);
        assertThat(PolicyPush.plan(live, newer, false).document().version()).isEqualTo(4);

        PolicyDocument stale = PolicyFile.parse(CANDIDATE.replace("version: 4", "version: 3"), "c");
        PolicyPush refused = PolicyPush.plan(live, stale, false);
        assertThat(refused.action()).isEqualTo(PolicyPush.Action.REFUSED);
        assertThat(refused.reason()).contains("version 3, not newer than version 3 in force", "--bump");
        PolicyPush bumped = PolicyPush.plan(live, stale, true);
        assertThat(bumped.action()).isEqualTo(PolicyPush.Action.PUBLISH);
        assertThat(bumped.document().version()).isEqualTo(4);
        assertThat(bumped.diff().toVersion()).isEqualTo(4);

        PolicyDocument same = PolicyFile.parse(LIVE.replace("version: 3", "version: 7"), "c");
        assertThat(PolicyPush.plan(live, same, true).action()).isEqualTo(PolicyPush.Action.UNCHANGED);
        assertThat(PolicyPush.plan(null, PolicyFile.parse("id: x\nrules: []", "x"), false).action())
                .isEqualTo(PolicyPush.Action.REFUSED);
        assertThat(PolicyPush.plan(null, PolicyFile.parse("id: x\nrules: []", "x"), true).document().version()).isEqualTo(1);
    }

    @Test
    void validationFindsDeadRulesMissingVersionsAndBadThresholds() {
        PolicyDocument d = PolicyFile.parse("""
                id: default
                thresholds: {volume.zscore: -1}
                rules:
                  - {id: a, effect: deny, tools: [Bash], destinations: ["*"]}
                  - {id: b, effect: allow, tools: [Bash], destinations: ["*"], reason: "never decides"}
                  - {id: c, effect: allow, tools: [Bash]}
                """, "p");
        assertThat(PolicyValidation.check(d)).extracting(p -> (p.error() ? "error: " : "warning: ") + p.message())
                .containsExactly("error: thresholds.volume.zscore must be a finite number >= 0",
                        "warning: no version: 'policy push' needs version: 1 or more (or --bump)",
                        "warning: rules 'a' and 'b' match exactly the same actions: the stricter effect always wins and the other never decides");
        assertThat(PolicyValidation.check(PolicyFile.parse(CANDIDATE, "c"))).isEmpty();
    }

    @Test
    void shippedDefaultPolicyValidatesClean() throws Exception {
        try (var in = PolicyFile.class.getResourceAsStream("default-policy.yaml")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(PolicyValidation.check(PolicyFile.parse(text, "default-policy.yaml"))).isEqualTo(List.of());
        }
    }
}
