package io.agentdlp.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agentdlp bench} end to end on the embedded stack, shortened: events go through the real gateway,
 * broker and topology, planted secrets come back as alerts, and the results files and charts are written.
 * Whether a rate is sustained depends on the machine, so only what holds on any machine is checked.
 */
class BenchCommandIT {
    @TempDir
    Path out;

    @Test
    void aShortRunMeasuresAlertsThroughTheWholePathAndWritesItsResults() throws Exception {
        CliRun run = CliRun.of("bench", "--guarantees", "at_least_once", "--start-rate", "20", "--step-seconds", "3",
                "--min-alerts", "0", "--warmup-seconds", "0", "--drain-seconds", "30", "--max-search-steps", "1",
                "--secret-share", "0.5", "--own-code-share", "0", "--stream-threads", "1", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv.get(0)).startsWith("guarantee,phase,target_rate,");
        List<String[]> rows = csv.subList(1, csv.size()).stream().map(l -> l.split(",", -1)).toList();
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r[0]).isEqualTo("at_least_once"));
        String[] search = rows.get(0);
        assertThat(search[1]).isEqualTo("search");
        assertThat(Double.parseDouble(search[2])).isEqualTo(20.0);
        assertThat(Long.parseLong(search[4])).as("accepted events").isPositive();
        assertThat(Long.parseLong(search[7])).as("alerts measured end to end").isPositive();

        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(json.path("machine").path("nproc").asInt()).isPositive();
        assertThat(json.path("machine").path("uptime_end").asText()).contains("load");
        JsonNode result = json.path("results").path("at_least_once");
        assertThat(result.has("max_sustained_rate")).isTrue();
        // a sustained search step is followed by the four profile steps, otherwise there are none
        int profile = result.path("max_sustained_rate").isNull() ? 0 : 4;
        assertThat(result.path("profile")).hasSize(profile);
        assertThat(rows).hasSize(1 + profile);
        assertThat(out.resolve("alert-latency-vs-rate.svg")).exists();
        assertThat(out.resolve("cpu-vs-rate.svg")).exists();
    }
}
