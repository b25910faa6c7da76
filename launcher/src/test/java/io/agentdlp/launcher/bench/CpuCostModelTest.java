package io.agentdlp.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CpuCostModelTest {
    private static final LatencyStats.Summary L = new LatencyStats.Summary(10, 50, 90, 100, 100, 100);

    /** A step whose CPU is exactly: topology 0.2 cores idle + 2 ms/event, broker 0.1 cores + 0.5 ms/event, bench 0.25 ms/event. */
    private static StepResult step(String phase, double wall, long events) {
        ComponentCpu cpu = new ComponentCpu(Map.of(
                ComponentCpu.TOPOLOGY, 0.2 * wall + 0.002 * events,
                ComponentCpu.BROKER, 0.1 * wall + 0.0005 * events,
                ComponentCpu.BENCH, 0.00025 * events));
        return new StepResult("g", phase, events / wall, wall, events, 0, L, L, 0, 0.5, wall, cpu, 500);
    }

    @Test
    void separatesTheIdleCostFromTheCostPerEvent() {
        CpuCostModel m = CpuCostModel.fit(List.of(step("search", 12, 1200), step("search", 11, 4400), step("profile", 30, 1500),
                step("warmup", 10, 99_999)));

        assertThat(m.steps()).isEqualTo(3);
        assertThat(m.idleCores().get(ComponentCpu.TOPOLOGY)).isCloseTo(0.2, within(1e-9));
        assertThat(m.idleCores().get(ComponentCpu.BROKER)).isCloseTo(0.1, within(1e-9));
        assertThat(m.cpuMillisPerEvent().get(ComponentCpu.TOPOLOGY)).isCloseTo(2.0, within(1e-9));
        assertThat(m.cpuMillisPerEvent().get(ComponentCpu.BENCH)).isCloseTo(0.25, within(1e-9));
        // the path leaves the benchmark's own threads out: 2.5 ms per event, 400 events per CPU-second
        assertThat(m.pathMillisPerEvent()).isCloseTo(2.5, within(1e-9));
        assertThat(m.pathEventsPerCpuSecond()).isCloseTo(400, within(1e-6));
        assertThat(m.pathIdleCores()).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void prefersTheProfileStepsWhenThereAreTwo() {
        // the search steps carry 5 s of JIT compilation each, which the profile steps (warm JIT) do not
        StepResult cold = step("search", 10, 1000);
        ComponentCpu withJit = new ComponentCpu(java.util.Map.of(ComponentCpu.TOPOLOGY, cold.cpu().seconds(ComponentCpu.TOPOLOGY),
                ComponentCpu.BROKER, cold.cpu().seconds(ComponentCpu.BROKER), ComponentCpu.JVM, 5.0));
        StepResult jit = new StepResult("g", "search", 100, 10, 1000, 0, L, L, 0, 0.5, 10, withJit, 500);

        CpuCostModel m = CpuCostModel.fit(List.of(jit, step("profile", 10, 500), step("profile", 10, 2000)));

        assertThat(m.steps()).isEqualTo(2);
        assertThat(m.cpuMillisPerEvent().get(ComponentCpu.JVM)).isCloseTo(0, within(1e-9));
        assertThat(m.cpuMillisPerEvent().get(ComponentCpu.TOPOLOGY)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void needsTwoStepsAtDifferentRates() {
        assertThat(CpuCostModel.fit(List.of(step("search", 10, 1000)))).isNull();
        assertThat(CpuCostModel.fit(List.of(step("search", 10, 1000), step("search", 20, 2000)))).isNull();
    }
}
