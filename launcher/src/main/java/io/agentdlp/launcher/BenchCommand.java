package io.agentdlp.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.agentdlp.launcher.bench.BenchOutput;
import io.agentdlp.launcher.bench.BenchRun;
import io.agentdlp.launcher.bench.BenchSettings;
import io.agentdlp.launcher.bench.GuaranteeJvm;
import io.agentdlp.launcher.bench.StepResult;
import io.agentdlp.launcher.dev.DevPorts;
import io.agentdlp.launcher.dev.DevStack;
import io.agentdlp.launcher.dev.OwnCodeSample;
import io.agentdlp.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agentdlp bench}: the end-to-end load benchmark gateway → Kafka → topology → alerts. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"End-to-end benchmark of the real path: ingest gateway (HTTP) -> Kafka -> detection topology -> dlp-alerts.",
                "For each processing guarantee: a fresh embedded stack (as 'agentdlp dev', temporary data, free ports), a "
                        + "generated own-code sample indexed, a warm-up, then a search for the highest sustained rate "
                        + "(exponential ramp, then bisection; sustained = offered rate accepted, no refused event, every "
                        + "planted secret alerted and the backlog drained within --drain-seconds, p99 event-to-alert latency "
                        + "within the budget), then latency, CPU and RSS at 25/50/75/100 %% of that rate.",
                "Latencies are HdrHistograms; an event's time is its intended send time, so a sender held back by the "
                        + "gateway counts against latency (no coordinated omission).",
                "Writes results.csv, results.json (with the machine: CPUs, model, RAM, JDK, load) and SVG charts (drawn "
                        + "from results.csv) to --out. Defaults fit in about 12 minutes (--max-minutes). See docs/BENCHMARKS.md.",
                "With more than one guarantee each runs in a JVM of its own (same options), so none inherits another's heap; "
                        + "a guarantee that fails is reported, its measured steps kept, and the run goes on.",
                "Exit code 0 = done, 1 = a guarantee failed (the others' results are written), 2 = bad options."})
final class BenchCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(BenchCommand.class);

    @Option(names = "--guarantees", split = ",", paramLabel = "G",
            defaultValue = "exactly_once_v2,at_least_once",
            description = "Topology processing guarantees to measure, in order (default: ${DEFAULT-VALUE}).")
    List<String> guarantees;

    @Option(names = "--start-rate", defaultValue = "100", paramLabel = "EV/S",
            description = "First rate of the search, events/s (default: ${DEFAULT-VALUE}).")
    double startRate;

    @Option(names = "--min-rate", defaultValue = "1", paramLabel = "EV/S",
            description = "Lowest rate tried when even the start rate is not sustained (default: ${DEFAULT-VALUE}).")
    double minRate;

    @Option(names = "--ramp-factor", defaultValue = "2", paramLabel = "F",
            description = "The search multiplies the rate by F while sustained, divides it by F squared while the start "
                    + "rate is not, then bisects (default: ${DEFAULT-VALUE}).")
    double rampFactor;

    @Option(names = "--step-seconds", defaultValue = "10", paramLabel = "S",
            description = "Length of each fixed-rate step (default: ${DEFAULT-VALUE}).")
    int stepSeconds;

    @Option(names = "--min-alerts", defaultValue = "50", paramLabel = "N",
            description = "A step at a low rate lasts longer (up to 3 step lengths) until N planted secrets were sent "
                    + "(default: ${DEFAULT-VALUE}).")
    int minAlerts;

    @Option(names = "--warmup-seconds", defaultValue = "60", paramLabel = "S",
            description = "Unrecorded warm-up at the start rate before each guarantee's search, 0 = none; shorter "
                    + "warm-ups leave JIT compilation competing with the stack in the first steps (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--drain-seconds", defaultValue = "10", paramLabel = "S",
            description = "After a step's load: how long its alerts may still arrive and the topology may take to drain its "
                    + "backlog for the step to count as sustained (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--max-search-steps", defaultValue = "10", paramLabel = "N",
            description = "Upper bound on the search's steps per guarantee (default: ${DEFAULT-VALUE}).")
    int maxSearchSteps;

    @Option(names = "--precision", defaultValue = "0.1", paramLabel = "F",
            description = "Stop bisecting when the best sustained and the lowest failing rate are within this fraction "
                    + "(default: ${DEFAULT-VALUE}).")
    double precision;

    @Option(names = "--p99-budget-ms", defaultValue = "500", paramLabel = "MS",
            description = "Sustained means p99 event-to-alert latency at most this (default: ${DEFAULT-VALUE}).")
    double p99BudgetMs;

    @Option(names = "--max-minutes", defaultValue = "12", paramLabel = "MIN",
            description = "Time budget of the whole run, shared equally by the guarantees: a guarantee's search stops "
                    + "early when its latency profile would not fit in its share (default: ${DEFAULT-VALUE}).")
    double maxMinutes;

    @Option(names = "--stream-threads", paramLabel = "N",
            description = "Topology stream threads (default: the number of CPUs).")
    Integer streamThreads;

    @Option(names = "--secret-share", defaultValue = "0.1", paramLabel = "F",
            description = "Share of events that carry a unique synthetic secret; their alerts are what is measured "
                    + "(default: ${DEFAULT-VALUE}).")
    double secretShare;

    @Option(names = "--own-code-share", defaultValue = "0.05", paramLabel = "F",
            description = "Share of events that paste an excerpt of the indexed own-code sample, 0 = no index "
                    + "(default: ${DEFAULT-VALUE}).")
    double ownCodeShare;

    @Option(names = "--batch-size", defaultValue = "10", paramLabel = "N",
            description = "Events per gateway request, as a sensor batches them (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--max-in-flight", defaultValue = "32", paramLabel = "N",
            description = "Concurrent gateway requests (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--seed", defaultValue = "42", description = "Payload generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "bench-results", paramLabel = "DIR",
            description = "Directory for results.csv, results.json and the charts (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--charts-from", paramLabel = "CSV",
            description = "Only redraw the charts from an existing results.csv (written next to it), then exit.")
    Path chartsFrom;

    @Override
    public Integer call() throws Exception {
        PrintStream o = System.out;
        if (chartsFrom != null) {
            for (Path p : BenchOutput.chartsFrom(chartsFrom, p99BudgetMs)) {
                o.println("wrote " + p);
            }
            return 0;
        }
        BenchSettings settings;
        try {
            settings = new BenchSettings(startRate, minRate, rampFactor, Duration.ofSeconds(stepSeconds), minAlerts,
                    Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(drainSeconds), maxSearchSteps, precision, p99BudgetMs,
                    secretShare, ownCodeShare, batchSize, maxInFlight, seed);
        } catch (IllegalArgumentException e) {
            System.err.println("agentdlp bench: " + e.getMessage());
            return 2;
        }
        int threads = streamThreads != null ? streamThreads : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            System.err.println("agentdlp bench: --stream-threads must be at least 1");
            return 2;
        }
        BenchOutput output = new BenchOutput(out, settings.rule());
        Map<String, Object> machine = output.machine();
        o.printf(Locale.ROOT, "agentdlp bench: %d CPU(s) %s, %s, %s; load %s%n", Runtime.getRuntime().availableProcessors(),
                machine.get("cpu_model"), machine.get("ram"), machine.get("jdk"), machine.get("uptime_start"));
        List<StepResult> all = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        long started = System.nanoTime();
        long share = (long) (maxMinutes * 60e9 / guarantees.size());
        for (int i = 0; i < guarantees.size(); i++) {
            String g = guarantees.get(i);
            long deadline = started + (i + 1) * share;
            String failure = guarantees.size() == 1
                    ? runHere(g, threads, settings, deadline, all, output)
                    : runInOwnJvm(g, deadline, all);
            if (failure != null) {
                failures.put(g, failure);
                o.println("== " + g + " FAILED: " + failure + (i + 1 < guarantees.size() ? "; going on with the next guarantee" : ""));
            }
        }
        machine.put("uptime_end", output.load());
        List<Path> files = output.write(all, machine, options(), failures, Instant.now());
        files.forEach(p -> o.println("wrote " + p));
        return failures.isEmpty() ? 0 : 1;
    }

    /**
     * One guarantee on a fresh stack in this JVM; every measured step is added to {@code all} and results.csv
     * rewritten at once, so a JVM that dies keeps them. Returns why it failed, or null.
     */
    private String runHere(String g, int threads, BenchSettings settings, long deadline, List<StepResult> all,
                           BenchOutput output) throws IOException, InterruptedException {
        PrintStream o = System.out;
        o.println("== " + g + ": starting a fresh stack");
        Path dir = Files.createTempDirectory("agentdlp-bench-");
        Map<String, String> topology = Map.of("processing.guarantee", g, "num.stream.threads", String.valueOf(threads));
        try (DevStack stack = new DevStack(dir, DevPorts.ephemeral(), o, topology).start()) {
            List<String> excerpts = List.of();
            if (ownCodeShare > 0) {
                OwnCodeSample sample = OwnCodeSample.generate(seed, 8);
                Path tree = dir.resolve("own-code");
                sample.writeTo(tree);
                new StackIndexer(stack).index(tree, "acme/bench-own-code", true);
                excerpts = new ArrayList<>();
                for (int f = 0; f < sample.files().size(); f++) {
                    excerpts.add(sample.excerpt(f, 25));
                }
            }
            BenchRun.Target target = new BenchRun.Target(stack.gatewayUrl(), stack.gatewayToken(), stack.kafkaBootstrap(),
                    stack.registryUrl(), stack.topic(Topics.ALERTS), stack.topic(Topics.EGRESS_EVENTS),
                    stack.topologyApplicationId());
            new BenchRun(settings, o).run(g, target, excerpts, deadline, step -> {
                all.add(step);
                try {
                    output.writeSteps(all);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not write " + out.resolve("results.csv"), e);
                }
            });
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (Exception e) {
            log.error("event=bench_guarantee_failed guarantee={} steps={}", g, all.size(), e);
            return e.toString();
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * One guarantee in a child JVM writing to {@code <out>/<guarantee>}; its steps (also those measured before
     * it failed) are added to {@code all}. Returns why it failed, or null.
     */
    private String runInOwnJvm(String g, long deadline, List<StepResult> all) throws IOException, InterruptedException {
        Path dir = out.resolve(g).toAbsolutePath();
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("results.csv"));
        double minutes = Math.max(1, (deadline - System.nanoTime()) / 60e9);
        System.out.printf(Locale.ROOT, "== %s: in its own JVM, results in %s, %.1f minutes%n", g, dir, minutes);
        int exit = new GuaranteeJvm(AgentDlp.class.getName()).run(childArgs(g, dir, minutes), dir);
        Path csv = dir.resolve("results.csv");
        int before = all.size();
        if (Files.exists(csv)) {
            all.addAll(BenchOutput.readSteps(csv));
        }
        if (exit == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "its JVM exited with %d after %d measured step(s) (see its output above and %s)",
                exit, all.size() - before, dir);
    }

    /** This command's options for one guarantee, its output directory and time budget. */
    List<String> childArgs(String g, Path dir, double minutes) {
        List<String> a = new ArrayList<>(List.of("bench", "--guarantees", g, "--out", dir.toString(),
                "--max-minutes", String.format(Locale.ROOT, "%.2f", minutes)));
        options().forEach((k, v) -> {
            if (!k.equals("guarantees") && !k.equals("max_minutes")) {
                a.add("--" + k.replace('_', '-'));
                a.add(String.valueOf(v));
            }
        });
        return a;
    }

    private Map<String, Object> options() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("guarantees", guarantees);
        m.put("start_rate", startRate);
        m.put("min_rate", minRate);
        m.put("ramp_factor", rampFactor);
        m.put("step_seconds", stepSeconds);
        m.put("min_alerts", minAlerts);
        m.put("warmup_seconds", warmupSeconds);
        m.put("drain_seconds", drainSeconds);
        m.put("max_search_steps", maxSearchSteps);
        m.put("precision", precision);
        m.put("p99_budget_ms", p99BudgetMs);
        m.put("max_minutes", maxMinutes);
        m.put("stream_threads", streamThreads != null ? streamThreads : Runtime.getRuntime().availableProcessors());
        m.put("secret_share", secretShare);
        m.put("own_code_share", ownCodeShare);
        m.put("batch_size", batchSize);
        m.put("max_in_flight", maxInFlight);
        m.put("seed", seed);
        return m;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
