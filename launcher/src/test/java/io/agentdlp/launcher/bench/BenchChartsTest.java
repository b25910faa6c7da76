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
        return new StepResult(guarantee, phase, rate, rate, new LatencyStats.Summary(40, p50, p99, p99, p99, p99),
                new LatencyStats.Summary(400, 3, 8, 15, 20, 21), 0, 0, 75.5, 640.2, 1234.5);
    }

    private final List<StepResult> steps = List.of(
            row("exactly_once_v2", "search", 200, 150, 300),
            row("exactly_once_v2", "search", 400, 900, 2400),
            row("exactly_once_v2", "profile", 50, 80, 120),
            row("exactly_once_v2", "profile", 200, 160, 310),
            row("at_least_once", "search", 200, 90, 200));

    @Test
    void theResultsFileReadsBackAsWritten() throws IOException {
        Path csv = dir.resolve(BenchResults.CSV);
        BenchResults.writeCsv(csv, steps);

        assertThat(BenchResults.readCsv(csv)).isEqualTo(steps);
    }

    @Test
    void chartsAreDrawnFromTheResultsFile() throws IOException {
        Path csv = dir.resolve(BenchResults.CSV);
        BenchResults.writeCsv(csv, steps);

        List<Path> written = BenchCharts.writeFrom(csv, 500);

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly(BenchCharts.LATENCY_VS_RATE, BenchCharts.CPU_VS_RATE, BenchCharts.PROFILE);
        String latency = Files.readString(dir.resolve(BenchCharts.LATENCY_VS_RATE));
        assertThat(latency).startsWith("<svg").contains("exactly_once_v2 p99", "at_least_once p99", "stroke-dasharray");
        // one marker per step of each guarantee: 4 exactly-once rows and 1 at-least-once row
        assertThat(Pattern.compile("<circle ").matcher(latency).results().count()).isEqualTo(5);
        String profile = Files.readString(dir.resolve(BenchCharts.PROFILE));
        assertThat(profile).contains("exactly_once_v2 p50", "exactly_once_v2 p99").doesNotContain("at_least_once");
        assertThat(Pattern.compile("<circle ").matcher(profile).results().count()).isEqualTo(4);
    }

    @Test
    void aFileThatIsNotAResultsFileIsRejectedWithItsName() throws IOException {
        Path other = Files.writeString(dir.resolve("other.csv"), "a,b\n1,2\n");

        assertThatThrownBy(() -> BenchCharts.writeFrom(other, 500)).isInstanceOf(IOException.class)
                .hasMessageContaining("other.csv");
    }
}
