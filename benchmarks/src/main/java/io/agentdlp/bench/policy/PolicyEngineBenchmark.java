package io.agentdlp.bench.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.agentdlp.detection.Severity;
import io.agentdlp.detection.policy.Effect;
import io.agentdlp.detection.policy.PolicyDecision;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.detection.policy.PolicyRequest;
import io.agentdlp.detection.policy.PolicyRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of one policy decision against a policy of N rules that constrain users, groups, agents,
 * tools, MCP servers, destinations, repositories and paths with a mix of exact and glob patterns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyEngineBenchmark {
    @Param({"100", "1000"})
    int rules;

    private PolicyEngine engine;
    private PolicyRequest[] requests;
    private int next;

    @Setup
    public void setup() {
        Random rnd = new Random(42);
        List<PolicyRule> list = new ArrayList<>();
        Effect[] effects = Effect.values();
        for (int i = 0; i < rules; i++) {
            list.add(new PolicyRule("r" + i, null, effects[rnd.nextInt(effects.length)], "reason " + i, Severity.MEDIUM,
                    rnd.nextInt(4) == 0 ? List.of("user" + rnd.nextInt(50) + "@acme.com", "*@contractor.io") : List.of(),
                    rnd.nextInt(4) == 0 ? List.of("team-" + rnd.nextInt(20)) : List.of(),
                    List.of(),
                    rnd.nextInt(3) == 0 ? List.of("claude-code@>=2." + rnd.nextInt(5), "codex") : List.of(),
                    rnd.nextInt(2) == 0 ? List.of("Bash", "mcp__" + rnd.nextInt(30) + "__*", "category:web") : List.of(),
                    rnd.nextInt(5) == 0 ? List.of("server" + rnd.nextInt(30)) : List.of(),
                    rnd.nextInt(2) == 0 ? List.of("*.host" + rnd.nextInt(100) + ".com", "api" + rnd.nextInt(100) + ".io") : List.of(),
                    rnd.nextInt(3) == 0 ? List.of("github.com/acme/repo" + rnd.nextInt(100) + "*") : List.of(),
                    rnd.nextInt(4) == 0 ? List.of("**/secret" + rnd.nextInt(10) + "/**", "**/.env") : List.of(),
                    null, rnd.nextInt(6) == 0));
        }
        engine = new PolicyEngine(new PolicyDocument("bench", 1, Effect.ALLOW, list, List.of("*.anthropic.com"),
                List.of("**/.env"), Map.of()));
        requests = new PolicyRequest[1024];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = new PolicyRequest("user" + rnd.nextInt(60), "user" + rnd.nextInt(60) + "@acme.com",
                    List.of("team-" + rnd.nextInt(25)), "dev-" + rnd.nextInt(500), rnd.nextBoolean() ? "claude-code" : "codex",
                    "2." + rnd.nextInt(6) + ".1", rnd.nextBoolean() ? "Bash" : "mcp__" + rnd.nextInt(40) + "__call",
                    rnd.nextBoolean() ? "shell" : "mcp", "server" + rnd.nextInt(40), "api.host" + rnd.nextInt(120) + ".com",
                    "https://api.host" + rnd.nextInt(120) + ".com/x", "git@github.com:acme/repo" + rnd.nextInt(120) + ".git",
                    "/home/dev/repo/secret" + rnd.nextInt(12) + "/k.txt", rnd.nextInt(100_000), rnd.nextInt(10) == 0);
        }
    }

    @Benchmark
    public PolicyDecision decide() {
        return engine.decide(requests[next++ & 1023]);
    }
}
