package io.agentdlp.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Writes a run's results files and charts, and describes the machine they were measured on. */
public final class BenchOutput {
    private final Path dir;
    private final SustainedRule rule;

    public BenchOutput(Path dir, SustainedRule rule) {
        this.dir = dir;
        this.rule = rule;
    }

    /** CPUs and their model, RAM, JDK and heap limit, OS and the {@code uptime} line (load averages). */
    public Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("cpu_model", procField(Path.of("/proc/cpuinfo"), "model name"));
        m.put("ram", procField(Path.of("/proc/meminfo"), "MemTotal"));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("uptime_start", uptime());
        return m;
    }

    /** The {@code uptime} line (load averages) now. */
    public String load() {
        return uptime();
    }

    /**
     * results.csv, results.json and the charts drawn from results.csv; {@code failures} names each guarantee
     * whose run failed, with why (its steps measured before the failure are in {@code steps}). Returns the
     * files written.
     */
    public List<Path> write(List<StepResult> steps, Map<String, Object> machine, Map<String, Object> options,
                            Map<String, String> failures, Instant finished) throws IOException {
        Path csv = writeSteps(steps);
        Path json = dir.resolve(BenchResults.JSON);
        Map<String, Object> opts = new LinkedHashMap<>(options);
        opts.put("finished", finished.toString());
        BenchResults.writeJson(json, machine, opts, failures, steps, rule);
        List<Path> files = new ArrayList<>(List.of(csv, json));
        files.addAll(BenchCharts.writeFrom(csv, rule.p99BudgetMs()));
        return files;
    }

    /** Only results.csv, e.g. after each step so that a run that dies keeps what it measured; returns it. */
    public Path writeSteps(List<StepResult> steps) throws IOException {
        Files.createDirectories(dir);
        Path csv = dir.resolve(BenchResults.CSV);
        BenchResults.writeCsv(csv, steps, rule);
        return csv;
    }

    /** The steps of a results.csv written by this bench version. */
    public static List<StepResult> readSteps(Path resultsCsv) throws IOException {
        return BenchResults.readCsv(resultsCsv);
    }

    /** Redraws the charts of an existing results.csv next to it. */
    public static List<Path> chartsFrom(Path resultsCsv, double p99BudgetMs) throws IOException {
        return BenchCharts.writeFrom(resultsCsv, p99BudgetMs);
    }

    /** The value of the first {@code key: value} line of a /proc file, or "unknown" (not Linux). */
    static String procField(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return line;
            }
        } catch (IOException e) {
            // no uptime binary: /proc/loadavg below carries the same load averages
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            return "loadavg " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
