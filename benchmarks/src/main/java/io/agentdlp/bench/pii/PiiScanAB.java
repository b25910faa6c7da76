package io.agentdlp.bench.pii;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;

import io.agentdlp.bench.BuildUnderTest;
import io.agentdlp.bench.CacheWalk;
import io.agentdlp.bench.topology.PiiCost;

/**
 * Interleaved A/B of two builds of the detection library's {@code PiiScanner} in one JVM, on the
 * topology workload's texts: each build is loaded by its own class loader from a classpath you give
 * (a {@code detection/target/classes} directory or jar first, then the benchmarks jar for the
 * libraries), the two first prove they return equal results on every text, then alternate one pass
 * each per round. Reports CPU µs per text of this thread per round and the median over the second
 * half of the rounds, with the median A/B ratio, and the bytes each build allocated per text in the last
 * round. On a machine shared with other work both builds see the same load within a round, so the ratio
 * holds where absolute CPU figures drift.
 *
 * <p>With {@code evictMB} above zero the scans run cold, as in the topology, whose other stages evict the
 * scanner's tables between two events: before each text the pass walks that many MB (one read and write
 * per cache line, as {@code DetectorCost}'s evicted modes), and only the scans are timed (each call on its
 * own, the walk outside the clock reads); the builds then alternate text by text ({@link #coldRounds}).
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.pii.PiiScanAB
 * <classpathA> <classpathB> [rounds] [texts] [evictMB]}, classpaths separated by {@code :}.
 */
public final class PiiScanAB {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private PiiScanAB() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: PiiScanAB <classpathA> <classpathB> [rounds] [texts] [evictMB]");
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 1_500;
        int evictMB = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        List<String> texts = PiiCost.workloadTexts(n);
        long bytes = texts.stream().mapToLong(String::length).sum();
        Scanner a = new Scanner(BuildUnderTest.loader(args[0]));
        Scanner b = new Scanner(BuildUnderTest.loader(args[1]));
        BuildUnderTest.requireEqualResults(texts, a::scan, b::scan);
        BuildUnderTest.Rounds cpu = evictMB > 0
                ? coldRounds(rounds, a, b, texts, new long[evictMB * (1 << 20) / Long.BYTES])
                : BuildUnderTest.alternate(rounds, () -> pass(a, texts), () -> pass(b, texts));
        double[] usA = perText(cpu.a(), texts.size());
        double[] usB = perText(cpu.b(), texts.size());
        for (int r = 0; r < rounds; r++) {
            System.out.printf(Locale.ROOT, "round %2d  A %8.1f  B %8.1f us/text  A/B %.2f%n", r, usA[r], usB[r], usA[r] / usB[r]);
        }
        double medianA = cpu.medianA() * 1e6 / texts.size();
        double medianB = cpu.medianB() * 1e6 / texts.size();
        double mean = (double) bytes / texts.size();
        System.out.printf(Locale.ROOT, "allocated per text (last round): A %.0f bytes, B %.0f bytes%n",
                (double) a.allocated / texts.size(), (double) b.allocated / texts.size());
        System.out.printf(Locale.ROOT, "%s; %d texts, mean %.0f chars; median of the last %d rounds: A %.1f us/text (%.1f MB/CPU-s), "
                        + "B %.1f us/text (%.1f MB/CPU-s), median A/B %.2f (checksum %d)%n", evictMB > 0 ? "cold (" + evictMB + " MB walked before each text)" : "hot",
                texts.size(), mean, rounds - cpu.from(), medianA, mean / medianA, medianB, mean / medianB, cpu.medianRatio(), cpu.checksum());
    }

    private static long pass(Scanner s, List<String> texts) {
        long a0 = MX.getCurrentThreadAllocatedBytes();
        long sink = 0;
        for (String t : texts) {
            sink += s.scan(t).hashCode();
        }
        s.allocated = MX.getCurrentThreadAllocatedBytes() - a0;
        return sink;
    }

    /**
     * As {@link BuildUnderTest#alternate}, but the builds alternate per text, not per pass: the walk evicts
     * caches that the other engineers' work on a shared machine also uses, so cold scans vary more from moment
     * to moment than warm passes do, and both builds meet the same moments this way. Each scan is timed alone
     * after its own walk, which build goes first alternating by text and round.
     */
    private static BuildUnderTest.Rounds coldRounds(int rounds, Scanner a, Scanner b, List<String> texts, long[] evict) {
        double[] secondsA = new double[rounds];
        double[] secondsB = new double[rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long[] cpu = new long[2];
            long[] allocated = new long[2];
            for (int t = 0; t < texts.size(); t++) {
                for (int k = 0; k < 2; k++) {
                    int build = (r + t + k) % 2;
                    sink += CacheWalk.over(evict);
                    long a0 = MX.getCurrentThreadAllocatedBytes();
                    long c0 = MX.getCurrentThreadCpuTime();
                    sink += (build == 0 ? a : b).scan(texts.get(t)).hashCode();
                    cpu[build] += MX.getCurrentThreadCpuTime() - c0;
                    allocated[build] += MX.getCurrentThreadAllocatedBytes() - a0;
                }
            }
            secondsA[r] = cpu[0] / 1e9;
            secondsB[r] = cpu[1] / 1e9;
            a.allocated = allocated[0];
            b.allocated = allocated[1];
        }
        return new BuildUnderTest.Rounds(secondsA, secondsB, sink);
    }

    private static double[] perText(double[] cpuSeconds, int texts) {
        double[] us = new double[cpuSeconds.length];
        for (int r = 0; r < us.length; r++) {
            us[r] = cpuSeconds[r] * 1e6 / texts;
        }
        return us;
    }

    /** A {@code PiiScanner} of one build, called reflectively (its classes are not this loader's). */
    private static final class Scanner {
        private final Object scanner;
        private final Method scan;
        /** Bytes this thread allocated in this build's last pass. */
        long allocated;

        Scanner(ClassLoader loader) throws ReflectiveOperationException {
            Class<?> hasherType = loader.loadClass("io.agentdlp.detection.KeyedHasher");
            Object hasher = hasherType.getMethod("fromSecret", String.class).invoke(null, "benchmark-key-0123456789");
            Class<?> optionsType = loader.loadClass("io.agentdlp.detection.pii.PiiOptions");
            Object options = optionsType.getMethod("defaults").invoke(null);
            Class<?> scannerType = loader.loadClass("io.agentdlp.detection.pii.PiiScanner");
            this.scanner = scannerType.getConstructor(hasherType, optionsType).newInstance(hasher, options);
            this.scan = scannerType.getMethod("scan", CharSequence.class);
        }

        Object scan(String text) {
            try {
                return scan.invoke(scanner, text);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("PiiScanner.scan not accessible", e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("PiiScanner.scan failed", e.getCause());
            }
        }
    }
}
