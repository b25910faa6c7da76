package io.agentdlp.bench.topology;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.bench.CacheWalk;
import io.agentdlp.bench.fingerprint.BenchCorpus;
import io.agentdlp.detection.pii.PiiScanner;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.serde.AvroClassTrust;
import io.agentdlp.topology.DetectorSet;
import io.agentdlp.topology.EgressInspection;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.config.TopologyOptions;
import io.agentdlp.topology.metrics.DlpMetrics;
import io.agentdlp.topology.pii.PiiDetector;
import io.agentdlp.topology.policy.PolicyBook;
import io.agentdlp.topology.secret.SecretDetector;

/**
 * What the content detectors cost around their scanners, on the topology workload's events as the
 * inspect processor hands them to the detect processor (the events of {@link TopologyAB}'s workload,
 * content re-sent in a session scanned again since no dedup stage runs here). Per CPU time of this
 * thread, µs per event, one pass per mode and round, the modes interleaved round by round so that a
 * shared machine's load falls on all of them alike; medians over the second half of the rounds, and the
 * bytes each mode allocated per event in the last round (the walk of the {@code evicted} modes allocates
 * nothing):
 * <ul>
 *   <li>{@code secret.scan} / {@code pii.scan}: the scanner alone on each event's text;</li>
 *   <li>{@code secret.detect} / {@code pii.detect}: the detector's {@code detect} on the same event
 *       (scan, alert drafts, evidence); {@code detect - scan} is the detector's own work;</li>
 *   <li>{@code scans.interleaved}: both scanners on each text in turn, as the topology runs them
 *       (against the sum of the two alone: what running colder between them costs);</li>
 *   <li>{@code secret.scan.timed} / {@code pii.scan.timed}: the scanner alone, each call timed (the
 *       clock reads inside); {@code .evicted}: the same after a walk over some bytes (by default
 *       {@value #EVICT_BYTES}) that takes the scanner's tables out of L1 and L2, as the topology's other stages do between two events;</li>
 *   <li>{@code meters}: what the detect processor adds per event around its detectors (a timer
 *       record per detector, a rule-hit count per detection), on the detections precomputed.</li>
 * </ul>
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.topology.DetectorCost
 * [events] [rounds] [topology events] [evict bytes]} (default 3000 events, 16 rounds, 0 topology events: the
 * number of workload events of another seed piped through the whole default topology before measuring, see
 * {@link #runTopology}; the walk of the {@code evicted} modes, {@value #EVICT_BYTES} bytes).
 */
public final class DetectorCost {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALLOCATED = (com.sun.management.ThreadMXBean) MX;

    /** Bytes walked before each scan of the {@code evicted} modes by default: twice a core's L2 cache here. */
    private static final int EVICT_BYTES = 2 << 20;
    /** CPU nanoseconds inside the timed calls of the running pass (0 when the pass times as a whole). */
    private static long timed;

    private DetectorCost() {
    }

    /**
     * Pipes {@code n} workload events through the whole default topology first, so that the JIT has compiled
     * the scanners as the topology runs them (its type profiles, inlining, the code the other stages share)
     * before they are measured alone: what is slower in the topology for that reason stays slower here.
     */
    private static void runTopology(int n) throws IOException {
        List<BenchCorpus.Source> indexed = BenchCorpus.sources(2L << 20);
        try (TopologyRig rig = new TopologyRig(ThroughputConfigs.named("default").getValue(), indexed)) {
            EgressWorkload workload = new EgressWorkload(20260301L, indexed);
            for (TopologyRig.Wire w : rig.serialise(workload::next, n)) {
                rig.pipe(w);
                rig.drainAlerts();
            }
        }
        System.out.println(n + " events piped through the default topology first; " + ThroughputConfigs.load());
    }

    private static int timedScan(SecretScanner s, InspectedEvent e) {
        long c0 = MX.getCurrentThreadCpuTime();
        int n = s.scan(e.text()).findings().size();
        timed += MX.getCurrentThreadCpuTime() - c0;
        return n;
    }

    private static int timedPii(PiiScanner s, InspectedEvent e) {
        long c0 = MX.getCurrentThreadCpuTime();
        int n = s.scan(e.text()).findings().size();
        timed += MX.getCurrentThreadCpuTime() - c0;
        return n;
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int topologyEvents = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int evictBytes = args.length > 3 ? Integer.parseInt(args[3]) : EVICT_BYTES;
        AvroClassTrust.trustGenerated();
        System.out.println("start; " + ThroughputConfigs.load());
        if (topologyEvents > 0) {
            runTopology(topologyEvents);
        }
        TopologyConfig config = TopologyConfig.defaults().with("hash.key", "benchmark-hash-key-0123456789");
        DlpMetrics metrics = DlpMetrics.detached();
        DetectorSet set = DetectorSet.from(config, metrics);
        EgressWorkload workload = new EgressWorkload(20260302L, BenchCorpus.sources(2L << 20));
        EgressInspection inspection = new EgressInspection(config.bytes(TopologyOptions.SCAN_MAX_BYTES));
        List<InspectedEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            EgressWorkload.Keyed k = workload.next();
            InspectedEvent e = inspection.inspect(k.key(), k.event());
            if (e.text() != null) {
                events.add(e);
            }
        }
        SecretScanner secrets = set.secrets();
        PiiScanner pii = set.pii();
        SecretDetector secretDetector = new SecretDetector(secrets, metrics);
        PiiDetector piiDetector = new PiiDetector(pii, set.piiMinSeverity());
        List<List<DlpAlert>> found = new ArrayList<>(events.size());
        for (InspectedEvent e : events) {
            secretDetector.detect(e, PolicyBook.EMPTY);
            piiDetector.detect(e, PolicyBook.EMPTY);
            found.add(List.copyOf(e.detections()));
            e.detections().clear();
        }
        Timer[] timers = {metrics.detectorTimer("a"), metrics.detectorTimer("b"), metrics.detectorTimer("c"),
                metrics.detectorTimer("d"), metrics.detectorTimer("e")};
        long chars = events.stream().mapToLong(e -> e.text().length()).sum();
        System.out.printf(Locale.ROOT, "%d events, %d with text (%.1f KB mean), %d detections; %s%n", n, events.size(),
                chars / 1024.0 / events.size(), found.stream().mapToInt(List::size).sum(), ThroughputConfigs.load());

        Map<String, Runnable> modes = new LinkedHashMap<>();
        long[] sink = new long[1];
        modes.put("secret.scan", () -> events.forEach(e -> sink[0] += secrets.scan(e.text()).findings().size()));
        modes.put("secret.detect", () -> events.forEach(e -> {
            secretDetector.detect(e, PolicyBook.EMPTY);
            sink[0] += e.detections().size();
            e.detections().clear();
        }));
        modes.put("pii.scan", () -> events.forEach(e -> sink[0] += pii.scan(e.text()).findings().size()));
        modes.put("pii.detect", () -> events.forEach(e -> {
            piiDetector.detect(e, PolicyBook.EMPTY);
            sink[0] += e.detections().size();
            e.detections().clear();
        }));
        modes.put("scans.interleaved", () -> events.forEach(e -> sink[0] += secrets.scan(e.text()).findings().size()
                + pii.scan(e.text()).findings().size()));
        long[] evict = new long[evictBytes / Long.BYTES];
        modes.put("secret.scan.timed", () -> events.forEach(e -> sink[0] += timedScan(secrets, e)));
        modes.put("secret.scan.evicted", () -> events.forEach(e -> {
            sink[0] += CacheWalk.over(evict);
            sink[0] += timedScan(secrets, e);
        }));
        modes.put("pii.scan.timed", () -> events.forEach(e -> sink[0] += timedPii(pii, e)));
        modes.put("pii.scan.evicted", () -> events.forEach(e -> {
            sink[0] += CacheWalk.over(evict);
            sink[0] += timedPii(pii, e);
        }));
        modes.put("meters", () -> {
            for (List<DlpAlert> d : found) {
                for (Timer t : timers) {
                    long s = metrics.detectorClock();
                    t.record(metrics.detectorClock() - s, TimeUnit.NANOSECONDS);
                }
                for (DlpAlert a : d) {
                    metrics.ruleHit(a.getDetector(), a.getRuleId());
                }
            }
        });
        Map<String, double[]> perEvent = new LinkedHashMap<>();
        modes.keySet().forEach(m -> perEvent.put(m, new double[rounds]));
        Map<String, Double> allocated = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Runnable> m : modes.entrySet()) {
                timed = 0;
                long a0 = ALLOCATED.getCurrentThreadAllocatedBytes();
                long c0 = MX.getCurrentThreadCpuTime();
                m.getValue().run();
                long total = MX.getCurrentThreadCpuTime() - c0;
                allocated.put(m.getKey(), (ALLOCATED.getCurrentThreadAllocatedBytes() - a0) / 1024.0 / events.size());
                perEvent.get(m.getKey())[r] = (timed > 0 ? timed : total) / 1e3 / events.size();
            }
        }
        for (Map.Entry<String, double[]> m : perEvent.entrySet()) {
            double[] last = Arrays.copyOfRange(m.getValue(), rounds / 2, rounds);
            Arrays.sort(last);
            System.out.printf(Locale.ROOT, "%-20s median %7.2f us/event (min %7.2f, max %7.2f), %6.2f KB allocated/event%n",
                    m.getKey(), last[last.length / 2], last[0], last[last.length - 1], allocated.get(m.getKey()));
        }
        System.out.println("checksum " + sink[0] + "; done; " + ThroughputConfigs.load());
    }
}
