package io.agentdlp.launcher.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark against one running stack: a warm-up, the max-sustained-rate search, then a latency
 * profile at 25/50/75/100 % of the best rate. Each step offers a fixed rate to the gateway, waits for the
 * planted secrets' alerts on {@code dlp-alerts}, then for the topology's backlog to drain so the next
 * step starts clean.
 */
public final class BenchRun {
    private static final double[] PROFILE = {0.25, 0.5, 0.75, 1.0};

    private final BenchSettings settings;
    private final PrintStream out;

    public BenchRun(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Where the stack under test listens. */
    public record Target(URI gateway, String gatewayToken, String bootstrap, String registryUrl, String alertsTopic,
                         String eventsTopic, String topologyGroup) {
    }

    /** Runs every step for {@code guarantee} (a label on the results) and returns them in order. */
    public List<StepResult> run(String guarantee, Target target, List<String> ownCodeExcerpts) throws Exception {
        List<StepResult> steps = new ArrayList<>();
        BenchPayloads payloads = new BenchPayloads(settings.seed(), settings.secretShare(), settings.ownCodeShare(),
                ownCodeExcerpts);
        try (AlertWatcher alerts = new AlertWatcher(target.bootstrap(), target.registryUrl(), target.alertsTopic(),
                System::currentTimeMillis);
             GatewayLoad load = new GatewayLoad(target.gateway(), target.gatewayToken(), payloads, alerts, settings.batchSize(),
                     settings.maxInFlight());
             TopologyLag lag = new TopologyLag(target.bootstrap(), target.topologyGroup(), target.eventsTopic())) {
            StepRunner runner = new StepRunner(guarantee, load, alerts, lag);
            if (!settings.warmup().isZero()) {
                StepResult w = runner.step("warmup", settings.startRate(), settings.warmup());
                print(w);
            }
            MaxRateSearch search = new MaxRateSearch(settings.startRate(), settings.precision(), settings.p99BudgetMs(),
                    settings.maxSearchSteps());
            List<StepResult> searched = search.run(rate -> {
                try {
                    StepResult r = runner.step("search", rate, settings.step());
                    print(r);
                    return r;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BenchStepException(guarantee, rate, e);
                } catch (Exception e) {
                    throw new BenchStepException(guarantee, rate, e);
                }
            });
            steps.addAll(searched);
            StepResult best = MaxRateSearch.best(searched, settings.p99BudgetMs());
            if (best == null) {
                out.printf(Locale.ROOT, "  %s: no rate down to %.0f events/s was sustained; no latency profile%n", guarantee,
                        searched.get(searched.size() - 1).targetRate());
                return steps;
            }
            out.printf(Locale.ROOT, "  %s: max sustained rate %.0f events/s; profiling at 25/50/75/100 %%%n", guarantee,
                    best.targetRate());
            for (double f : PROFILE) {
                StepResult r = runner.step("profile", best.targetRate() * f, settings.step());
                print(r);
                steps.add(r);
            }
        }
        return steps;
    }

    private void print(StepResult r) {
        out.printf(Locale.ROOT, "  %-15s %-7s %7.0f ev/s offered %7.0f accepted | alert p50 %6.0f p99 %6.0f ms (%d) | "
                        + "ingest p99 %5.0f ms | failed %d missing %d | CPU %4.0f %% RSS %4.0f MB | %s%n",
                r.guarantee(), r.phase(), r.targetRate(), r.achievedRate(), r.alertLatency().p50(), r.alertLatency().p99(),
                r.alertLatency().count(), r.ingestLatency().p99(), r.failedEvents(), r.alertsMissing(), r.cpuPercent(),
                r.rssMb(), r.sustained(settings.p99BudgetMs()) ? "sustained" : "NOT sustained");
    }

    /** A step could not be run (the stack failed, Kafka admin calls timed out, interrupted). */
    public static final class BenchStepException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BenchStepException(String guarantee, double rate, Exception cause) {
            super(String.format(Locale.ROOT, "bench step %s at %.0f events/s failed: %s", guarantee, rate, cause), cause);
        }
    }

    /** One fixed-rate step: offer, wait for the alerts, drain the backlog. */
    private final class StepRunner {
        private final String guarantee;
        private final GatewayLoad load;
        private final AlertWatcher alerts;
        private final TopologyLag lag;
        private final ProcessStats process = new ProcessStats();

        StepRunner(String guarantee, GatewayLoad load, AlertWatcher alerts, TopologyLag lag) {
            this.guarantee = guarantee;
            this.load = load;
            this.alerts = alerts;
            this.lag = lag;
        }

        StepResult step(String phase, double rate, Duration duration) throws Exception {
            alerts.takeLatency();
            long cpu0 = process.cpuNanos();
            long wall0 = System.nanoTime();
            GatewayLoad.Outcome o = load.run(rate, duration);
            long deadline = System.nanoTime() + settings.drain().toNanos();
            while (alerts.pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long missing = alerts.dropPending();
            LatencyStats.Summary alertLatency = alerts.takeLatency();
            // an overloaded step leaves a backlog: the topology catches up (and is charged for it) before the next step
            long left = lag.awaitDrained(Duration.ofMinutes(3));
            if (left > 0) {
                out.printf(Locale.ROOT, "  (topology still %d events behind after 3 min; the next step starts with a backlog)%n",
                        left);
            }
            double cpuSeconds = (process.cpuNanos() - cpu0) / 1e9;
            double wallSeconds = (System.nanoTime() - wall0) / 1e9;
            return new StepResult(guarantee, phase, rate, o.achievedRate(), alertLatency, o.ingestLatency(), o.failed(),
                    missing, 100 * cpuSeconds / wallSeconds, ProcessStats.rssMb(),
                    cpuSeconds <= 0 ? 0 : o.accepted() / cpuSeconds);
        }
    }
}
