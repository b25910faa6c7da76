package io.agentdlp.launcher.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The benchmark against one running stack: a warm-up, the max-sustained-rate search, then a latency
 * profile at 25/50/75/100 % of the best rate. Each step offers a fixed rate to the gateway, waits for the
 * planted secrets' alerts on {@code dlp-alerts}, then for the topology's backlog to drain so the next
 * step starts clean.
 */
public final class BenchRun {
    static final double[] PROFILE = {0.25, 0.5, 0.75, 1.0};
    private static final Duration LONGEST_DRAIN = Duration.ofMinutes(3);

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

    /**
     * Runs every step for {@code guarantee} (a label on the results) and returns them in order, each also handed
     * to {@code onStep} as soon as it is measured (so a run that dies later keeps it). The search stops early when
     * its next step and a profile of that rate would no longer end before {@code deadlineNanos}
     * ({@link System#nanoTime()}). A step that cannot be run ends this guarantee's run: it is reported and
     * rethrown as a {@link BenchStepException}; the steps measured before it went to {@code onStep}.
     */
    public List<StepResult> run(String guarantee, Target target, List<String> ownCodeExcerpts, long deadlineNanos,
                                Consumer<StepResult> onStep) throws Exception {
        List<StepResult> steps = new ArrayList<>();
        Consumer<StepResult> measured = r -> {
            print(r, settings.rule());
            onStep.accept(r);
        };
        BenchPayloads payloads = new BenchPayloads(settings.seed(), settings.secretShare(), settings.ownCodeShare(),
                ownCodeExcerpts);
        try (AlertWatcher alerts = new AlertWatcher(target.bootstrap(), target.registryUrl(), target.alertsTopic(),
                System::currentTimeMillis);
             GatewayLoad load = new GatewayLoad(target.gateway(), target.gatewayToken(), payloads, alerts::expect, settings.batchSize(),
                     settings.maxInFlight());
             TopologyLag lag = new TopologyLag(target.bootstrap(), target.topologyGroup(), target.eventsTopic())) {
            StepRunner runner = new StepRunner(guarantee, load, alerts, lag);
            try {
                measureAll(guarantee, runner, deadlineNanos, steps, measured);
            } catch (BenchStepException e) {
                out.printf(Locale.ROOT, "  %s: FAILED: %s; the %d step(s) measured before it are kept%n", guarantee,
                        e.getMessage(), steps.size());
                throw e;
            }
        }
        return steps;
    }

    private void measureAll(String guarantee, StepRunner runner, long deadlineNanos, List<StepResult> steps,
                            Consumer<StepResult> measured) {
        SustainedRule rule = settings.rule();
        if (!settings.warmup().isZero()) {
            print(runner.step("warmup", settings.startRate(), settings.warmup()), rule);
        }
        MaxRateSearch search = new MaxRateSearch(settings.startRate(), settings.minRate(), settings.rampFactor(),
                settings.precision(), settings.maxSearchSteps(), rule,
                next -> System.nanoTime() + runner.estimateNanos(next) > deadlineNanos);
        List<StepResult> searched = search.run(rate -> {
            StepResult r = runner.step("search", rate, settings.stepLength(rate));
            steps.add(r);
            measured.accept(r);
            return r;
        });
        StepResult best = MaxRateSearch.best(searched, rule);
        if (searched.isEmpty()) {
            out.printf(Locale.ROOT, "  %s: no search step fitted in this guarantee's share of --max-minutes after the "
                    + "warm-up; no rate measured%n", guarantee);
            return;
        }
        if (best == null) {
            out.printf(Locale.ROOT, "  %s: no rate down to %.0f events/s was sustained; no latency profile%n", guarantee,
                    searched.get(searched.size() - 1).targetRate());
            printCost(guarantee, steps);
            return;
        }
        out.printf(Locale.ROOT, "  %s: max sustained rate %.0f events/s; profiling at 25/50/75/100 %%%n", guarantee,
                best.targetRate());
        for (double f : PROFILE) {
            double rate = Math.max(1, Math.rint(best.targetRate() * f));
            StepResult r = runner.step("profile", rate, settings.stepLength(rate));
            steps.add(r);
            measured.accept(r);
        }
        printCost(guarantee, steps);
    }

    private void printCost(String guarantee, List<StepResult> steps) {
        CpuCostModel cost = CpuCostModel.fit(steps);
        if (cost != null) {
            out.printf(Locale.ROOT, "  %s: path %.0f events per marginal CPU-second (%.2f ms/event), %.2f cores idle; ms/event %s%n",
                    guarantee, cost.pathEventsPerCpuSecond(), cost.pathMillisPerEvent(), cost.pathIdleCores(),
                    cost.cpuMillisPerEvent().entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "%s=%.3f", e.getKey(), e.getValue())).toList());
        }
    }

    private void print(StepResult r, SustainedRule rule) {
        out.printf(Locale.ROOT, "  %-15s %-7s %6.0f ev/s offered %6.0f accepted | alert p50 %6.0f p99 %6.0f ms (%d) | "
                        + "ingest p99 %5.0f ms | backlog %4.1f s | CPU %4.0f %% (%5.0f ev/CPU-s path) RSS %4.0f MB | %s%n",
                r.guarantee(), r.phase(), r.targetRate(), r.achievedRate(), r.alertLatency().p50(), r.alertLatency().p99(),
                r.alertLatency().count(), r.ingestLatency().p99(), r.backlogDrainSeconds(), r.cpuPercent(),
                r.pathEventsPerCpuSecond(), r.rssMb(), rule.verdict(r));
    }

    /** A step could not be run (the stack failed, Kafka admin calls timed out, interrupted). */
    public static final class BenchStepException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BenchStepException(String guarantee, String phase, double rate, Exception cause) {
            super(String.format(Locale.ROOT, "%s step of %s at %.0f events/s failed: %s", phase, guarantee, rate, cause), cause);
        }
    }

    /** One fixed-rate step: offer, wait for the alerts, drain the backlog. */
    private final class StepRunner {
        private final String guarantee;
        private final GatewayLoad load;
        private final AlertWatcher alerts;
        private final TopologyLag lag;
        private final ThreadCpu cpu = new ThreadCpu();
        private long waitNanos;
        private int stepCount;

        StepRunner(String guarantee, GatewayLoad load, AlertWatcher alerts, TopologyLag lag) {
            this.guarantee = guarantee;
            this.load = load;
            this.alerts = alerts;
            this.lag = lag;
        }

        /**
         * What a step at {@code rate} and then a profile of it should take: their load durations plus, per step,
         * the mean time spent so far waiting for alerts and the backlog after the load.
         */
        long estimateNanos(double rate) {
            long waitPerStep = stepCount == 0 ? settings.drain().toNanos() : waitNanos / stepCount;
            long nanos = settings.stepLength(rate).toNanos() + waitPerStep;
            for (double f : PROFILE) {
                nanos += settings.stepLength(Math.max(1, Math.rint(rate * f))).toNanos() + waitPerStep;
            }
            return nanos;
        }

        /** One step; whatever stops it from being measured becomes a {@link BenchStepException}. */
        StepResult step(String phase, double rate, Duration duration) {
            try {
                return measure(phase, rate, duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchStepException(guarantee, phase, rate, e);
            } catch (Exception e) {
                throw new BenchStepException(guarantee, phase, rate, e);
            }
        }

        private StepResult measure(String phase, double rate, Duration duration) throws Exception {
            alerts.settle();
            ThreadCpu.Snapshot cpu0 = cpu.snapshot();
            long wall0 = System.nanoTime();
            GatewayLoad.Outcome o = load.run(rate, duration);
            long loadEnd = System.nanoTime();
            long deadline = loadEnd + settings.drain().toNanos();
            while (alerts.pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            AlertWatcher.Settled settled = alerts.settle();
            // an overloaded step leaves a backlog: the topology catches up (and is charged for it) before the next step
            long left = lag.awaitDrained(LONGEST_DRAIN);
            double backlogSeconds = left > 0 ? -1 : (System.nanoTime() - loadEnd) / 1e9;
            if (left > 0) {
                out.printf(Locale.ROOT, "  (topology still %d events behind after %d min; the next step starts with a backlog)%n",
                        left, LONGEST_DRAIN.toMinutes());
            }
            ComponentCpu used = cpu.since(cpu0);
            long wall = System.nanoTime() - wall0;
            waitNanos += System.nanoTime() - loadEnd;
            stepCount++;
            return new StepResult(guarantee, phase, rate, o.seconds(), o.accepted(), o.failed(), settled.latency(),
                    o.ingestLatency(), settled.missing(), backlogSeconds, wall / 1e9, used, ProcessStats.rssMb());
        }
    }
}
