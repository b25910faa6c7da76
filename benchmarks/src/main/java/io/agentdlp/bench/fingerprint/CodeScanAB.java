package io.agentdlp.bench.fingerprint;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.agentdlp.bench.BuildUnderTest;
import io.agentdlp.bench.CacheWalk;
import io.agentdlp.bench.topology.PiiCost;

/**
 * Interleaved A/B of two builds of the fingerprint library in one JVM, doing what the topology's code
 * detector does per event: {@code FingerprintIndex.query(text, thresholds)} (fingerprinting, lookups,
 * match assembly) over the topology workload's texts, against an index of the same 2 MiB of sources put
 * file by file, as the topology's materialised index is. Each build is loaded by its own class loader
 * from a classpath you give (a {@code detection/target/classes} directory or jar first, then the
 * benchmarks jar for the libraries) and builds its own index; the two first prove they return equal
 * fingerprints and equal matches on every text, then alternate one pass each per round. Reports CPU µs
 * per text of this thread per round and the median over the second half of the rounds, with the median
 * A/B ratio (B's speed-up).
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.fingerprint.CodeScanAB
 * <classpathA> <classpathB> [rounds] [texts] [compact] [pass]}, classpaths separated by {@code :};
 * {@code compact} ({@code false} by default) compacts each index first, which writes its postings
 * snapshot; {@code pass} is {@code query} (default, the whole scan) or {@code fingerprint} (only
 * {@code Fingerprinter.fingerprint}, to isolate the text decoding, lexing and winnowing); {@code evictMB}
 * (0 by default) walks that many MB of memory before each text, as the topology's other stages do between
 * two events, and then times each scan alone (the clock reads around it, not the walk): the scan with cold
 * caches. The last line also gives the bytes each build allocated per text in its last pass (the walk
 * allocates nothing).
 */
public final class CodeScanAB {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALLOCATED = (com.sun.management.ThreadMXBean) MX;

    private CodeScanAB() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: CodeScanAB <classpathA> <classpathB> [rounds] [texts] [compact] [query|fingerprint] [evictMB]");
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 3_000;
        boolean compact = args.length > 4 && Boolean.parseBoolean(args[4]);
        String passName = args.length > 5 ? args[5] : "query";
        if (!passName.equals("query") && !passName.equals("fingerprint")) {
            throw new IllegalArgumentException("pass must be query or fingerprint, not " + passName);
        }
        boolean fingerprintOnly = passName.equals("fingerprint");
        int evictMB = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        List<String> texts = PiiCost.workloadTexts(n);
        List<BenchCorpus.Source> indexed = BenchCorpus.sources(2L << 20);
        long chars = texts.stream().mapToLong(String::length).sum();
        Path root = Files.createTempDirectory("agentdlp-codescan-ab-");
        try (Scanner a = new Scanner(BuildUnderTest.loader(args[0]), root.resolve("a"), indexed, compact);
             Scanner b = new Scanner(BuildUnderTest.loader(args[1]), root.resolve("b"), indexed, compact)) {
            BuildUnderTest.requireEqualResults(texts, a::fingerprints, b::fingerprints);
            BuildUnderTest.requireEqualResults(texts, a::query, b::query);
            long withMatches = texts.stream().filter(t -> !((List<?>) a.query(t)).isEmpty()).count();
            Passes passes = new Passes(texts, fingerprintOnly, evictMB);
            BuildUnderTest.Rounds cpu = evictMB > 0 ? passes.alternateCold(rounds, a, b)
                    : BuildUnderTest.alternate(rounds, () -> passes.measured(a), () -> passes.measured(b));
            for (int r = 0; r < rounds; r++) {
                System.out.printf(Locale.ROOT, "round %2d  A %8.1f  B %8.1f us/text  A/B %.2f%n", r,
                        cpu.a()[r] * 1e6 / texts.size(), cpu.b()[r] * 1e6 / texts.size(), cpu.a()[r] / cpu.b()[r]);
            }
            double medianA = cpu.medianA() * 1e6 / texts.size();
            double medianB = cpu.medianB() * 1e6 / texts.size();
            double mean = (double) chars / texts.size();
            System.out.printf(Locale.ROOT, "%s: %d texts (%d with own code), mean %.0f chars, index %s; median of the last %d "
                            + "rounds: A %.1f us/text (%.1f MB/CPU-s), B %.1f us/text (%.1f MB/CPU-s), median A/B %.2f "
                            + "(checksum %d); allocated per text in the last pass: A %.0f B, B %.0f B%n",
                    fingerprintOnly ? "fingerprint" : "query", texts.size(), withMatches, mean,
                    (compact ? "compacted" : "put only") + (evictMB > 0 ? ", cold: " + evictMB + " MB walked before each text" : ""),
                    rounds - cpu.from(), medianA, mean / medianA, medianB, mean / medianB, cpu.medianRatio(), cpu.checksum(),
                    (double) passes.allocated(a) / texts.size(), (double) passes.allocated(b) / texts.size());
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The passes over the texts, hot or cold, and the bytes each build's last pass allocated. */
    private static final class Passes {
        private final List<String> texts;
        private final boolean fingerprintOnly;
        private final long[] evict;
        private final Map<Scanner, Long> allocated = new IdentityHashMap<>();

        Passes(List<String> texts, boolean fingerprintOnly, int evictMB) {
            this.texts = texts;
            this.fingerprintOnly = fingerprintOnly;
            this.evict = new long[(int) ((long) evictMB << 20) / Long.BYTES];
        }

        long allocated(Scanner s) {
            return allocated.getOrDefault(s, 0L);
        }

        /** One hot pass; the caller times it as a whole. */
        long measured(Scanner s) {
            long a0 = ALLOCATED.getCurrentThreadAllocatedBytes();
            long sink = 0;
            for (String t : texts) {
                sink += scan(s, t);
            }
            allocated.put(s, ALLOCATED.getCurrentThreadAllocatedBytes() - a0);
            return sink;
        }

        /** As {@link BuildUnderTest#alternate}, each pass walking the eviction array before each text and timing only the scans. */
        BuildUnderTest.Rounds alternateCold(int rounds, Scanner a, Scanner b) {
            double[] ta = new double[rounds];
            double[] tb = new double[rounds];
            long sink = 0;
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 2; k++) {
                    boolean first = (r + k) % 2 == 0;
                    Scanner s = first ? a : b;
                    long cpu = 0;
                    long bytes = 0;
                    for (String t : texts) {
                        sink += CacheWalk.over(evict);
                        long a0 = ALLOCATED.getCurrentThreadAllocatedBytes();
                        long c0 = MX.getCurrentThreadCpuTime();
                        sink += scan(s, t);
                        cpu += MX.getCurrentThreadCpuTime() - c0;
                        bytes += ALLOCATED.getCurrentThreadAllocatedBytes() - a0;
                    }
                    allocated.put(s, bytes);
                    (first ? ta : tb)[r] = cpu / 1e9;
                }
            }
            return new BuildUnderTest.Rounds(ta, tb, sink);
        }

        private long scan(Scanner s, String t) {
            return fingerprintOnly ? s.fingerprintCount(t) : s.query(t).hashCode();
        }

    }

    /** One build's fingerprinter and index, called through reflection. */
    private static final class Scanner implements AutoCloseable {
        private final Object fingerprinter;
        private final Object index;
        private final Object thresholds;
        private final Method fingerprint;
        private final Method query;
        private final Method hashes;
        private final Method startLines;
        private final Method endLines;
        private final Method close;

        Scanner(ClassLoader loader, Path dir, List<BenchCorpus.Source> indexed, boolean compact) throws Exception {
            String pkg = "io.agentdlp.detection.fingerprint.";
            Class<?> fingerprinterClass = loader.loadClass(pkg + "Fingerprinter");
            Class<?> indexClass = loader.loadClass(pkg + "FingerprintIndex");
            Class<?> optionsClass = loader.loadClass(pkg + "IndexOptions");
            Class<?> docClass = loader.loadClass(pkg + "IndexedDocument");
            Class<?> thresholdsClass = loader.loadClass(pkg + "MatchThresholds");
            Class<?> fingerprintsClass = loader.loadClass(pkg + "Fingerprints");
            fingerprinter = fingerprinterClass.getMethod("withDefaults").invoke(null);
            Object options = optionsClass.getField("DEFAULT").get(null);
            options = optionsClass.getMethod("withBlockCacheBytes", long.class).invoke(options, 64L << 20);
            options = optionsClass.getMethod("withWriteBufferBytes", long.class).invoke(options, 16L << 20);
            index = indexClass.getMethod("open", Path.class, optionsClass).invoke(null, dir, options);
            Method create = docClass.getMethod("create", String.class, String.class, byte[].class, fingerprinterClass,
                    boolean.class, String.class, long.class);
            Method put = indexClass.getMethod("put", docClass);
            for (BenchCorpus.Source s : indexed) {
                put.invoke(index, create.invoke(null, "bench", s.path(), s.text().getBytes(StandardCharsets.UTF_8),
                        fingerprinter, false, null, 1L));
            }
            if (compact) {
                indexClass.getMethod("compact").invoke(index);
            }
            thresholds = thresholdsClass.getField("DEFAULT").get(null);
            fingerprint = fingerprinterClass.getMethod("fingerprint", CharSequence.class);
            query = indexClass.getMethod("query", CharSequence.class, thresholdsClass);
            hashes = fingerprintsClass.getMethod("hashes");
            startLines = fingerprintsClass.getMethod("startLines");
            endLines = fingerprintsClass.getMethod("endLines");
            close = indexClass.getMethod("close");
        }

        Object fingerprints(String text) {
            Object f = invoke(fingerprint, fingerprinter, text);
            return Arrays.toString((long[]) invoke(hashes, f)) + Arrays.toString((int[]) invoke(startLines, f))
                    + Arrays.toString((int[]) invoke(endLines, f));
        }

        int fingerprintCount(String text) {
            return ((long[]) invoke(hashes, invoke(fingerprint, fingerprinter, text))).length;
        }

        Object query(String text) {
            return invoke(query, index, text, thresholds);
        }

        private static Object invoke(Method m, Object target, Object... args) {
            try {
                return m.invoke(target, args);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            invoke(close, index);
        }
    }
}
