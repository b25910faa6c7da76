package io.agentdlp.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark's results files: {@code results.csv}, one row per fixed-rate step (the charts are drawn
 * from it), and {@code results.json} with the machine, the options, per guarantee the highest sustained
 * rate and its 25/50/75/100 % profile, and every step with its verdict.
 */
final class BenchResults {
    static final String CSV = "results.csv";
    static final String JSON = "results.json";
    private static final List<String> LATENCY = List.of("count", "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms");
    private static final List<String> COLUMNS = columns();
    /** The columns before the JVM's GC and JIT threads were split out of jvm (2026-11-24 23:30 UTC); read as 0. */
    private static final List<String> COLUMNS_WITHOUT_GC_JIT = COLUMNS.stream()
            .filter(c -> !c.equals("cpu_s_" + ComponentCpu.GC) && !c.equals("cpu_s_" + ComponentCpu.JIT)).toList();

    private BenchResults() {
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("guarantee", "phase", "target_rate", "seconds", "accepted", "achieved_rate",
                "failed_events"));
        LATENCY.forEach(l -> c.add("alert_" + l));
        LATENCY.forEach(l -> c.add("ingest_" + l));
        c.addAll(List.of("alerts_missing", "backlog_drain_s", "wall_s", "cpu_percent", "events_per_cpu_s",
                "path_events_per_cpu_s", "rss_mb"));
        ComponentCpu.COMPONENTS.forEach(k -> c.add("cpu_s_" + k));
        c.add("verdict");
        return List.copyOf(c);
    }

    static void writeCsv(Path file, List<StepResult> steps, SustainedRule rule) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (StepResult s : steps) {
            List<String> f = new ArrayList<>(List.of(s.guarantee(), s.phase(), num(s.targetRate()), num(s.seconds()),
                    String.valueOf(s.accepted()), num(s.achievedRate()), String.valueOf(s.failedEvents())));
            latency(f, s.alertLatency());
            latency(f, s.ingestLatency());
            f.addAll(List.of(String.valueOf(s.alertsMissing()), num(s.backlogDrainSeconds()), num(s.wallSeconds()),
                    num(s.cpuPercent()), num(s.eventsPerCpuSecond()), num(s.pathEventsPerCpuSecond()), num(s.rssMb())));
            ComponentCpu.COMPONENTS.forEach(k -> f.add(num(s.cpu().seconds(k))));
            f.add(rule.verdict(s));
            sb.append(String.join(",", f)).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static List<StepResult> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header;
        if (!lines.isEmpty() && lines.get(0).equals(String.join(",", COLUMNS))) {
            header = COLUMNS;
        } else if (!lines.isEmpty() && lines.get(0).equals(String.join(",", COLUMNS_WITHOUT_GC_JIT))) {
            header = COLUMNS_WITHOUT_GC_JIT;
        } else {
            throw new IOException(file + " is not a results file of this bench version (unexpected header)");
        }
        List<StepResult> steps = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length != header.size()) {
                throw new IOException(file + " line " + (i + 1) + ": expected " + header.size() + " fields, got " + f.length);
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < f.length; c++) {
                row.put(header.get(c), f[c]);
            }
            try {
                Map<String, Double> cpu = new LinkedHashMap<>();
                ComponentCpu.COMPONENTS.forEach(k -> cpu.put(k, d(row.getOrDefault("cpu_s_" + k, "0"))));
                steps.add(new StepResult(row.get("guarantee"), row.get("phase"), d(row.get("target_rate")), d(row.get("seconds")),
                        Long.parseLong(row.get("accepted")), Long.parseLong(row.get("failed_events")), latency(row, "alert_"),
                        latency(row, "ingest_"), Long.parseLong(row.get("alerts_missing")), d(row.get("backlog_drain_s")),
                        d(row.get("wall_s")), new ComponentCpu(cpu), d(row.get("rss_mb"))));
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return steps;
    }

    /** The JSON results: machine and options as given, the guarantees whose run failed and why, per guarantee the best rate and its profile, every step. */
    static void writeJson(Path file, Map<String, Object> machine, Map<String, Object> options, Map<String, String> failures,
                          List<StepResult> steps, SustainedRule rule) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        root.put("options", options);
        root.put("failed", failures);
        root.put("sustained_means", "accepted >= 95% of offered and none refused; every planted secret alerted and the "
                + "topology backlog drained within drain_seconds after the load; p99 event-to-alert <= p99_budget_ms");
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String g : steps.stream().map(StepResult::guarantee).distinct().toList()) {
            StepResult b = MaxRateSearch.best(steps.stream().filter(s -> s.guarantee().equals(g) && s.phase().equals("search"))
                    .toList(), rule);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("max_sustained_rate", b == null ? null : b.targetRate());
            one.put("profile", steps.stream().filter(s -> s.guarantee().equals(g) && s.phase().equals("profile"))
                    .map(BenchResults::profileRow).toList());
            CpuCostModel cost = CpuCostModel.fit(steps.stream().filter(s -> s.guarantee().equals(g)).toList());
            if (cost != null) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("path_events_per_marginal_cpu_second", cost.pathEventsPerCpuSecond());
                c.put("path_cpu_ms_per_event", cost.pathMillisPerEvent());
                c.put("path_idle_cores", cost.pathIdleCores());
                c.put("cpu_ms_per_event", cost.cpuMillisPerEvent());
                c.put("idle_cores", cost.idleCores());
                c.put("steps_fitted", cost.steps());
                one.put("cpu_cost", c);
            }
            summary.put(g, one);
        }
        root.put("results", summary);
        List<Map<String, Object>> all = new ArrayList<>();
        for (StepResult s : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", s);
            m.put("achieved_rate", s.achievedRate());
            m.put("cpu_percent", s.cpuPercent());
            m.put("path_events_per_cpu_second", s.pathEventsPerCpuSecond());
            m.put("verdict", rule.verdict(s));
            all.add(m);
        }
        root.put("steps", all);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    private static Map<String, Object> profileRow(StepResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", s.targetRate());
        m.put("alert_latency_ms", s.alertLatency());
        m.put("ingest_latency_ms", s.ingestLatency());
        m.put("cpu_percent", s.cpuPercent());
        m.put("path_events_per_cpu_second", s.pathEventsPerCpuSecond());
        m.put("rss_mb", s.rssMb());
        return m;
    }

    private static void latency(List<String> f, LatencyStats.Summary s) {
        f.addAll(List.of(String.valueOf(s.count()), num(s.p50()), num(s.p90()), num(s.p99()), num(s.p999()), num(s.max())));
    }

    private static LatencyStats.Summary latency(Map<String, String> row, String prefix) {
        return new LatencyStats.Summary(Long.parseLong(row.get(prefix + "count")), d(row.get(prefix + "p50_ms")),
                d(row.get(prefix + "p90_ms")), d(row.get(prefix + "p99_ms")), d(row.get(prefix + "p999_ms")),
                d(row.get(prefix + "max_ms")));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
