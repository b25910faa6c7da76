package io.agentdlp.detection.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import io.agentdlp.detection.Severity;
import org.junit.jupiter.api.Test;

/**
 * The indexed engine must decide exactly like testing every rule in order: same rule, same effect,
 * for random policies over a small vocabulary (so exact, glob, case-variant and unconstrained
 * patterns collide often) and random actions.
 */
class RuleIndexTest {
    private static final String[] USERS = {"u1", "U1", "dev@corp.io", "*@corp.io", "u*", "*", "DEV@CORP.IO"};
    private static final String[] GROUPS = {"payments-team", "Core", "core"};
    private static final String[] DEVICES = {"dev-laptop-1", "build-*", "Dev-Laptop-1"};
    private static final String[] AGENTS = {"claude-code", "Codex", "codex@>=0.40", "claude-code@2.1.*", "gemini-cli@=0.9.0", "*"};
    private static final String[] TOOLS = {"Bash", "bash", "mcp__*", "category:shell", "category:mcp", "Write", "*_file"};
    private static final String[] MCP = {"github", "GitHub", "j*"};
    private static final String[] DESTINATIONS = {"*", "api.anthropic.com", "*.anthropic.com", "https://mirror.acme.internal/",
        "MIRROR.acme.internal", "api*"};
    private static final String[] MODELS = {"claude-sonnet-*", "Claude-Sonnet-4-5", "gpt-4.1", "gemini-2.5-pro", "*-mini", "*"};
    private static final String[] REPOS = {"github.com/acme/payments*", "git@github.com:acme/app.git", "github.com/acme/app"};
    private static final String[] PATHS = {"**/.env", "/home/dev/app/.env", "**/secrets/**", "/home/*/app/*.pem"};

    @Test
    void indexedDecisionsEqualAScanOfEveryRule() {
        Random rnd = new Random(7);
        int compared = 0;
        int ruled = 0;
        for (int policy = 0; policy < 40; policy++) {
            List<PolicyRule> rules = new ArrayList<>();
            int n = 1 + rnd.nextInt(150);
            for (int i = 0; i < n; i++) {
                rules.add(new PolicyRule("r" + i, null, Effect.values()[rnd.nextInt(4)], null, Severity.MEDIUM,
                        pick(rnd, USERS), pick(rnd, GROUPS), pick(rnd, DEVICES), pick(rnd, AGENTS), pick(rnd, TOOLS),
                        pick(rnd, MCP), pick(rnd, DESTINATIONS), pick(rnd, MODELS), pick(rnd, REPOS), pick(rnd, PATHS),
                        rnd.nextInt(8) == 0 ? 500L : null, rnd.nextInt(8) == 0));
            }
            PolicyEngine engine = new PolicyEngine(new PolicyDocument("p", 1, Effect.ALLOW, rules, List.of(), List.of(), Map.of()));
            List<CompiledRule> compiled = rules.stream().map(CompiledRule::new).toList();
            for (int k = 0; k < 300; k++) {
                PolicyRequest q = request(rnd);
                PolicyDecision d = engine.decide(q);
                assertThat(d.ruleId()).as("policy %d request %s", policy, q).isEqualTo(scan(compiled, q));
                compared++;
                if (d.ruleId() != null) {
                    ruled++;
                }
            }
        }
        // the comparison is only meaningful when rules do match
        assertThat(ruled).isGreaterThan(compared / 4);
    }

    @Test
    void prefixAndSuffixGlobsMeanWhatTheirRegexMeans() {
        String[] globs = {"*", "api*", "*.anthropic.com", "*@corp.io", "mcp__*"};
        String[] values = {"", "api", "API.x", "x.anthropic.com", "X.ANTHROPIC.COM", "a\n.anthropic.com", "api\nx", "\u212A",
            "dev@CORP.io", "mcp__github__x", "anthropic.com", "line\u2028break", "ok\r"};
        for (String g : globs) {
            for (boolean ignoreCase : new boolean[] {true, false}) {
                Pattern reference = Pattern.compile(g.replace(".", "\\.").replace("*", ".*"),
                        ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
                Glob glob = Glob.compile(g, false, ignoreCase);
                for (String v : values) {
                    assertThat(glob.matches(v)).as("%s ~ %s (ignoreCase %s)", g, v, ignoreCase)
                            .isEqualTo(reference.matcher(v).matches());
                }
            }
        }
    }

    @Test
    void caseFoldKeysAgreeWithEqualsIgnoreCase() {
        String[] s = {"k", "K", "\u212A", "straße", "STRASSE", "Straße", "ı", "I", "i", "İ", "σ", "ς", "Σ"};
        for (String a : s) {
            for (String b : s) {
                assertThat(CaseFold.of(a).equals(CaseFold.of(b))).as("%s vs %s", a, b).isEqualTo(a.equalsIgnoreCase(b));
            }
        }
    }

    /** Every rule in order: the most specific wins, then the stricter effect, then the first. */
    private static String scan(List<CompiledRule> rules, PolicyRequest request) {
        PreparedRequest q = new PreparedRequest(request);
        CompiledRule best = null;
        int bestScore = -1;
        for (CompiledRule r : rules) {
            int s = r.score(q);
            if (s >= 0 && (best == null || s > bestScore
                    || (s == bestScore && r.rule.effect().strictness() > best.rule.effect().strictness()))) {
                best = r;
                bestScore = s;
            }
        }
        return best == null ? null : best.rule.id();
    }

    private static List<String> pick(Random rnd, String[] vocabulary) {
        if (rnd.nextInt(3) != 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int k = 1 + rnd.nextInt(2);
        for (int i = 0; i < k; i++) {
            String v = vocabulary[rnd.nextInt(vocabulary.length)];
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static PolicyRequest request(Random rnd) {
        String[] users = {"u1", "U1", "u2", null};
        String[] emails = {"dev@corp.io", "Dev@Corp.IO", "x@other.io", null};
        String[] agents = {"claude-code", "CLAUDE-CODE", "codex", "gemini-cli", null};
        String[] versions = {"2.1.3", "0.39.0", "0.41.2", "0.9.0", null};
        String[] tools = {"Bash", "BASH", "mcp__github__x", "Write", "read_file", null};
        String[] categories = {"shell", "SHELL", "mcp", "file_write", null};
        String[] hosts = {"api.anthropic.com", "API.Anthropic.com", "mirror.acme.internal", "evil.example", "api.x", null};
        String[] models = {"claude-sonnet-4-5", "CLAUDE-SONNET-4-5", "gpt-4.1", "gpt-4.1-mini", "gemini-2.5-pro", null};
        String[] remotes = {"git@github.com:acme/app.git", "https://github.com/acme/payments-core", "github.com/ACME/app", null};
        String[] paths = {"/home/dev/app/.env", "C:\\repo\\secrets\\k.txt", "/home/dev/app/key.pem", "/tmp/x", null};
        String host = hosts[rnd.nextInt(hosts.length)];
        return new PolicyRequest(users[rnd.nextInt(users.length)], emails[rnd.nextInt(emails.length)],
                rnd.nextBoolean() ? List.of("Payments-Team") : List.of("core", "other"),
                rnd.nextBoolean() ? "dev-laptop-1" : "build-7", agents[rnd.nextInt(agents.length)],
                versions[rnd.nextInt(versions.length)], tools[rnd.nextInt(tools.length)],
                categories[rnd.nextInt(categories.length)], rnd.nextBoolean() ? "github" : "jira",
                host, host == null ? null : "https://" + host + "/v1/x", models[rnd.nextInt(models.length)], remotes[rnd.nextInt(remotes.length)],
                paths[rnd.nextInt(paths.length)], rnd.nextInt(1000), rnd.nextBoolean());
    }
}
