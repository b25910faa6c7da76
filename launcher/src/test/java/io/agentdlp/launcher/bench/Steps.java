package io.agentdlp.launcher.bench;

import java.util.Map;

/** Step results for the bench's unit tests. */
final class Steps {
    static final SustainedRule RULE = new SustainedRule(500, 10);

    private Steps() {
    }

    static ComponentCpu cpu(double topology, double bench) {
        return new ComponentCpu(Map.of(ComponentCpu.TOPOLOGY, topology, ComponentCpu.BENCH, bench, ComponentCpu.BROKER, 1.0));
    }

    /** A 10 s step at {@code rate} that delivered everything with the given alert p50/p99 and drained in 0.5 s. */
    static StepResult step(String guarantee, String phase, double rate, double p50, double p99) {
        return new StepResult(guarantee, phase, rate, 10, (long) (rate * 10), 0, new LatencyStats.Summary(40, p50, p99, p99, p99, p99),
                new LatencyStats.Summary(400, 3, 8, 15, 20, 21), 0, 0.5, 10.5, cpu(6, 1), 640.25);
    }

    /** A stack that keeps p99 within budget up to {@code capacity} events/s and falls over above it. */
    static StepResult capacity(double rate, double capacity) {
        return step("exactly_once_v2", "search", rate, 50, rate <= capacity ? 120 : 4000);
    }
}
