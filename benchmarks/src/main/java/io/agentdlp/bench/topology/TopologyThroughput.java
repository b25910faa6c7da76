package io.agentdlp.bench.topology;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;

import io.agentdlp.bench.fingerprint.BenchCorpus;
import io.agentdlp.topology.config.TopologyConfig;

/**
 * Events per CPU-second through the whole topology (TopologyTestDriver, no broker), on
 * {@link EgressWorkload}'s realistic traffic, for the default configuration and with single
 * detectors switched off to show where the time goes; each run prints the mean cost per event of each
 * detector (its latency timer) and the rest of the topology around them. TopologyTestDriver runs every processor on
 * the calling thread, so that thread's CPU time is the cost of processing; RocksDB's background
 * flushes and compactions run on other threads and are not counted. Wall-clock figures are printed
 * too but mostly measure waiting for a core on a shared machine.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.topology.TopologyThroughput [events] [warmup]
 * [configurations]} (comma-separated names of {@link ThroughputConfigs}: default, alos, no-secret, no-code, no-pii,
 * stateful, frame; all by default). {@link TopologyCpuBreakdown} splits one configuration's CPU by stage.
 */
public final class TopologyThroughput {
    private TopologyThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        List<String> names = args.length > 2 ? List.of(args[2].split(",")) : List.copyOf(ThroughputConfigs.all().keySet());
        List<BenchCorpus.Source> indexed = BenchCorpus.sources(2L << 20);
        System.out.printf(Locale.ROOT, "workload: %d events measured after %d warm-up, %d indexed files (%s code), "
                + "sizes log-normal median %d B capped at %d B; %s%n", events, warmup, indexed.size(),
                BenchCorpus.real() ? "real" : "generated", EgressWorkload.MEDIAN_BYTES, EgressWorkload.MAX_BYTES,
                ThroughputConfigs.load());
        for (String name : names) {
            var c = ThroughputConfigs.named(name);
            run(c.getKey(), c.getValue(), indexed, events, warmup);
        }
        System.out.println("done; " + ThroughputConfigs.load());
    }

    private static void run(String name, TopologyConfig config, List<BenchCorpus.Source> indexed, int events, int warmup) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (TopologyRig rig = new TopologyRig(config, indexed)) {
            EgressWorkload workload = new EgressWorkload(20260302L, indexed);
            List<TopologyRig.Wire> warm = rig.serialise(workload::next, warmup);
            List<TopologyRig.Wire> measured = rig.serialise(workload::next, events);
            warm.forEach(rig::pipe);
            rig.drainAlerts();
            long bytes = measured.stream().mapToLong(TopologyRig.Wire::contentBytes).sum();
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            measured.forEach(rig::pipe);
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            int alerts = rig.drainAlerts();
            System.out.printf(Locale.ROOT, "%-52s %8.0f events/CPU-s %6.1f MB/CPU-s | wall %7.0f events/s | %d alert records%n",
                    name, events / cpu, bytes / 1e6 / cpu, events / wall, alerts);
            // The detector timers are the production latency timers: wall time, over warm-up and measured events,
            // per event that reached the detector. Only on an idle machine do they approximate CPU and leave a
            // meaningful rest; on a loaded one they mostly measure waiting for a core.
            double totalUs = cpu * 1e6 / events;
            double detectorsUs = 0;
            StringBuilder detail = new StringBuilder(String.format(Locale.ROOT,
                    "    CPU per event %.1f us; detector latency means (wall, us):", totalUs));
            for (String d : List.of("secret", "pii", "code-fingerprint", "sensor", "risky-action", "policy", "sequence", "volume")) {
                Timer t = rig.metrics.registry().find("dlp.detector.latency").tag("detector", d).timer();
                if (t != null && t.count() > 0) {
                    double us = t.mean(TimeUnit.MICROSECONDS);
                    detectorsUs += us;
                    detail.append(String.format(Locale.ROOT, " %s %.1f;", d, us));
                }
            }
            detail.append(String.format(Locale.ROOT, " rest (serde, inspect, dedup, timeline, summary, aggregation, stores; idle machine only) %.1f",
                    Math.max(0, totalUs - detectorsUs)));
            System.out.println(detail);
        }
    }
}
