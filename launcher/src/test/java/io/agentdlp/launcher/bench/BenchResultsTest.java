package io.agentdlp.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchResultsTest {
    @TempDir
    Path dir;

    private static StepResult withJvmShares(StepResult s) {
        ComponentCpu cpu = new ComponentCpu(Map.of(ComponentCpu.TOPOLOGY, 6.0, ComponentCpu.JVM, 0.5, ComponentCpu.GC, 0.75,
                ComponentCpu.JIT, 0.25));
        return new StepResult(s.guarantee(), s.phase(), s.targetRate(), s.seconds(), s.accepted(), s.failedEvents(),
                s.alertLatency(), s.ingestLatency(), s.alertsMissing(), s.backlogDrainSeconds(), s.wallSeconds(), cpu, s.rssMb());
    }

    @Test
    void gcAndJitSecondsSurviveTheResultsFile() throws Exception {
        Path csv = dir.resolve("results.csv");
        BenchResults.writeCsv(csv, List.of(withJvmShares(Steps.step("exactly_once_v2", "search", 400, 100, 300))), Steps.RULE);

        StepResult read = BenchResults.readCsv(csv).get(0);

        assertThat(read.cpu().seconds(ComponentCpu.GC)).isEqualTo(0.75);
        assertThat(read.cpu().seconds(ComponentCpu.JIT)).isEqualTo(0.25);
        assertThat(read.cpu().seconds(ComponentCpu.JVM)).isEqualTo(0.5);
    }

    @Test
    void aResultsFileFromBeforeTheGcAndJitColumnsStillReadsWithThemAtZero() throws Exception {
        Path csv = dir.resolve("results.csv");
        BenchResults.writeCsv(csv, List.of(withJvmShares(Steps.step("exactly_once_v2", "search", 400, 100, 300))), Steps.RULE);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int gc = header.indexOf("cpu_s_" + ComponentCpu.GC);
        int jit = header.indexOf("cpu_s_" + ComponentCpu.JIT);
        List<String> old = new ArrayList<>();
        for (String line : lines) {
            List<String> f = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            f.remove(jit);
            f.remove(gc);
            old.add(String.join(",", f));
        }
        Files.write(csv, old, StandardCharsets.UTF_8);

        StepResult read = BenchResults.readCsv(csv).get(0);

        assertThat(read.cpu().seconds(ComponentCpu.GC)).isZero();
        assertThat(read.cpu().seconds(ComponentCpu.JIT)).isZero();
        assertThat(read.cpu().seconds(ComponentCpu.JVM)).isEqualTo(0.5);
        assertThat(read.cpu().seconds(ComponentCpu.TOPOLOGY)).isEqualTo(6.0);
        assertThat(read.accepted()).isEqualTo(4000);
    }
}
