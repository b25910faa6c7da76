package io.agentdlp.bench.topology;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Timer;

import io.agentdlp.bench.BuildUnderTest;
import io.agentdlp.bench.fingerprint.BenchCorpus;

/**
 * Interleaved A/B of two builds through the whole topology (TopologyTestDriver, no broker), in one JVM:
 * each build's {@code io.agentdlp} classes (topology, detection library, schemas) come from a class loader
 * of their own, while Kafka, RocksDB and the other libraries are loaded once and shared (RocksDB's native
 * library can be loaded by one class loader only). Both builds get the same pre-serialised
 * {@link EgressWorkload} events, a chunk per round, alternating which build goes first; each round's
 * alert records (count and keys) must be equal. Reports stream-thread CPU µs per event per round (this
 * thread: the driver runs every processor on it) and the median A/B over the second half of the rounds.
 *
 * <p>Why it exists: this machine's CPU speed jumps by up to 2x between minutes, so whole-topology figures
 * of separate JVMs ({@link TopologyCpuBreakdown}, {@link StreamThreadThroughput}) cannot separate builds
 * that differ by 10 %; within one round both builds see the same speed.
 *
 * <p>Run: {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.topology.TopologyAB
 * <classpathA> <classpathB> [rounds] [events per round] [warm-up events] [configuration]}, each classpath a
 * build's classes first (e.g. an older {@code detection/target/classes}) then {@code
 * benchmarks/target/benchmarks.jar}; defaults 20 rounds of 500 events after 2,000, configuration {@code
 * default} (names of {@link ThroughputConfigs}).
 */
public final class TopologyAB {
    private static final long SEED = 20260302L;

    private TopologyAB() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: TopologyAB <classpathA> <classpathB> [rounds] [events per round] "
                    + "[warm-up events] [configuration]");
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int chunk = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 2_000;
        String configuration = args.length > 5 ? args[5] : "default";
        System.out.printf(Locale.ROOT, "configuration %s: %d rounds of %d events after %d warm-up; %s%n",
                configuration, rounds, chunk, warmup, ThroughputConfigs.load());
        Build a = build(args[0], configuration, warmup, rounds * chunk);
        Build b = build(args[1], configuration, warmup, rounds * chunk);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpuA = new double[rounds];
        double[] cpuB = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r == rounds / 2) {
                a.detectors().get();
                b.detectors().get();
            }
            long[] out = new long[2];
            for (int k = 0; k < 2; k++) {
                boolean first = (r + k) % 2 == 0;
                long cpu0 = mx.getCurrentThreadCpuTime();
                out[first ? 0 : 1] = (first ? a : b).pass().applyAsLong(chunk);
                (first ? cpuA : cpuB)[r] = (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / chunk;
            }
            if (out[0] != out[1]) {
                throw new IllegalStateException("builds A and B emit different alert records in round " + r);
            }
            System.out.printf(Locale.ROOT, "round %2d  A %7.1f  B %7.1f us/event  A/B %.2f%n", r, cpuA[r], cpuB[r],
                    cpuA[r] / cpuB[r]);
        }
        BuildUnderTest.Rounds result = new BuildUnderTest.Rounds(cpuA, cpuB, 0);
        System.out.printf(Locale.ROOT, "median of the last %d rounds: A %.1f us/event (%.0f events/CPU-s), B %.1f us/event "
                        + "(%.0f events/CPU-s), median A/B %.2f; %s%n", rounds - result.from(), result.medianA(),
                1e6 / result.medianA(), result.medianB(), 1e6 / result.medianB(), result.medianRatio(), ThroughputConfigs.load());
        System.out.println("detector latency means over the last " + (rounds - rounds / 2)
                + " rounds (wall us per event reaching the detector; idle machine only):");
        System.out.println("  A" + a.detectors().get());
        System.out.println("  B" + b.detectors().get());
        a.rig().close();
        b.rig().close();
    }

    /** One build: a pass over the next events, its detectors' timers and its rig (state directory) to close. */
    private record Build(IntToLongFunction pass, Supplier<String> detectors, AutoCloseable rig) {
    }

    @SuppressWarnings("unchecked")
    private static Build build(String classpath, String configuration, int warmup, int events) throws Exception {
        ClassLoader loader = new OwnClassesFirst(classpath);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Object side = loader.loadClass(Side.class.getName()).getConstructor(String.class, int.class, int.class)
                    .newInstance(configuration, warmup, events);
            IntToLongFunction pass = (IntToLongFunction) side;
            System.out.printf(Locale.ROOT, "%s: detection library from %s, topology from %s%n", classpath,
                    location(loader, "io.agentdlp.detection.secret.SecretScanner"), location(loader, "io.agentdlp.topology.DlpTopology"));
            return new Build(n -> {
                thread.setContextClassLoader(loader);
                try {
                    return pass.applyAsLong(n);
                } finally {
                    thread.setContextClassLoader(previous);
                }
            }, (Supplier<String>) side, (AutoCloseable) side);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String location(ClassLoader loader, String className) throws ClassNotFoundException {
        return String.valueOf(loader.loadClass(className).getProtectionDomain().getCodeSource().getLocation());
    }

    /**
     * One build's topology, loaded by that build's class loader: pipes the next {@code n} pre-serialised
     * events and returns a digest of the alert records they produced (count and keys).
     */
    public static final class Side implements IntToLongFunction, Supplier<String>, AutoCloseable {
        private final TopologyRig rig;
        private final List<TopologyRig.Wire> events;
        private static final List<String> DETECTORS = List.of("secret", "pii", "code-fingerprint", "risky-action", "sequence", "volume");
        private final long[] seenCount = new long[DETECTORS.size()];
        private final double[] seenNanos = new double[DETECTORS.size()];
        private int next;

        public Side(String configuration, int warmup, int events) throws IOException {
            List<BenchCorpus.Source> indexed = BenchCorpus.sources(2L << 20);
            rig = new TopologyRig(ThroughputConfigs.named(configuration).getValue(), indexed);
            EgressWorkload workload = new EgressWorkload(SEED, indexed);
            rig.serialise(workload::next, warmup).forEach(rig::pipe);
            rig.drainAlerts();
            this.events = rig.serialise(workload::next, events);
        }

        @Override
        public long applyAsLong(int n) {
            int end = Math.min(events.size(), next + n);
            for (; next < end; next++) {
                rig.pipe(events.get(next));
            }
            long digest = 0;
            for (var r : rig.drainAlertRecords()) {
                digest = digest * 31 + Arrays.hashCode(r.key()) + 1;
            }
            return digest;
        }

        @Override
        public void close() {
            rig.close();
        }

        /**
         * Mean wall µs per event of each detector's latency timer over the events piped since the previous
         * call (the first call covers the warm-up too).
         */
        @Override
        public String get() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < DETECTORS.size(); i++) {
                Timer t = rig.metrics.registry().find("dlp.detector.latency").tag("detector", DETECTORS.get(i)).timer();
                if (t == null || t.count() == 0) {
                    continue;
                }
                long count = t.count() - seenCount[i];
                double nanos = t.totalTime(TimeUnit.NANOSECONDS) - seenNanos[i];
                seenCount[i] = t.count();
                seenNanos[i] = t.totalTime(TimeUnit.NANOSECONDS);
                if (count > 0) {
                    out.append(String.format(Locale.ROOT, " %s %.1f", DETECTORS.get(i), nanos / 1e3 / count));
                }
            }
            return out.toString();
        }
    }

    /**
     * Loads the project's own classes ({@code io.agentdlp.*}), their resources (rule catalogues) and Avro
     * from its classpath before asking the parent, everything else from the parent, so two builds of the
     * project share one copy of Kafka and RocksDB.
     */
    static final class OwnClassesFirst extends URLClassLoader {
        private static final String OWN = "io.agentdlp.";
        /** Avro's static {@code SpecificData} resolves and caches generated classes by name: one per build. */
        private static final String AVRO = "org.apache.avro.";
        private static final String OWN_RESOURCES = "io/agentdlp/";

        OwnClassesFirst(String classpath) throws MalformedURLException {
            super(BuildUnderTest.urls(classpath), TopologyAB.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(OWN) && !name.startsWith(AVRO)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = name.startsWith(OWN_RESOURCES) ? findResource(name) : null;
            return own != null ? own : super.getResource(name);
        }
    }
}
