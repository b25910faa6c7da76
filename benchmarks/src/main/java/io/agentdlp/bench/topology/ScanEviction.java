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

/**
 * What evicts the content scanners' tables between two events of the topology: the secret and the
 * personal-data scanner, each call timed alone (thread CPU time), on the topology workload's texts, with a
 * different disturbance run before each event in every mode, the modes interleaved round by round so that
 * a shared machine's load falls on all of them alike. Medians over the second half of the rounds of µs per
 * scan and of each mode's ratio to {@code warm} in the same round:
 * <ul>
 *   <li>{@code warm}: nothing between two events (the scanners' tables stay in the caches);</li>
 *   <li>{@code alloc.<N>KB}: {@code N} KB of fresh short-lived arrays allocated and filled before each event,
 *       sizes cycling from 64 bytes to 8 KB as the frame's records, strings and buffers do (the stream thread
 *       allocates about 100 KB per event), so that the allocation runs through the young generation as the
 *       topology's does;</li>
 *   <li>{@code walk.<N>KB}: a walk over {@code N} KB allocated once (no fresh allocation), for comparison
 *       with {@link DetectorCost}'s curve;</li>
 *   <li>{@code rig.<config>}: one other workload event piped through a whole topology of that configuration
 *       ({@link TopologyRig}: Streams, RocksDB, Avro, the stores) before each event, without the scanners
 *       measured here (the first three leave the secret and personal-data detectors off): {@code frame},
 *       {@code stateful}, {@code code} (stateful with the own-code detector and its index), {@code default}
 *       (the whole topology), or any other of {@link ThroughputConfigs}; when the rig runs a scanner, the
 *       scanners timed are the rig's own instances, which it runs in between too.</li>
 * </ul>
 * A mode that evicts as the topology does shows the topology's ratio. The rigs' detector timers read this
 * thread's CPU clock; for {@code rig.default} the tool prints its own secret and personal-data timers (CPU µs per
 * call over the second half of the rounds, on the rig's events), the in-topology figure to hold against
 * {@code rig.default}'s timed scans.
 *
 * <p>Run: {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.topology.ScanEviction
 * [events] [rounds] [alloc KB list] [walk KB list] [rig list]} (default 1000 events, 10 rounds, {@code 100,400},
 * {@code 16384}, {@code frame,stateful,code,default}; {@code -} for an empty list). JVM options such as {@code -Xmn}
 * apply to every mode alike: compare the ratios of one JVM with another's.
 */
public final class ScanEviction {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    /** Bytes of the arrays the {@code alloc} modes allocate, cycling: the frame's small records to its buffers. */
    private static final int[] ALLOC_SIZES = {64, 256, 1024, 96, 8192, 512, 4096, 128, 2048};

    /** The last event's fresh arrays, kept live until the next event's so that they are not optimised away. */
    private static byte[][] fresh = new byte[0][];
    private static long secretNanos;
    private static long piiNanos;

    private ScanEviction() {
    }

    /** What runs before each measured event, given the event's index in the round. */
    @FunctionalInterface
    private interface Disturbance {
        long before(int i);
    }

    /** A mode: its disturbance and the scanners it times. */
    private record Mode(Disturbance disturbance, SecretScanner secrets, PiiScanner pii) {
    }

    /** Allocates {@code bytes} of fresh arrays and writes into every cache line of them. */
    private static long allocate(int bytes, int seed) {
        List<byte[]> out = new ArrayList<>();
        int total = 0;
        for (int k = seed; total < bytes; k++) {
            byte[] b = new byte[ALLOC_SIZES[k % ALLOC_SIZES.length]];
            for (int j = 0; j < b.length; j += 64) {
                b[j] = (byte) k;
            }
            out.add(b);
            total += b.length;
        }
        fresh = out.toArray(new byte[0][]);
        return fresh.length;
    }

    private static int scanBoth(SecretScanner secrets, PiiScanner pii, InspectedEvent e) {
        long c0 = MX.getCurrentThreadCpuTime();
        int n = secrets.scan(e.text()).findings().size();
        long c1 = MX.getCurrentThreadCpuTime();
        n += pii.scan(e.text()).findings().size();
        long c2 = MX.getCurrentThreadCpuTime();
        secretNanos += c1 - c0;
        piiNanos += c2 - c1;
        return n;
    }

    /**
     * The topology configuration of a {@code rig} mode: {@code code} (stateful with the own-code detector), or
     * any of {@link ThroughputConfigs}.
     */
    private static TopologyConfig rigConfig(String name) {
        return name.equals("code")
                ? ThroughputConfigs.named("stateful").getValue().with("detector.code.enabled", "true")
                : ThroughputConfigs.named(name).getValue();
    }

    /** The rig's secret and personal-data detector timers: total nanoseconds and count of each. */
    private static double[] detectorTimers(TopologyRig rig) {
        double[] out = new double[4];
        String[] detectors = {"secret", "pii"};
        for (int i = 0; i < detectors.length; i++) {
            Timer t = rig.metrics.registry().find("dlp.detector.latency").tag("detector", detectors[i]).timer();
            if (t != null) {
                out[2 * i] = t.totalTime(TimeUnit.NANOSECONDS);
                out[2 * i + 1] = t.count();
            }
        }
        return out;
    }

    private static List<String> list(String arg) {
        return arg.equals("-") ? List.of() : List.of(arg.split(","));
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> allocs = list(args.length > 2 ? args[2] : "100,400");
        List<String> walks = list(args.length > 3 ? args[3] : "16384");
        List<String> rigs = list(args.length > 4 ? args[4] : "frame,stateful,code,default");
        AvroClassTrust.trustGenerated();
        System.out.println("start; " + ThroughputConfigs.load());
        List<BenchCorpus.Source> indexed = BenchCorpus.sources(2L << 20);
        TopologyConfig config = TopologyConfig.defaults().with("hash.key", "benchmark-hash-key-0123456789");
        DetectorSet set = DetectorSet.from(config, DlpMetrics.detached());
        SecretScanner secrets = set.secrets();
        PiiScanner pii = set.pii();
        EgressWorkload workload = new EgressWorkload(20260302L, indexed);
        EgressInspection inspection = new EgressInspection(config.bytes(TopologyOptions.SCAN_MAX_BYTES));
        List<InspectedEvent> events = new ArrayList<>(n);
        while (events.size() < n) {
            EgressWorkload.Keyed k = workload.next();
            InspectedEvent e = inspection.inspect(k.key(), k.event());
            if (e.text() != null) {
                events.add(e);
            }
        }

        Map<String, Mode> modes = new LinkedHashMap<>();
        modes.put("warm", new Mode(i -> 0, secrets, pii));
        for (String kb : allocs) {
            int bytes = Integer.parseInt(kb) << 10;
            modes.put("alloc." + kb + "KB", new Mode(i -> allocate(bytes, i), secrets, pii));
        }
        for (String kb : walks) {
            long[] a = new long[(Integer.parseInt(kb) << 10) / Long.BYTES];
            modes.put("walk." + kb + "KB", new Mode(i -> CacheWalk.over(a), secrets, pii));
        }
        List<TopologyRig> opened = new ArrayList<>();
        for (String name : rigs) {
            // Profiled, so that the rig's own detector timers read this thread's CPU clock as the scans here do.
            TopologyRig rig = new TopologyRig(rigConfig(name), indexed, new ProcessorCpuProfile());
            opened.add(rig);
            // Events of another seed, enough that no event is piped twice: the stores grow as in the topology.
            List<TopologyRig.Wire> wires = rig.serialise(new EgressWorkload(20260303L, indexed)::next, n * rounds);
            System.out.printf(Locale.ROOT, "rig.%s: %d events, %.1f%% with content, %.1f KB mean content%n", name, wires.size(),
                    100.0 * wires.stream().filter(w -> w.contentBytes() > 0).count() / wires.size(),
                    wires.stream().filter(w -> w.contentBytes() > 0).mapToInt(TopologyRig.Wire::contentBytes).average().orElse(0) / 1024);
            int[] next = {0};
            // A rig that runs the scanners has its own instances timed, so that their tables are not there twice.
            boolean scans = rig.config.bool(TopologyOptions.SECRET_ENABLED) || rig.config.bool(TopologyOptions.PII_ENABLED);
            DetectorSet own = scans ? rig.detectors() : set;
            modes.put("rig." + name, new Mode(i -> {
                rig.pipe(wires.get(next[0]++));
                return rig.drainAlerts();
            }, own.secrets(), own.pii() != null ? own.pii() : set.pii()));
        }
        System.out.printf(Locale.ROOT, "%d events with text (%.1f KB mean); modes %s; %s%n", events.size(),
                events.stream().mapToInt(e -> e.text().length()).average().orElse(0) / 1024, modes.keySet(),
                ThroughputConfigs.load());

        Map<String, double[][]> perScan = new LinkedHashMap<>();
        modes.keySet().forEach(m -> perScan.put(m, new double[2][rounds]));
        long sink = 0;
        double[][] timerAtHalf = new double[opened.size()][];
        for (int r = 0; r < rounds; r++) {
            if (r == rounds / 2) {
                for (int k = 0; k < opened.size(); k++) {
                    timerAtHalf[k] = detectorTimers(opened.get(k));
                }
            }
            for (Map.Entry<String, Mode> m : modes.entrySet()) {
                Mode mode = m.getValue();
                secretNanos = 0;
                piiNanos = 0;
                for (int i = 0; i < events.size(); i++) {
                    sink += mode.disturbance().before(i);
                    sink += scanBoth(mode.secrets(), mode.pii(), events.get(i));
                }
                perScan.get(m.getKey())[0][r] = secretNanos / 1e3 / events.size();
                perScan.get(m.getKey())[1][r] = piiNanos / 1e3 / events.size();
            }
        }
        for (int k = 0; k < opened.size(); k++) {
            double[] half = timerAtHalf[k];
            double[] end = detectorTimers(opened.get(k));
            if (end[1] > 0) {
                System.out.printf(Locale.ROOT, "rig.%s's own detector timers over the second half (CPU us per call): secret %.2f, pii %.2f, %.0f calls%n",
                        rigs.get(k), (end[0] - half[0]) / 1e3 / (end[1] - half[1]), (end[2] - half[2]) / 1e3 / (end[3] - half[3]),
                        end[1] - half[1]);
            }
        }
        opened.forEach(TopologyRig::close);
        double[][] warm = perScan.get("warm");
        System.out.println("mode                         secret us/scan (x warm)   pii us/scan (x warm)");
        for (Map.Entry<String, double[][]> m : perScan.entrySet()) {
            double[][] v = m.getValue();
            System.out.printf(Locale.ROOT, "%-28s %8.2f (%5.2fx)          %8.2f (%5.2fx)%n", m.getKey(),
                    median(v[0], rounds), medianRatio(v[0], warm[0], rounds),
                    median(v[1], rounds), medianRatio(v[1], warm[1], rounds));
        }
        System.out.println("checksum " + sink + "; done; " + ThroughputConfigs.load());
    }

    private static double median(double[] v, int rounds) {
        double[] last = Arrays.copyOfRange(v, rounds / 2, rounds);
        Arrays.sort(last);
        return last[last.length / 2];
    }

    private static double medianRatio(double[] v, double[] base, int rounds) {
        double[] r = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            r[i] = v[i] / base[i];
        }
        return median(r, rounds);
    }
}
