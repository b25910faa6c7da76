package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

class PostingsSnapshotTest {
    private static final FingerprintConfig CONFIG = FingerprintConfig.DEFAULT;
    private static final IndexOptions OPTIONS = IndexOptions.DEFAULT.withFingerprint(CONFIG)
            .withBlockCacheBytes(16 << 20).withWriteBufferBytes(8 << 20).withRowCacheEntries(0);
    private static final MatchThresholds THRESHOLDS = MatchThresholds.DEFAULT;

    @TempDir
    Path dir;
    @TempDir
    Path plainDir;

    private final Fingerprinter fingerprinter = new Fingerprinter(CONFIG);

    private IndexedDocument doc(String repo, String path, String content) {
        return IndexedDocument.create(repo, path, content.getBytes(StandardCharsets.UTF_8), fingerprinter, false, null, 1);
    }

    private static IndexedDocument randomDoc(String path, int fingerprints, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] hashes = new long[fingerprints];
        int[] starts = new int[fingerprints];
        int[] ends = new int[fingerprints];
        for (int i = 0; i < fingerprints; i++) {
            hashes[i] = random.nextLong();
            starts[i] = 1 + i;
            ends[i] = 2 + i;
        }
        return new IndexedDocument("random", path, String.format("%064x", seed), null, fingerprints + 2, false,
                CONFIG.k(), CONFIG.w(), hashes, starts, ends, 1);
    }

    private static long[] shapes(IndexedDocument d) {
        return Arrays.stream(d.hashes()).map(Fingerprints::shapeOf).distinct().toArray();
    }

    @Test
    void snapshotRowsAreTheRowsRocksDbHolds() throws RocksDBException, java.io.IOException {
        List<IndexedDocument> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            docs.add(doc("r", "F" + i + ".java", SyntheticCode.java(300 + i, 6)));
        }
        docs.add(randomDoc("many.bin", 20_000, 5));
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            try (BulkLoad load = index.bulkLoad()) {
                docs.forEach(load::add);
            }
            assertThat(index.snapshotInUse()).as("no snapshot before the first compaction").isFalse();
            index.compact();
            assertThat(index.snapshotInUse()).isTrue();
            PostingsSnapshot snapshot = PostingsSnapshot.open(dir.resolve("postings.snapshot"),
                    index.db().getLatestSequenceNumber());
            assertThat(snapshot).isNotNull();
            java.util.Set<Long> distinct = new java.util.HashSet<>();
            for (IndexedDocument d : docs) {
                for (long shape : shapes(d)) {
                    byte[] expected = index.db().get(index.postingsFamily(), Bytes.shapeKey(shape));
                    assertThat(expected).isNotNull();
                    assertThat(snapshot.row(shape)).isEqualTo(expected);
                    distinct.add(shape);
                }
            }
            assertThat(snapshot.rows()).isEqualTo(distinct.size());
            SplittableRandom random = new SplittableRandom(9);
            for (int i = 0; i < 10_000; i++) {
                long absent = random.nextLong() >>> 8;
                if (index.db().get(index.postingsFamily(), Bytes.shapeKey(absent)) == null) {
                    assertThat(snapshot.row(absent)).isNull();
                }
            }
            assertThat(snapshot.row(0)).isNull();
            assertThat(snapshot.row((1L << 56) - 1)).isNull();
            assertThat(PostingsSnapshot.open(dir.resolve("postings.snapshot"), snapshot.sequence() + 1))
                    .as("another sequence number").isNull();
        }
    }

    @Test
    void writesAfterTheSnapshotAreAnsweredByRocksDb() {
        String a = SyntheticCode.java(401, 8);
        String b = SyntheticCode.java(402, 8);
        String c = SyntheticCode.python(403, 8);
        String d = SyntheticCode.java(404, 8);
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS);
             FingerprintIndex plain = FingerprintIndex.open(plainDir, OPTIONS)) {
            for (FingerprintIndex i : List.of(index, plain)) {
                i.put(doc("r", "A.java", a));
                i.put(doc("r", "B.java", b));
            }
            index.compact();
            assertThat(index.snapshotInUse()).isTrue();
            for (FingerprintIndex i : List.of(index, plain)) {
                i.remove("r", "A.java");
                i.put(doc("r", "B.java", c));
                i.put(doc("s", "D.java", d));
            }
            assertThat(index.snapshotInUse()).isTrue();
            for (String probe : List.of(a, b, c, d)) {
                assertThat(index.query(probe, THRESHOLDS)).isEqualTo(plain.query(probe, THRESHOLDS));
            }
            assertThat(index.query(a, THRESHOLDS)).isEmpty();
            assertThat(index.query(c, THRESHOLDS)).extracting(CodeMatch::sourcePath).containsExactly("B.java");
            IndexedDocument removed = doc("r", "A.java", a);
            assertThat(index.lookup(removed.hashes())).isEqualTo(plain.lookup(removed.hashes()));
        }
        // the changes are saved at close, so the next writer and readers keep using the snapshot
        try (FingerprintIndex reader = FingerprintIndex.openReader(dir, OPTIONS)) {
            assertThat(reader.snapshotInUse()).isTrue();
            assertThat(reader.query(a, THRESHOLDS)).isEmpty();
            assertThat(reader.query(c, THRESHOLDS)).extracting(CodeMatch::sourcePath).containsExactly("B.java");
            assertThat(reader.query(d, THRESHOLDS)).extracting(CodeMatch::sourcePath).containsExactly("D.java");
        }
        try (FingerprintIndex writer = FingerprintIndex.open(dir, OPTIONS)) {
            assertThat(writer.snapshotInUse()).isTrue();
            assertThat(writer.query(b, THRESHOLDS)).isEmpty();
            writer.put(doc("r", "A.java", a));
            try (FingerprintIndex reader = FingerprintIndex.openReader(dir, OPTIONS)) {
                assertThat(reader.snapshotInUse()).as("the writer moved on since its last close").isFalse();
                assertThat(reader.query(a, THRESHOLDS)).extracting(CodeMatch::sourcePath).containsExactly("A.java");
            }
            assertThat(writer.query(a, THRESHOLDS)).extracting(CodeMatch::sourcePath).containsExactly("A.java");
        }
    }

    @Test
    void rowsCachedFromTheSnapshotFollowLaterWrites() {
        String shared = SyntheticCode.java(411, 6);
        String a = SyntheticCode.java(412, 8);
        MatchThresholds threeFiles = THRESHOLDS.withMaxDocumentFrequency(3);
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS);
             FingerprintIndex plain = FingerprintIndex.open(plainDir, OPTIONS)) {
            for (FingerprintIndex i : List.of(index, plain)) {
                i.put(doc("r", "A.java", a));
                for (int c = 0; c < 4; c++) {
                    i.put(doc("r", "Copy" + c + ".java", SyntheticCode.java(420 + c, 3) + shared));
                }
            }
            index.compact();
            // read (and cached) from the snapshot: the shared code is common, A.java is own code
            for (int round = 0; round < 2; round++) {
                assertThat(index.query(shared, threeFiles)).isEmpty();
                assertThat(index.query(a, threeFiles)).extracting(CodeMatch::sourcePath).containsExactly("A.java");
            }
            for (FingerprintIndex i : List.of(index, plain)) {
                i.remove("r", "A.java");
                i.remove("r", "Copy0.java");
                i.remove("r", "Copy1.java");
            }
            assertThat(index.snapshotInUse()).isTrue();
            assertThat(index.query(a, threeFiles)).isEmpty();
            assertThat(index.query(shared, threeFiles)).isEqualTo(plain.query(shared, threeFiles)).hasSize(2);
        }
    }

    @Test
    void aFileReindexedOverAndOverCountsItsShapesOnceTowardTheChangeBudget() {
        IndexedDocument v1 = randomDoc("f.bin", 1000, 1);
        IndexedDocument v2 = randomDoc("f.bin", 1000, 3);
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            index.put(v1);
            index.compact();
            // 80 rewrites mark 160,000 shapes, more than the changed-shapes filter holds, but only 2,000 distinct
            for (int i = 0; i < 40; i++) {
                index.put(v2);
                index.put(v1);
            }
            assertThat(index.snapshotInUse()).isTrue();
            assertThat(index.lookup(v1.hashes())).isEqualTo(shapes(v1).length);
            assertThat(index.lookup(v2.hashes())).isZero();
        }
    }

    @Test
    void tooManyChangesDropTheSnapshotUntilTheNextCompaction() {
        IndexedDocument first = randomDoc("first.bin", 1000, 1);
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            index.put(first);
            index.compact();
            assertThat(index.snapshotInUse()).isTrue();
            index.put(randomDoc("big.bin", 70_000, 2));
            assertThat(index.snapshotInUse()).as("more changes than the changed-shapes filter holds").isFalse();
            assertThat(index.lookup(first.hashes())).isEqualTo(shapes(first).length);
        }
        assertThat(dir.resolve("postings.snapshot")).as("an unused snapshot is deleted").doesNotExist();
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            assertThat(index.snapshotInUse()).isFalse();
            index.compact();
            assertThat(index.snapshotInUse()).isTrue();
            assertThat(index.lookup(randomDoc("big.bin", 70_000, 2).hashes())).isEqualTo(70_000);
        }
    }

    @Test
    void corruptSnapshotFallsBackToRocksDb() throws Exception {
        String a = SyntheticCode.java(501, 8);
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            index.put(doc("r", "A.java", a));
            index.compact();
        }
        Path file = dir.resolve("postings.snapshot");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            assertThat(index.snapshotInUse()).isFalse();
            assertThat(index.query(a, THRESHOLDS)).extracting(CodeMatch::sourcePath).containsExactly("A.java");
        }
    }

    @Test
    void aSnapshotThatCannotBeWrittenLeavesTheCompactionAndLookupsWorking() throws Exception {
        String a = SyntheticCode.java(502, 8);
        // a directory where the snapshot's temporary file goes makes its write fail
        Files.createDirectories(dir.resolve("postings.snapshot.tmp").resolve("blocked"));
        try (FingerprintIndex index = FingerprintIndex.open(dir, OPTIONS)) {
            index.put(doc("r", "A.java", a));
            index.compact();
            assertThat(index.snapshotInUse()).isFalse();
            assertThat(index.query(a, THRESHOLDS)).extracting(CodeMatch::sourcePath).containsExactly("A.java");
        }
        assertThat(dir.resolve("postings.snapshot")).doesNotExist();
    }
}
