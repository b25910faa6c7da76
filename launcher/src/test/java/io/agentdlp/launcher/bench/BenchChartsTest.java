package io.agentdlp.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchChartsTest {
    @TempDir
    Path dir;

    private static StepResult row(String guarantee, String phase, double rate, double p50, double p99) {
        return Steps.step(guarantee, phase, rate, p50, p99);
    }

    private final List<StepResult> steps = List.of(
            row("exactly_once_v2", "warmup", 200, 3000, 9000),
            row("exactly_once_v2", "search", 200, 150, 300),
            row("exactly_once_v2", "search", 400, 900, 2400),
            row("exactly_once_v2", "profile", 50, 80, 120),
            row("exactly_once_v2", "profile", 200, 160, 310),
            row("at_least_once", "search", 200, 90, 200));

    @Test
    void theResultsFileReadsBackAsWritten() throws IOException {
        Path csv = dir.resolve(BenchResults.CSV);
        BenchResults.writeCsv(csv, steps, Steps.RULE);

        assertThat(BenchResults.readCsv(csv)).isEqualTo(steps);
    }

    @Test
    void chartsAreDrawnFromTheResultsFile() throws IOException {
        Path csv = dir.resolve(BenchResults.CSV);
        BenchResults.writeCsv(csv, steps, Steps.RULE);

        List<Path> written = BenchCharts.writeFrom(csv, 500);

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly(BenchCharts.LATENCY_VS_RATE, BenchCharts.CPU_VS_RATE, BenchCharts.PROFILE);
        String latency = Files.readString(dir.resolve(BenchCharts.LATENCY_VS_RATE));
        assertThat(latency).startsWith("<svg").contains("exactly_once_v2 p99", "at_least_once p99", "stroke-dasharray");
        // one marker per search and profile step of each guarantee (4 exactly-once, 1 at-least-once); the warm-up is not drawn
        assertThat(Pattern.compile("<circle ").matcher(latency).results().count()).isEqualTo(5);
        String profile = Files.readString(dir.resolve(BenchCharts.PROFILE));
        assertThat(profile).contains("exactly_once_v2 p50", "exactly_once_v2 p99", "exactly_once_v2 ingest p99")
                .doesNotContain("at_least_once");
        assertThat(Pattern.compile("<circle ").matcher(profile).results().count()).isEqualTo(6);
    }

    @Test
    void theResultsFileCarriesEachStepsVerdictAndCpuByComponent() throws IOException {
        Path csv = dir.resolve(BenchResults.CSV);
        BenchResults.writeCsv(csv, steps, Steps.RULE);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).contains("cpu_s_topology", "cpu_s_bench", "path_events_per_cpu_s", "verdict");
        assertThat(lines.get(2)).endsWith(",sustained");
        assertThat(lines.get(3)).endsWith(",not sustained: p99 2400 ms over 500 ms");
        // 4,000 events over 8 CPU-seconds (topology 6, broker 1, bench 1): 500 per CPU-second, 571.4 without the bench
        assertThat(lines.get(3)).contains(",500.000,571.429,");
    }

    @Test
    void aFileThatIsNotAResultsFileIsRejectedWithItsName() throws IOException {
        Path other = Files.writeString(dir.resolve("other.csv"), "a,b\n1,2\n");

        assertThatThrownBy(() -> BenchCharts.writeFrom(other, 500)).isInstanceOf(IOException.class)
                .hasMessageContaining("other.csv");
    }
}
