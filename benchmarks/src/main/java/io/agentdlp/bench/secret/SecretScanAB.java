package io.agentdlp.bench.secret;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.agentdlp.bench.BuildUnderTest;
import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;

/**
 * Interleaved A/B of two builds of the detection library's {@code SecretScanner} in one JVM, on the
 * benchmark traffic of {@link CpuTimeThroughput}: each build is loaded by its own class loader from a
 * classpath you give (a classes directory or jar first, then the benchmarks jar for the libraries). The
 * two first prove they report equal findings on every text, then alternate one pass each per round.
 * Reports MB per CPU-second of this thread per round, the medians over the second half of the rounds
 * and the median B/A speed-up. On a machine shared with other work both builds see the same load within
 * a round, so the ratio holds where absolute CPU figures drift.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.secret.SecretScanAB
 * <classpathA> <classpathB> [size=102400] [traffic=mixed|clean] [rounds=64] [evictMB]}, classpaths separated by
 * {@code :}. With {@code evictMB} the scans run cold, as in the topology, whose other stages evict the scanner's
 * tables between two events: after 40 untimed rounds as without it, before each text the tool reads one word per
 * cache line of that many MB (0: no walk, the same timing) and times each scan alone, about 2 MB of text per
 * build and round. Both builds reach their compiled steady state only after about 40 rounds (some 150 MB each): with
 * 16 rounds, this tool's earlier default, the medians were taken during the compiler's warm-up and read about
 * 0.6 of the steady MB per CPU-second.
 */
public final class SecretScanAB {
    /** Untimed rounds of 4 MB per build before the cold rounds. */
    private static final int COLD_WARM_UP_ROUNDS = 40;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SecretScanAB() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: SecretScanAB <classpathA> <classpathB> [size] [mixed|clean] [rounds]");
        }
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 102_400;
        boolean mixed = args.length <= 3 || "mixed".equals(args[3]);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        int evictMB = args.length > 5 ? Integer.parseInt(args[5]) : -1;
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
        String[] texts = new String[size >= 1 << 20 ? 1 : 32];
        long bytes = 0;
        for (int i = 0; i < texts.length; i++) {
            texts[i] = corpus.traffic(size, mixed);
            bytes += texts[i].getBytes(StandardCharsets.UTF_8).length;
        }
        // about 4 MB per build and round, 2 MB when each text waits for a walk over the evicting memory
        int passes = (int) Math.max(1, ((evictMB >= 0 ? 2048L : 4096L) << 10) / bytes);
        Scanner a = new Scanner(BuildUnderTest.loader(args[0]));
        Scanner b = new Scanner(BuildUnderTest.loader(args[1]));
        List<String> inputs = List.of(texts);
        BuildUnderTest.requireEqualResults(inputs, a::scan, b::scan);
        if (evictMB >= 0) {
            // the compiled steady state first (about 150 MB each), which the short cold passes would take long to reach
            int warmPasses = (int) Math.max(1, (4L << 20) / bytes);
            BuildUnderTest.alternate(COLD_WARM_UP_ROUNDS, () -> pass(a, inputs, warmPasses), () -> pass(b, inputs, warmPasses));
        }
        BuildUnderTest.Rounds cpu = evictMB >= 0
                ? coldRounds(rounds, a, b, inputs, passes, new long[(int) ((long) evictMB << 20) / Long.BYTES])
                : BuildUnderTest.alternate(rounds, () -> pass(a, inputs, passes), () -> pass(b, inputs, passes));
        double mb = passes * bytes / 1e6;
        for (int r = 0; r < rounds; r++) {
            System.out.printf(Locale.ROOT, "round %2d  A %6.1f  B %6.1f MB per CPU-second  B/A %.2f%n", r, mb / cpu.a()[r],
                    mb / cpu.b()[r], cpu.a()[r] / cpu.b()[r]);
        }
        System.out.printf(Locale.ROOT, "size=%d traffic=%s%s, %.1f MB per build and round; median of the last %d rounds: "
                        + "A %.1f, B %.1f MB per CPU-second, median B/A %.2f (checksum %d)%n", size, mixed ? "mixed" : "clean",
                evictMB >= 0 ? " evictMB=" + evictMB : "", mb, rounds - cpu.from(), mb / cpu.medianA(), mb / cpu.medianB(),
                cpu.medianRatio(), cpu.checksum());
    }

    private static long pass(Scanner s, List<String> texts, int passes) {
        long sink = 0;
        for (int p = 0; p < passes; p++) {
            for (String t : texts) {
                sink += s.scan(t).hashCode();
            }
        }
        return sink;
    }

    /**
     * As {@link BuildUnderTest#alternate}, but each text is scanned after a walk over {@code evict} and only the
     * scans are timed (CPU time of this thread), so the figures are those of scans whose tables start cold.
     */
    private static BuildUnderTest.Rounds coldRounds(int rounds, Scanner a, Scanner b, List<String> texts, int passes,
            long[] evict) {
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        long sink = 0;
        long[] cpu = new long[1];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                boolean first = (r + k) % 2 == 0;
                cpu[0] = 0;
                sink += coldPass(first ? a : b, texts, passes, evict, cpu);
                (first ? ta : tb)[r] = cpu[0] / 1e9;
            }
        }
        return new BuildUnderTest.Rounds(ta, tb, sink);
    }

    private static long coldPass(Scanner s, List<String> texts, int passes, long[] evict, long[] cpu) {
        long sink = 0;
        for (int p = 0; p < passes; p++) {
            for (String t : texts) {
                sink += read(evict);
                long c0 = THREADS.getCurrentThreadCpuTime();
                sink += s.scan(t).hashCode();
                cpu[0] += THREADS.getCurrentThreadCpuTime() - c0;
            }
        }
        return sink;
    }

    /** Reads one word per 64-byte line of {@code memory}: what the scan's tables held there is gone from L1 and L2. */
    private static long read(long[] memory) {
        long x = 0;
        for (int i = 0; i < memory.length; i += 8) {
            x += memory[i];
        }
        return x;
    }

    /** A {@code SecretScanner} of one build, called reflectively (its classes are not this loader's). */
    private static final class Scanner {
        private final Object scanner;
        private final Method detect;

        Scanner(ClassLoader loader) throws ReflectiveOperationException {
            Class<?> hasherType = loader.loadClass("io.agentdlp.detection.KeyedHasher");
            Object hasher = hasherType.getMethod("fromSecret", String.class).invoke(null, "benchmark-hash-key-0123456789");
            Class<?> scannerType = loader.loadClass("io.agentdlp.detection.secret.SecretScanner");
            Object builder = scannerType.getMethod("builder").invoke(null);
            builder.getClass().getMethod("hasher", hasherType).invoke(builder, hasher);
            this.scanner = builder.getClass().getMethod("build").invoke(builder);
            this.detect = scannerType.getMethod("detect", CharSequence.class);
        }

        Object scan(String text) {
            try {
                return detect.invoke(scanner, text);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("SecretScanner.detect not accessible", e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("SecretScanner.detect failed", e.getCause());
            }
        }
    }
}
