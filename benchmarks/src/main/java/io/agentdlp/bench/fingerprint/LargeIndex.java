package io.agentdlp.bench.fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.agentdlp.detection.fingerprint.BulkLoad;
import io.agentdlp.detection.fingerprint.FingerprintConfig;
import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.IndexedDocument;

/**
 * A fingerprint index of at least {@code minFingerprints} fingerprints for the lookup and query
 * benchmarks: real source files from {@link BenchCorpus} (so probes have something to find) padded with
 * synthetic documents of random fingerprints, loaded through SST ingestion and compacted (which also
 * writes the postings snapshot; directories of builds before it are not reused). Built once
 * into {@code target/} and reused by later runs (a marker file says it is complete).
 */
public final class LargeIndex {
    private static final int SYNTHETIC_DOC_FINGERPRINTS = 1000;

    private LargeIndex() {
    }

    /** The indexed real sources, in the order they were loaded. */
    public record Built(Path directory, List<BenchCorpus.Source> realSources) {
    }

    public static Built build(long minFingerprints, long realSourceBytes) throws IOException {
        Path dir = Path.of("target", "bench-fingerprint-index-f" + Fingerprinter.FORMAT_VERSION + "-"
                + FingerprintConfig.DEFAULT.k() + "x" + FingerprintConfig.DEFAULT.w() + "-" + minFingerprints + "-snapshot");
        List<BenchCorpus.Source> sources = BenchCorpus.sources(realSourceBytes);
        Path marker = dir.resolve("complete");
        if (Files.exists(marker)) {
            return new Built(dir, sources);
        }
        long t0 = System.nanoTime();
        long fingerprints = 0;
        try (FingerprintIndex index = FingerprintIndex.open(dir, options())) {
            Fingerprinter f = index.fingerprinter();
            List<IndexedDocument> real = sources.parallelStream().map(s -> IndexedDocument.create("real", s.path(),
                    s.text().getBytes(StandardCharsets.UTF_8), f, false, null, 1)).toList();
            try (BulkLoad load = index.bulkLoad()) {
                for (IndexedDocument d : real) {
                    load.add(d);
                    fingerprints += d.size();
                }
                SplittableRandom random = new SplittableRandom(7);
                for (int doc = 0; fingerprints < minFingerprints; doc++) {
                    load.add(synthetic(doc, random));
                    fingerprints += SYNTHETIC_DOC_FINGERPRINTS;
                }
            }
            index.compact();
        }
        Files.writeString(marker, fingerprints + " fingerprints built in " + (System.nanoTime() - t0) / 1_000_000 + " ms\n");
        return new Built(dir, sources);
    }

    static IndexOptions options() {
        return IndexOptions.DEFAULT.withBlockCacheBytes(512L << 20).withWriteBufferBytes(64L << 20);
    }

    private static IndexedDocument synthetic(int doc, SplittableRandom random) {
        int n = SYNTHETIC_DOC_FINGERPRINTS;
        long[] hashes = new long[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = random.nextLong();
            starts[i] = 1 + i * 2;
            ends[i] = starts[i] + random.nextInt(3);
        }
        FingerprintConfig c = FingerprintConfig.DEFAULT;
        return new IndexedDocument("synthetic", "doc/" + doc + ".java", String.format("%064x", doc), null, 2 * n + 3,
                false, c.k(), c.w(), hashes, starts, ends, 1);
    }

    /**
     * {@code count} fingerprints of the synthetic documents, replayed from the generator that built them:
     * present keys spread over the whole index, far more than the row cache holds.
     */
    static long[] syntheticFingerprints(int count) {
        SplittableRandom random = new SplittableRandom(7);
        long[] out = new long[count];
        int n = 0;
        for (int doc = 0; n < count; doc++) {
            long[] hashes = synthetic(doc, random).hashes();
            int take = Math.min(hashes.length, count - n);
            System.arraycopy(hashes, 0, out, n, take);
            n += take;
        }
        return out;
    }

    /** Shapes present in the index (from the real sources' fingerprints). */
    static long[] presentFingerprints(List<BenchCorpus.Source> sources, int count) {
        Fingerprinter f = Fingerprinter.withDefaults();
        List<Long> out = new ArrayList<>();
        for (BenchCorpus.Source s : sources) {
            long[] h = f.fingerprint(s.text()).hashes();
            for (long x : h) {
                out.add(x);
                if (out.size() == count) {
                    return out.stream().mapToLong(Long::longValue).toArray();
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
