package io.agentdlp.bench.fingerprint;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.MatchThresholds;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookups and queries against an index of at least 5 million fingerprints ({@link LargeIndex}, built
 * once into {@code target/}), with a warm cache ({@link FingerprintIndex#warmUp()} before measuring), with
 * and without the heap row cache ({@code rowCacheEntries}; lookups draw from 200,000 distinct present
 * fingerprints), with and without the postings snapshot ({@code postingsSnapshot}; without it every
 * row-cache miss goes to RocksDB):
 * <ul>
 *   <li>{@code lookup}: batches of 1000 fingerprints through the presence filter, row cache, snapshot and
 *       multiGet, with
 *       {@code hitRatio} of them present; the {@code lookups} counter is fingerprints per second;</li>
 *   <li>{@code query20k}: a 20 KiB chat prompt (prose, a 60-line snippet of an indexed file, and code that
 *       is not indexed) fingerprinted, looked up and assembled into matches; sampled for percentiles.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar IndexQueryBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Threads(1)
public class IndexQueryBenchmark {
    static final long MIN_FINGERPRINTS = 5_000_000L;
    static final int PROMPT_CHARS = 20 * 1024;
    private static final int BATCH = 1000;

    /** Heap row cache entries (the default, and 0 to see the snapshot or RocksDB alone). */
    @Param({"262144", "0"})
    public int rowCacheEntries;

    /** Postings snapshot (the default), or every row-cache miss answered by RocksDB. */
    @Param({"true", "false"})
    public boolean postingsSnapshot;

    private FingerprintIndex index;
    private String prompt;
    private long[] present;

    @Setup(Level.Trial)
    public void open() throws IOException {
        LargeIndex.Built built = LargeIndex.build(MIN_FINGERPRINTS, 8L << 20);
        index = FingerprintIndex.open(built.directory(), LargeIndex.options().withRowCacheEntries(rowCacheEntries)
                .withPostingsSnapshot(postingsSnapshot));
        index.warmUp();
        present = LargeIndex.presentFingerprints(built.realSources(), 200_000);
        prompt = prompt(built.realSources());
        List<CodeMatch> check = index.query(prompt, MatchThresholds.DEFAULT);
        if (check.isEmpty()) {
            throw new IllegalStateException("the benchmark prompt should match its indexed snippet");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        index.close();
    }

    /** 20 KiB: prose, 60 lines of an indexed file in a fence, unindexed generated code, more prose. */
    static String prompt(List<BenchCorpus.Source> sources) {
        String file = sources.stream().map(BenchCorpus.Source::text).filter(t -> t.split("\n").length > 400)
                .findFirst().orElse(sources.get(0).text());
        String[] lines = file.split("\n");
        StringBuilder snippet = new StringBuilder();
        for (int i = 200; i < Math.min(lines.length, 260); i++) {
            snippet.append(lines[i]).append('\n');
        }
        StringBuilder sb = new StringBuilder();
        String prose = "We are seeing intermittent failures in the nightly job and I would like a second opinion on the "
                + "approach before I rewrite it. The relevant parts are below; the first one is ours, the rest is "
                + "scaffolding I wrote yesterday. Please keep the public API and explain the trade-offs.\n\n";
        sb.append(prose).append("```java\n").append(snippet).append("```\n\n");
        String other = BenchCorpus.generated(new SplittableRandom(99), 200);
        sb.append("And the scaffolding:\n```java\n");
        String tail = "\n```\n\n" + prose + prose;
        sb.append(other, 0, PROMPT_CHARS - sb.length() - tail.length()).append(tail);
        return sb.toString();
    }

    /** Batches with a given share of present fingerprints. */
    @State(Scope.Thread)
    public static class Batches {
        @Param({"0.0", "0.05", "1.0"})
        public double hitRatio;

        long[][] batches;
        int next;

        @Setup(Level.Trial)
        public void make(IndexQueryBenchmark b) {
            SplittableRandom random = new SplittableRandom(11);
            batches = new long[64][BATCH];
            for (long[] batch : batches) {
                for (int i = 0; i < BATCH; i++) {
                    batch[i] = random.nextDouble() < hitRatio ? b.present[random.nextInt(b.present.length)] : random.nextLong();
                }
            }
        }
    }

    /** Fingerprints looked up, reported by JMH as a rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long lookups;

        @Setup(Level.Iteration)
        public void reset() {
            lookups = 0;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int lookup(Batches b, Counters c) {
        long[] batch = b.batches[b.next];
        b.next = (b.next + 1) % b.batches.length;
        c.lookups += batch.length;
        return index.lookup(batch);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<CodeMatch> query20k() {
        return index.query(prompt, MatchThresholds.DEFAULT);
    }
}
