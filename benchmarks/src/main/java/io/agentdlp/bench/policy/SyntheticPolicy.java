package io.agentdlp.bench.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.agentdlp.detection.Severity;
import io.agentdlp.detection.policy.Effect;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyRule;

/**
 * A policy of N rules that constrain users, groups, agents, tools, MCP servers, destinations,
 * repositories and paths with a mix of exact and glob patterns (seeded: the same N gives the same
 * policy), and a 20 KB source file without secrets as the payload a hook carries.
 */
final class SyntheticPolicy {
    private SyntheticPolicy() {
    }

    static PolicyDocument rules(int n, Random rnd) {
        List<PolicyRule> list = new ArrayList<>();
        Effect[] effects = Effect.values();
        for (int i = 0; i < n; i++) {
            list.add(new PolicyRule("r" + i, null, effects[rnd.nextInt(effects.length)], "reason " + i, Severity.MEDIUM,
                    rnd.nextInt(4) == 0 ? List.of("user" + rnd.nextInt(50) + "@acme.com", "*@contractor.io") : List.of(),
                    rnd.nextInt(4) == 0 ? List.of("team-" + rnd.nextInt(20)) : List.of(),
                    List.of(),
                    rnd.nextInt(3) == 0 ? List.of("claude-code@>=2." + rnd.nextInt(5), "codex") : List.of(),
                    rnd.nextInt(2) == 0 ? List.of("Bash", "mcp__" + rnd.nextInt(30) + "__*", "category:web") : List.of(),
                    rnd.nextInt(5) == 0 ? List.of("server" + rnd.nextInt(30)) : List.of(),
                    rnd.nextInt(2) == 0 ? List.of("*.host" + rnd.nextInt(100) + ".com", "api" + rnd.nextInt(100) + ".io") : List.of(),
                    List.of(),
                    rnd.nextInt(3) == 0 ? List.of("github.com/acme/repo" + rnd.nextInt(100) + "*") : List.of(),
                    rnd.nextInt(4) == 0 ? List.of("**/secret" + rnd.nextInt(10) + "/**", "**/.env") : List.of(),
                    null, rnd.nextInt(6) == 0));
        }
        return new PolicyDocument("bench", 1, Effect.ALLOW, list, List.of("*.anthropic.com"), List.of("**/.env"), Map.of());
    }

    /** About 20 KB of Java-like source, JSON-escaped for a hook body. */
    static String sourceFile20k() {
        StringBuilder sb = new StringBuilder(21_000);
        int i = 0;
        while (sb.length() < 20_000) {
            sb.append("    public long settle").append(i).append("(Ledger ledger, long amountCents) {\\n")
                    .append("        if (amountCents < 0) { throw new IllegalArgumentException(\\\"negative: \\\" + amountCents); }\\n")
                    .append("        return ledger.post(\\\"acct-").append(i).append("\\\", amountCents * 100 / 97);\\n    }\\n");
            i++;
        }
        return sb.toString();
    }

    /** A Claude Code PreToolUse Write hook carrying the 20 KB file into a repository. */
    static String writeHook() {
        return "{\"session_id\":\"bench\",\"cwd\":\"/home/dev/repo7\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Write\","
                + "\"tool_input\":{\"file_path\":\"/home/dev/repo7/src/Settle.java\",\"content\":\"" + sourceFile20k() + "\"}}";
    }
}
