package io.agentdlp.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark's results file: one CSV row per fixed-rate step (the charts are drawn from it), and a
 * JSON file with the same rows plus the machine, the options and the best rate per guarantee.
 */
final class BenchResults {
    static final String CSV = "results.csv";
    static final String JSON = "results.json";
    private static final String HEADER = "guarantee,phase,target_rate,achieved_rate,"
            + "alert_count,alert_p50_ms,alert_p90_ms,alert_p99_ms,alert_p999_ms,alert_max_ms,"
            + "ingest_count,ingest_p50_ms,ingest_p90_ms,ingest_p99_ms,ingest_p999_ms,ingest_max_ms,"
            + "failed_events,alerts_missing,cpu_percent,rss_mb,events_per_cpu_second";

    private BenchResults() {
    }

    static void writeCsv(Path file, List<StepResult> steps) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (StepResult s : steps) {
            sb.append(String.join(",", s.guarantee(), s.phase(), num(s.targetRate()), num(s.achievedRate())))
                    .append(',').append(summary(s.alertLatency())).append(',').append(summary(s.ingestLatency()))
                    .append(',').append(s.failedEvents()).append(',').append(s.alertsMissing())
                    .append(',').append(num(s.cpuPercent())).append(',').append(num(s.rssMb()))
                    .append(',').append(num(s.eventsPerCpuSecond())).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static List<StepResult> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + " is not a bench results file (unexpected header)");
        }
        List<StepResult> steps = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length != HEADER.split(",").length) {
                throw new IOException(file + " line " + (i + 1) + ": expected " + HEADER.split(",").length + " fields");
            }
            try {
                steps.add(new StepResult(f[0], f[1], d(f[2]), d(f[3]), summary(f, 4), summary(f, 10), Long.parseLong(f[16]),
                        Long.parseLong(f[17]), d(f[18]), d(f[19]), d(f[20])));
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return steps;
    }

    /** The JSON results: machine and options as given, each guarantee's best sustained rate, every step. */
    static void writeJson(Path file, Map<String, Object> machine, Map<String, Object> options, List<StepResult> steps,
                          double p99BudgetMs) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        root.put("options", options);
        Map<String, Object> best = new LinkedHashMap<>();
        for (String g : steps.stream().map(StepResult::guarantee).distinct().toList()) {
            StepResult b = MaxRateSearch.best(steps.stream().filter(s -> s.guarantee().equals(g) && s.phase().equals("search"))
                    .toList(), p99BudgetMs);
            best.put(g, b == null ? null : b.targetRate());
        }
        root.put("max_sustained_rate", best);
        root.put("steps", steps);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    private static String summary(LatencyStats.Summary s) {
        return s.count() + "," + num(s.p50()) + "," + num(s.p90()) + "," + num(s.p99()) + "," + num(s.p999()) + "," + num(s.max());
    }

    private static LatencyStats.Summary summary(String[] f, int at) {
        return new LatencyStats.Summary(Long.parseLong(f[at]), d(f[at + 1]), d(f[at + 2]), d(f[at + 3]), d(f[at + 4]), d(f[at + 5]));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
