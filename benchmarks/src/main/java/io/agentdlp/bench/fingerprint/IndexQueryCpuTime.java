package io.agentdlp.bench.fingerprint;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.MatchThresholds;

/**
 * The query and lookup figures of {@link IndexQueryBenchmark} per CPU time of the querying thread, which a
 * shared machine disturbs far less than wall time: on a loaded machine wall time mostly measures the wait
 * for a core. Against the same index of at least 5 million fingerprints ({@link LargeIndex}) with a warm
 * cache, with the default row cache and without it, with the postings snapshot (the default) and without it
 * (every row-cache miss then goes to RocksDB):
 * <ul>
 *   <li>{@code query20k}: the 20 KB prompt of {@link IndexQueryBenchmark#prompt} fingerprinted, looked up
 *       and assembled, {@value #QUERIES} times after at least {@value #WARM_QUERIES} warm-up queries and 10 s; percentiles of
 *       the thread's CPU time per query, and of wall time for comparison;</li>
 *   <li>{@code lookup}: batches of 1000 fingerprints, {@value #LOOKUP_ROUNDS} rounds of
 *       {@value #LOOKUPS_PER_ROUND} fingerprints each, median rate per CPU-second; absent keys, 5 % and
 *       100 % present keys drawn from 200,000 real-code fingerprints (the row cache holds them all), and
 *       100 % present keys drawn from 2 million fingerprints spread over the whole index (far more than the
 *       row cache holds, so most lookups go to RocksDB).</li>
 * </ul>
 * JNI calls run on the calling thread, so its CPU time includes RocksDB's work. Garbage collection runs on
 * other threads and is not included (the query allocates little). Run:
 * {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.fingerprint.IndexQueryCpuTime [CONFIGS]},
 * where {@code CONFIGS} lists the configurations to measure, in order: row-cache sizes, each optionally
 * followed by {@code :nosnapshot} and/or {@code :nobuiltin} (the built-in ignore corpus of generated
 * boilerplate off) (default {@code 262144,0,262144:nosnapshot,0:nosnapshot}).
 */
public final class IndexQueryCpuTime {
    private static final int WARM_QUERIES = 1000;
    private static final long WARM_NANOS = 10_000_000_000L;
    private static final int QUERIES = 3000;
    private static final int BATCH = 1000;
    private static final int LOOKUP_ROUNDS = 9;
    private static final int LOOKUPS_PER_ROUND = 200_000;
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private IndexQueryCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        LargeIndex.Built built = LargeIndex.build(IndexQueryBenchmark.MIN_FINGERPRINTS, 8L << 20);
        System.out.printf(Locale.ROOT, "index: %s (%.0f s to build or open)%n", built.directory(),
                (System.nanoTime() - t0) / 1e9);
        long[] realPresent = LargeIndex.presentFingerprints(built.realSources(), 200_000);
        long[] spreadPresent = LargeIndex.syntheticFingerprints(2_000_000);
        String prompt = IndexQueryBenchmark.prompt(built.realSources());
        String[] configs = (args.length > 0 ? args[0] : "262144,0,262144:nosnapshot,0:nosnapshot").split(",");
        for (String config : configs) {
            String[] parts = config.split(":");
            int rowCache = Integer.parseInt(parts[0]);
            List<String> flags = List.of(parts).subList(1, parts.length);
            boolean snapshot = !flags.contains("nosnapshot");
            boolean builtIn = !flags.contains("nobuiltin");
            String label = rowCache + (snapshot ? " snapshot" : " nosnapshot") + (builtIn ? "" : " nobuiltin");
            try (FingerprintIndex index = FingerprintIndex.open(built.directory(), LargeIndex.options()
                    .withRowCacheEntries(rowCache).withPostingsSnapshot(snapshot).withBuiltInIgnore(builtIn))) {
                if (index.snapshotInUse() != snapshot) {
                    throw new IllegalStateException("postings snapshot in use: " + index.snapshotInUse() + ", wanted "
                            + snapshot + " (" + built.directory() + ")");
                }
                index.warmUp();
                query(index, prompt, label);
                lookup(index, "absent", label, batches(realPresent, 0.0));
                lookup(index, "5% present", label, batches(realPresent, 0.05));
                lookup(index, "100% present (200k real)", label, batches(realPresent, 1.0));
                lookup(index, "100% present (2M spread)", label, batches(spreadPresent, 1.0));
            }
        }
    }

    private static void query(FingerprintIndex index, String prompt, String config) {
        List<CodeMatch> check = index.query(prompt, MatchThresholds.DEFAULT);
        if (check.isEmpty()) {
            throw new IllegalStateException("the benchmark prompt should match its indexed snippet");
        }
        // by count and by wall time: on a loaded machine the JIT's compiler threads wait for a core too, and
        // 1000 queries alone left the first configuration measured half-compiled (4-7 times slower)
        long warmUntil = System.nanoTime() + WARM_NANOS;
        for (int i = 0; i < WARM_QUERIES || System.nanoTime() < warmUntil; i++) {
            index.query(prompt, MatchThresholds.DEFAULT);
        }
        long[] cpu = new long[QUERIES];
        long[] wall = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            long w0 = System.nanoTime();
            long c0 = MX.getCurrentThreadCpuTime();
            index.query(prompt, MatchThresholds.DEFAULT);
            cpu[i] = MX.getCurrentThreadCpuTime() - c0;
            wall[i] = System.nanoTime() - w0;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "query20k rowCache=%s prompt=%d chars queries=%d | CPU ms p50 %.3f p90 %.3f p99 %.3f"
                        + " p99.9 %.3f max %.3f | wall ms p50 %.3f p99 %.3f%n", config, prompt.length(), QUERIES,
                ms(cpu, 0.5), ms(cpu, 0.9), ms(cpu, 0.99), ms(cpu, 0.999), cpu[QUERIES - 1] / 1e6, ms(wall, 0.5),
                ms(wall, 0.99));
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static long[][] batches(long[] present, double hitRatio) {
        SplittableRandom random = new SplittableRandom(11);
        long[][] batches = new long[256][BATCH];
        for (long[] batch : batches) {
            for (int i = 0; i < BATCH; i++) {
                batch[i] = random.nextDouble() < hitRatio ? present[random.nextInt(present.length)] : random.nextLong();
            }
        }
        return batches;
    }

    private static void lookup(FingerprintIndex index, String label, String config, long[][] batches) {
        int next = 0;
        long found = 0;
        for (int i = 0; i < LOOKUPS_PER_ROUND / BATCH; i++) {
            found += index.lookup(batches[next]);
            next = (next + 1) % batches.length;
        }
        double[] rates = new double[LOOKUP_ROUNDS];
        for (int r = 0; r < LOOKUP_ROUNDS; r++) {
            long c0 = MX.getCurrentThreadCpuTime();
            for (int i = 0; i < LOOKUPS_PER_ROUND / BATCH; i++) {
                found += index.lookup(batches[next]);
                next = (next + 1) % batches.length;
            }
            rates[r] = LOOKUPS_PER_ROUND / ((MX.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        Arrays.sort(rates);
        double presentShare = found / (double) ((LOOKUP_ROUNDS + 1) * LOOKUPS_PER_ROUND);
        System.out.printf(Locale.ROOT, "lookup rowCache=%s %-26s found %.1f%% | median %.2f M per CPU-second, best %.2f%n",
                config, label, 100 * presentShare, rates[LOOKUP_ROUNDS / 2] / 1e6, rates[LOOKUP_ROUNDS - 1] / 1e6);
    }
}
