package io.agentdlp.bench.policy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;

import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.detection.policy.PolicyRequest;

/**
 * CPU time of one {@link PolicyEngine#decide} against the synthetic policy of N rules, measured as
 * the deciding thread's CPU time over many decisions: unlike wall-clock percentiles it does not
 * count time spent waiting for a core, so it can be taken on a loaded machine.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.agentdlp.bench.policy.PolicyDecisionCpu [rules=1000] [decisions=200000]}
 */
public final class PolicyDecisionCpu {
    private PolicyDecisionCpu() {
    }

    public static void main(String[] args) {
        int rules = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int decisions = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Random rnd = new Random(42);
        PolicyEngine engine = new PolicyEngine(SyntheticPolicy.rules(rules, rnd));
        PolicyRequest[] requests = requests(rnd);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int byRule = 0;
        for (int round = 0; round < 2; round++) {
            // round 0 warms the JIT up; round 1 is measured
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            byRule = 0;
            for (int i = 0; i < decisions; i++) {
                if (engine.decide(requests[i & 1023]).ruleId() != null) {
                    byRule++;
                }
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            if (round == 1) {
                System.out.printf("rules=%d decisions=%d decided_by_a_rule=%d%n", rules, decisions, byRule);
                System.out.printf("thread_cpu_us_per_decision=%.2f wall_us_per_decision=%.2f%n",
                        cpu / 1e3 / decisions, wall / 1e3 / decisions);
            }
        }
    }

    /** The same seeded actions as {@link PolicyEngineBenchmark}. */
    static PolicyRequest[] requests(Random rnd) {
        PolicyRequest[] requests = new PolicyRequest[1024];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = new PolicyRequest("user" + rnd.nextInt(60), "user" + rnd.nextInt(60) + "@acme.com",
                    List.of("team-" + rnd.nextInt(25)), "dev-" + rnd.nextInt(500), rnd.nextBoolean() ? "claude-code" : "codex",
                    "2." + rnd.nextInt(6) + ".1", rnd.nextBoolean() ? "Bash" : "mcp__" + rnd.nextInt(40) + "__call",
                    rnd.nextBoolean() ? "shell" : "mcp", "server" + rnd.nextInt(40), "api.host" + rnd.nextInt(120) + ".com",
                    "https://api.host" + rnd.nextInt(120) + ".com/x", null, "git@github.com:acme/repo" + rnd.nextInt(120) + ".git",
                    "/home/dev/repo/secret" + rnd.nextInt(12) + "/k.txt", rnd.nextInt(100_000), rnd.nextInt(10) == 0);
        }
        return requests;
    }
}
