package io.agentdlp.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JvmThreadCpuTest {
    @Test
    void gcAndCompilerThreadsAreRecognisedByTheirNativeNames() {
        assertThat(JvmThreadCpu.component("GC Thread#0")).isEqualTo(ComponentCpu.GC);
        assertThat(JvmThreadCpu.component("G1 Conc#0")).isEqualTo(ComponentCpu.GC);
        assertThat(JvmThreadCpu.component("G1 Refine#0")).isEqualTo(ComponentCpu.GC);
        assertThat(JvmThreadCpu.component("VM Thread")).isEqualTo(ComponentCpu.GC);
        assertThat(JvmThreadCpu.component("C2 CompilerThre")).isEqualTo(ComponentCpu.JIT);
        assertThat(JvmThreadCpu.component("C1 CompilerThre")).isEqualTo(ComponentCpu.JIT);
        assertThat(JvmThreadCpu.component("VM Periodic Tas")).isNull();
        assertThat(JvmThreadCpu.component("agentdlp-topolo")).isNull();
    }

    @Test
    void aStatLineGivesTheThreadNameAndItsUserPlusSystemTicks() {
        String stat = "4242 (C2 CompilerThre) S 1 4200 4200 0 -1 4194368 0 0 0 0 731 52 0 0 20 0 40 0 7720000 0 0";
        assertThat(JvmThreadCpu.name(stat)).isEqualTo("C2 CompilerThre");
        assertThat(JvmThreadCpu.cpuTicks(stat)).isEqualTo(783);

        String odd = "7 (a) (b) c) R 1 7 7 0 -1 0 0 0 0 0 5 6 0 0 20 0 1 0 1 0 0";
        assertThat(JvmThreadCpu.name(odd)).isEqualTo("a) (b) c");
        assertThat(JvmThreadCpu.cpuTicks(odd)).isEqualTo(11);
    }

    @Test
    void gcAndJitAreTakenOutOfTheUnseenShareAndTheRestStaysJvm() {
        ThreadCpu.Snapshot before = new ThreadCpu.Snapshot(10_000_000_000L, Map.of(1L, "agentdlp-topology-x-StreamThread-1"),
                Map.of(1L, 4_000_000_000L),
                new JvmThreadCpu.Sample(Map.of(100L, ComponentCpu.GC, 101L, ComponentCpu.JIT),
                        Map.of(100L, 1_000_000_000L, 101L, 3_000_000_000L)));
        // topology 2 s, GC thread 100 0.5 s, a GC thread started meanwhile 0.1 s, the compiler 0.25 s; process 3 s
        ThreadCpu.Snapshot after = new ThreadCpu.Snapshot(13_000_000_000L, Map.of(1L, "agentdlp-topology-x-StreamThread-1"),
                Map.of(1L, 6_000_000_000L),
                new JvmThreadCpu.Sample(Map.of(100L, ComponentCpu.GC, 101L, ComponentCpu.JIT, 102L, ComponentCpu.GC),
                        Map.of(100L, 1_500_000_000L, 101L, 3_250_000_000L, 102L, 100_000_000L)));

        ComponentCpu cpu = ThreadCpu.between(before, after);

        assertThat(cpu.seconds(ComponentCpu.TOPOLOGY)).isCloseTo(2.0, within(1e-9));
        assertThat(cpu.seconds(ComponentCpu.GC)).isCloseTo(0.6, within(1e-9));
        assertThat(cpu.seconds(ComponentCpu.JIT)).isCloseTo(0.25, within(1e-9));
        assertThat(cpu.seconds(ComponentCpu.JVM)).isCloseTo(0.15, within(1e-9));
        assertThat(cpu.total()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void onLinuxThisJvmHasGcAndCompilerThreads() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");

        JvmThreadCpu.Sample s = JvmThreadCpu.sample();

        assertThat(s.components().values()).contains(ComponentCpu.GC, ComponentCpu.JIT);
        assertThat(s.nanos().keySet()).isEqualTo(s.components().keySet());
        assertThat(s.nanos().values()).allSatisfy(n -> assertThat(n).isNotNegative());
    }
}
