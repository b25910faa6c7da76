package io.agentdlp.bench.fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.sourcetree.IndexListener;
import io.agentdlp.detection.fingerprint.sourcetree.IndexRunSummary;
import io.agentdlp.detection.fingerprint.sourcetree.RepoIndexer;
import io.agentdlp.detection.fingerprint.sourcetree.WalkOptions;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building an index from a source tree as {@code agentdlp index} does (walk, read, hash, fingerprint on
 * {@code threads} workers, SST bulk load, final compaction), one build per iteration. Each build prints
 * the source megabytes indexed and the index size (SST bytes on disk) per source megabyte.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar IndexBuildBenchmark -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class IndexBuildBenchmark {
    @Param({"2"})
    public int threads;

    private Path tree;
    private Path index;
    private long sourceBytes;

    @Setup(Level.Trial)
    public void writeTree() throws IOException {
        tree = Files.createTempDirectory("agentdlp-bench-tree");
        for (BenchCorpus.Source s : BenchCorpus.sources(24L << 20)) {
            Path p = tree.resolve(s.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, s.text(), StandardCharsets.UTF_8);
            sourceBytes += Files.size(p);
        }
    }

    @Setup(Level.Iteration)
    public void freshIndex() throws IOException {
        index = Files.createTempDirectory("agentdlp-bench-index");
    }

    @Benchmark
    public IndexRunSummary build() throws IOException, InterruptedException {
        try (FingerprintIndex idx = FingerprintIndex.open(index, IndexOptions.DEFAULT)) {
            IndexRunSummary s = new RepoIndexer(idx, new RepoIndexer.Options("bench", false, null, threads,
                    WalkOptions.DEFAULT), IndexListener.NONE).run(List.of(tree));
            idx.compact();
            long disk = idx.stats().diskBytes();
            System.out.printf(java.util.Locale.ROOT, "%nbuild: %d files, %.1f MB source, %.1f MB index, %.0f index bytes per "
                    + "source MB, %d fingerprints%n", s.files(), s.bytes() / 1e6, disk / 1e6, disk / (s.bytes() / 1e6),
                    idx.stats().postingKeys());
            return s;
        }
    }

    @TearDown(Level.Iteration)
    public void deleteIndex() throws IOException {
        delete(index);
    }

    @TearDown(Level.Trial)
    public void deleteTree() throws IOException {
        delete(tree);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
