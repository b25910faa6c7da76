package io.agentdlp.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The charts of docs/BENCHMARKS.md, drawn only from a results file's rows. */
final class BenchCharts {
    static final String LATENCY_VS_RATE = "alert-latency-vs-rate.svg";
    static final String PROFILE = "latency-profile.svg";
    static final String CPU_VS_RATE = "cpu-vs-rate.svg";

    private BenchCharts() {
    }

    /** File name → SVG text, for the steps of every guarantee in {@code steps}. */
    static Map<String, String> render(List<StepResult> steps, double p99BudgetMs) {
        List<String> guarantees = steps.stream().map(StepResult::guarantee).distinct().toList();
        Map<String, String> charts = new LinkedHashMap<>();
        List<SvgChart.Series> p99 = new ArrayList<>();
        List<SvgChart.Series> cpu = new ArrayList<>();
        List<SvgChart.Series> profile = new ArrayList<>();
        for (String g : guarantees) {
            List<StepResult> all = steps.stream().filter(s -> s.guarantee().equals(g) && !s.phase().equals("warmup"))
                    .sorted(Comparator.comparingDouble(StepResult::targetRate)).toList();
            p99.add(series(g + " p99", all, s -> s.alertLatency().p99()));
            cpu.add(series(g, all, StepResult::cpuPercent));
            List<StepResult> prof = all.stream().filter(s -> s.phase().equals("profile")).toList();
            if (!prof.isEmpty()) {
                profile.add(series(g + " p50", prof, s -> s.alertLatency().p50()));
                profile.add(series(g + " p99", prof, s -> s.alertLatency().p99()));
                profile.add(series(g + " ingest p99", prof, s -> s.ingestLatency().p99()));
            }
        }
        charts.put(LATENCY_VS_RATE, SvgChart.render("Event-to-alert p99 latency vs offered rate", "offered events/s",
                "p99 event → alert (ms)", p99, p99BudgetMs));
        charts.put(CPU_VS_RATE, SvgChart.render("CPU of the whole stack vs offered rate", "offered events/s",
                "CPU % (100 = one core)", cpu, null));
        if (!profile.isEmpty()) {
            charts.put(PROFILE, SvgChart.render("Event-to-alert latency at 25/50/75/100 % of the max rate", "offered events/s",
                    "event → alert (ms)", profile, p99BudgetMs));
        }
        return charts;
    }

    /** Writes the charts of {@code resultsCsv} next to it (p99 budget line at {@code p99BudgetMs}); returns the files written. */
    static List<Path> writeFrom(Path resultsCsv, double p99BudgetMs) throws IOException {
        Path dir = resultsCsv.toAbsolutePath().getParent();
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> c : render(BenchResults.readCsv(resultsCsv), p99BudgetMs).entrySet()) {
            Path f = dir.resolve(c.getKey());
            Files.writeString(f, c.getValue(), StandardCharsets.UTF_8);
            written.add(f);
        }
        return written;
    }

    private static SvgChart.Series series(String name, List<StepResult> steps, ToDoubleFunction<StepResult> y) {
        return new SvgChart.Series(name, steps.stream().map(s -> new SvgChart.Point(s.targetRate(), y.applyAsDouble(s))).toList());
    }
}
