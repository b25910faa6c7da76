package io.agentdlp.bench.secret;

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
 * <classpathA> <classpathB> [size=102400] [traffic=mixed|clean] [rounds=64]}, classpaths separated by
 * {@code :}. Both builds reach their compiled steady state only after about 40 rounds (some 150 MB each): with
 * 16 rounds, this tool's earlier default, the medians were taken during the compiler's warm-up and read about
 * 0.6 of the steady MB per CPU-second.
 */
public final class SecretScanAB {
    private SecretScanAB() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: SecretScanAB <classpathA> <classpathB> [size] [mixed|clean] [rounds]");
        }
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 102_400;
        boolean mixed = args.length <= 3 || "mixed".equals(args[3]);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
        String[] texts = new String[size >= 1 << 20 ? 1 : 32];
        long bytes = 0;
        for (int i = 0; i < texts.length; i++) {
            texts[i] = corpus.traffic(size, mixed);
            bytes += texts[i].getBytes(StandardCharsets.UTF_8).length;
        }
        // about 4 MB per build and round
        int passes = (int) Math.max(1, (4L << 20) / bytes);
        Scanner a = new Scanner(BuildUnderTest.loader(args[0]));
        Scanner b = new Scanner(BuildUnderTest.loader(args[1]));
        List<String> inputs = List.of(texts);
        BuildUnderTest.requireEqualResults(inputs, a::scan, b::scan);
        BuildUnderTest.Rounds cpu = BuildUnderTest.alternate(rounds, () -> pass(a, inputs, passes), () -> pass(b, inputs, passes));
        double mb = passes * bytes / 1e6;
        for (int r = 0; r < rounds; r++) {
            System.out.printf(Locale.ROOT, "round %2d  A %6.1f  B %6.1f MB per CPU-second  B/A %.2f%n", r, mb / cpu.a()[r],
                    mb / cpu.b()[r], cpu.a()[r] / cpu.b()[r]);
        }
        System.out.printf(Locale.ROOT, "size=%d traffic=%s, %.1f MB per build and round; median of the last %d rounds: "
                        + "A %.1f, B %.1f MB per CPU-second, median B/A %.2f (checksum %d)%n", size, mixed ? "mixed" : "clean",
                mb, rounds - cpu.from(), mb / cpu.medianA(), mb / cpu.medianB(), cpu.medianRatio(), cpu.checksum());
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
