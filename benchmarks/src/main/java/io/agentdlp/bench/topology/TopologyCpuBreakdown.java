package io.agentdlp.bench.topology;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import io.micrometer.core.instrument.Timer;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.bench.fingerprint.BenchCorpus;
import io.agentdlp.topics.Topics;
import io.agentdlp.topology.config.TopologyConfig;

/**
 * Where the topology's CPU goes, per event: the same run as {@link TopologyThroughput} (TopologyTestDriver,
 * {@link EgressWorkload}, one thread) with every processor timed in thread CPU time by
 * {@link ProcessorCpuWrapper} (exclusive of the processors it forwards to) and the detector timers
 * reading the thread's CPU clock. Stages the wrapper cannot see are measured apart with the same code:
 * deserialising the measured events and serialising the alert records the run produced. What is left
 * is the driver and the commits (TopologyTestDriver commits after every record: record caches flushed
 * to RocksDB and changelogs, the transaction under exactly_once_v2) and the repartition round trip of
 * the volume samples. The cost of reading the CPU clock is calibrated and taken off every stage; its
 * total is printed so the figures add up to the measured total.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.topology.TopologyCpuBreakdown
 * [events] [warmup] [configuration]} (a name of {@link ThroughputConfigs}; default {@code default}).
 */
public final class TopologyCpuBreakdown {
    private static final List<String> CONTENT_DETECTORS = List.of("secret", "pii", "code-fingerprint", "sensor",
            "risky-action", "policy");

    private TopologyCpuBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        String name = args.length > 2 ? args[2] : "default";
        Map.Entry<String, TopologyConfig> config = ThroughputConfigs.named(name);
        List<BenchCorpus.Source> indexed = BenchCorpus.sources(2L << 20);
        System.out.printf(Locale.ROOT, "%s: %d events after %d warm-up; %s%n", config.getKey(), events, warmup,
                ThroughputConfigs.load());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ProcessorCpuProfile profile = new ProcessorCpuProfile();
        try (TopologyRig rig = new TopologyRig(config.getValue(), indexed, profile)) {
            EgressWorkload workload = new EgressWorkload(20260302L, indexed);
            List<TopologyRig.Wire> warm = rig.serialise(workload::next, warmup);
            List<TopologyRig.Wire> measured = rig.serialise(workload::next, events);
            warm.forEach(rig::pipe);
            rig.drainAlerts();
            profile.reset();
            Map<String, long[]> timersBefore = timers(rig);
            long cpu0 = mx.getCurrentThreadCpuTime();
            measured.forEach(rig::pipe);
            long total = mx.getCurrentThreadCpuTime() - cpu0;
            Map<String, long[]> timersAfter = timers(rig);
            List<byte[]> alertValues = rig.drainAlertValues();
            long deser = deserialiseNanos(rig.eventDeserializer(), measured, mx);
            List<DlpAlert> alerts = alerts(rig.alertSerde(), alertValues);
            long ser = serialiseNanos(rig.alertSerde().serializer(), alerts, mx);
            print(profile, timersBefore, timersAfter, total, deser, ser, events, alertValues.size());
        }
        System.out.println("done; " + ThroughputConfigs.load());
    }

    private static void print(ProcessorCpuProfile profile, Map<String, long[]> before, Map<String, long[]> after,
                              long total, long deser, long ser, int events, int alerts) {
        long clock = profile.clockCostNanos();
        long clockReads = profile.clockReads();
        Map<String, Long> detectors = new HashMap<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long calls = e.getValue()[1] - b[1];
            clockReads += 2 * calls;
            detectors.put(e.getKey(), Math.max(0, e.getValue()[0] - b[0] - calls * clock));
        }
        System.out.printf(Locale.ROOT, "total %.1f us CPU per event = %.0f events/CPU-s (profiling included; "
                + "clock read %d ns, %.1f reads per event)%n", us(total, events), events * 1e9 / total, clock,
                (double) clockReads / events);
        System.out.printf(Locale.ROOT, "  %-46s %8.1f%n", "deserialise event (measured apart)", us(deser, events));
        long accounted = deser;
        for (String p : profile.processors()) {
            long own = profile.exclusiveNanos(p);
            if (p.equals("detect")) {
                long inDetectors = 0;
                for (String d : CONTENT_DETECTORS) {
                    Long n = detectors.get(d);
                    if (n != null) {
                        inDetectors += n;
                        System.out.printf(Locale.ROOT, "  %-46s %8.1f%n", "detector " + d, us(n, events));
                    }
                }
                System.out.printf(Locale.ROOT, "  %-46s %8.1f%n", "detect (frame around the detectors)",
                        us(Math.max(0, own - inDetectors), events));
            } else if (p.startsWith("aggregate-")) {
                System.out.printf(Locale.ROOT, "  %-46s %8.1f%n", p + " (with alert serialisation)", us(own, events));
            } else {
                System.out.printf(Locale.ROOT, "  %-46s %8.1f%n", p, us(own, events));
            }
            accounted += own;
        }
        System.out.printf(Locale.ROOT, "  %-46s %8.1f   (%d alert records, %.2f per event; part of aggregate-*)%n",
                "  of which alert serialisation (measured apart)", us(ser, events), alerts, (double) alerts / events);
        long clockTotal = clockReads * clock;
        System.out.printf(Locale.ROOT, "  %-46s %8.1f%n", "reading the CPU clock (profiling only)", us(clockTotal, events));
        System.out.printf(Locale.ROOT, "  %-46s %8.1f%n", "rest: driver, commits, repartition round trip",
                us(Math.max(0, total - accounted - clockTotal), events));
        long content = 0;
        for (String d : List.of("secret", "pii", "code-fingerprint")) {
            content += detectors.getOrDefault(d, 0L);
        }
        long frame = total - clockTotal - content;
        System.out.printf(Locale.ROOT, "without the profiling: %.1f us per event = %.0f events/CPU-s; of which the frame "
                + "(everything but the secret, personal-data and own-code scans) %.1f us = %.0f events/CPU-s%n",
                us(total - clockTotal, events), events * 1e9 / (total - clockTotal), us(frame, events), events * 1e9 / frame);
    }

    /** Detector timers: name → {total nanoseconds, count}. */
    private static Map<String, long[]> timers(TopologyRig rig) {
        Map<String, long[]> m = new HashMap<>();
        for (Timer t : rig.metrics.registry().find("dlp.detector.latency").timers()) {
            m.put(t.getId().getTag("detector"), new long[] {(long) t.totalTime(TimeUnit.NANOSECONDS), t.count()});
        }
        return m;
    }

    private static long deserialiseNanos(Deserializer<AgentEgressEvent> d, List<TopologyRig.Wire> wires, ThreadMXBean mx) {
        String topic = Topics.EGRESS_EVENTS.defaultName();
        long sink = 0;
        for (TopologyRig.Wire w : wires.subList(0, Math.min(500, wires.size()))) {
            sink += d.deserialize(topic, w.value()).getEventTime().toEpochMilli();
        }
        long start = mx.getCurrentThreadCpuTime();
        for (TopologyRig.Wire w : wires) {
            sink += d.deserialize(topic, w.value()).getEventTime().toEpochMilli();
        }
        long n = mx.getCurrentThreadCpuTime() - start;
        return sink == 42 ? n + 1 : n;
    }

    private static List<DlpAlert> alerts(Serde<DlpAlert> serde, List<byte[]> values) {
        List<DlpAlert> alerts = new ArrayList<>(values.size());
        for (byte[] v : values) {
            alerts.add(serde.deserializer().deserialize(Topics.ALERTS.defaultName(), v));
        }
        return alerts;
    }

    private static long serialiseNanos(Serializer<DlpAlert> serializer, List<DlpAlert> alerts, ThreadMXBean mx) {
        String topic = Topics.ALERTS.defaultName();
        long sink = 0;
        for (DlpAlert a : alerts.subList(0, Math.min(500, alerts.size()))) {
            sink += serializer.serialize(topic, a).length;
        }
        long start = mx.getCurrentThreadCpuTime();
        for (DlpAlert a : alerts) {
            sink += serializer.serialize(topic, a).length;
        }
        long n = mx.getCurrentThreadCpuTime() - start;
        return sink == 42 ? n + 1 : n;
    }

    private static double us(long nanos, int events) {
        return nanos / 1e3 / events;
    }
}
