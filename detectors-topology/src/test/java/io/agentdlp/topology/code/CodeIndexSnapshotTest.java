package io.agentdlp.topology.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.detection.fingerprint.CodeIndexCodec;
import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.detection.fingerprint.FingerprintConfig;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.IndexedDocument;
import io.agentdlp.detection.fingerprint.MatchThresholds;

/**
 * The global code index store with its background-compacted postings snapshot against the same store
 * without one: identical matches for a workload of probes, also for files updated, removed and added
 * after the snapshot, while queries run during compactions, and across a restart.
 */
class CodeIndexSnapshotTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TopicPartition P0 = new TopicPartition("dlp-code-index", 0);
    private static final IndexOptions OPTIONS = IndexOptions.DEFAULT.withBlockCacheBytes(8L << 20)
            .withWriteBufferBytes(4L << 20);
    private static final String[] STATEMENTS = {
            "int %s = %s.size() + %d;",
            "if (%s > %d) { return %s; }",
            "for (int i = 0; i < %s.length; i++) { %s[i] += %d; }",
            "%s.put(\"%s\", %s.get(%d));",
            "while (%s != null && %s.next(%d)) { count++; }",
            "String %s = String.format(\"%%s-%%d\", %s, %d);",
            "try { %s.close(); } catch (IOException e) { throw new UncheckedIOException(e); }",
            "%s = %s == null ? List.of() : %s.subList(0, %d);",
            "switch (%s) { case %d -> %s++; default -> %s--; }",
            "double %s = Math.max(%s * 0.5, %d / 2.0);",
            "Objects.requireNonNull(%s, \"%s\");",
            "return new long[] {%s, %d, %s.hashCode()};",
    };
    private static final String[] NAMES = {"orders", "ledger", "total", "cursor", "buffer", "account", "limit", "queue"};

    private final List<Path> dirs = new ArrayList<>();
    private final List<CodeIndexStore> stores = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        stores.forEach(CodeIndexStore::close);
        for (Path dir : dirs) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Path newDir() throws IOException {
        Path d = Files.createTempDirectory("agentdlp-codesnap-");
        dirs.add(d);
        return d;
    }

    private CodeIndexStore open(Path dir, Duration snapshotInterval) {
        CodeIndexStore s = new CodeIndexStore("code-index", OPTIONS, MatchThresholds.DEFAULT, null, new CodeIndexStats(),
                snapshotInterval);
        StateStoreContext ctx = new MockProcessorContext<>(new Properties(), new TaskId(0, 0), dir.toFile())
                .getStateStoreContext();
        s.init(ctx, s);
        stores.add(s);
        return s;
    }

    /** Java source whose structure (and so its fingerprint shapes) depends on {@code seed}. */
    static String source(long seed, int methods) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("package com.acme.gen;\n\nfinal class Gen").append(seed).append(" {\n");
        for (int m = 0; m < methods; m++) {
            b.append("    long method").append(m).append("(List<String> ").append(name(r)).append(") {\n");
            for (int s = 0, n = 6 + r.nextInt(6); s < n; s++) {
                String t = STATEMENTS[r.nextInt(STATEMENTS.length)];
                int holes = t.split("%[sd]", -1).length - 1;
                Object[] args = new Object[holes];
                int at = 0;
                for (int i = 0; i + 1 < t.length() && at < holes; i++) {
                    if (t.charAt(i) == '%' && t.charAt(i + 1) == '%') {
                        i++;
                    } else if (t.charAt(i) == '%') {
                        args[at++] = t.charAt(i + 1) == 'd' ? (Object) r.nextInt(100) : name(r);
                    }
                }
                b.append("        ").append(String.format(t, args)).append('\n');
            }
            b.append("        return ").append(r.nextInt(1000)).append(";\n    }\n\n");
        }
        return b.append("}\n").toString();
    }

    private static String name(SplittableRandom r) {
        return NAMES[r.nextInt(NAMES.length)];
    }

    static CodeIndexRecord record(String path, String content, long version) {
        return record(IndexedDocument.create("gen", path, content.getBytes(StandardCharsets.UTF_8),
                Fingerprinter.withDefaults(), false, null, version));
    }

    static CodeIndexRecord record(IndexedDocument d) {
        return CodeIndexRecord.newBuilder().setRepo(d.repo()).setSourcePath(d.sourcePath())
                .setContentSha256(d.contentSha256()).setCommit(d.commit()).setLineCount(d.lineCount())
                .setIgnoreCorpus(false).setK(d.k()).setW(d.w()).setHashes(CodeIndexCodec.hashes(d))
                .setStartLines(CodeIndexCodec.startLines(d)).setEndLines(CodeIndexCodec.endLines(d))
                .setIndexVersion(d.indexVersion()).setPublishedAt(Instant.parse("2026-03-01T00:00:00Z")).build();
    }

    /** A file of {@code fingerprints} random fingerprints: enough of them make the index drop its snapshot. */
    static CodeIndexRecord randomRecord(String path, int fingerprints, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] hashes = new long[fingerprints];
        int[] lines = new int[fingerprints];
        for (int i = 0; i < fingerprints; i++) {
            hashes[i] = random.nextLong();
            lines[i] = i + 1;
        }
        FingerprintConfig c = FingerprintConfig.DEFAULT;
        return record(new IndexedDocument("gen", path, String.format("%064x", seed), null, fingerprints + 1, false, c.k(),
                c.w(), hashes, lines, lines, 1));
    }

    private static String key(String path) {
        return CodeIndexCodec.key("gen", path);
    }

    /** Probes: a middle slice and the whole of every text. */
    private static List<String> probes(List<String> texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            String[] lines = t.split("\n");
            out.add(String.join("\n", List.of(lines).subList(lines.length / 3, Math.min(lines.length, lines.length / 3 + 12))));
            out.add(t);
        }
        return out;
    }

    private static List<List<CodeMatch>> answers(CodeIndexStore s, List<String> probes) {
        List<List<CodeMatch>> out = new ArrayList<>();
        for (String p : probes) {
            out.add(s.query(p));
        }
        return out;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + WAIT).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void applyBoth(CodeIndexStore a, CodeIndexStore b, String key, CodeIndexRecord value) {
        a.apply(key, value);
        b.apply(key, value);
    }

    @Test
    void matchesAreTheSameWithAndWithoutTheSnapshotAlsoForChangesAfterIt() throws Exception {
        CodeIndexStore snap = open(newDir(), Duration.ofHours(1));
        CodeIndexStore plain = open(newDir(), Duration.ZERO);
        List<String> texts = new ArrayList<>();
        for (int f = 0; f < 30; f++) {
            String text = source(f, 4);
            texts.add(text);
            applyBoth(snap, plain, key("F" + f + ".java"), record("F" + f + ".java", text, 1));
        }
        assertThat(snap.snapshotInUse()).as("no snapshot before the restore is done").isFalse();
        snap.restored();
        await(snap::snapshotInUse);
        List<String> before = probes(texts);
        assertThat(answers(snap, before)).isEqualTo(answers(plain, before));
        assertThat(answers(snap, before).stream().filter(m -> !m.isEmpty()).count()).isEqualTo(before.size());

        // after the snapshot: 10 files updated, 10 removed, 5 added
        List<String> changed = new ArrayList<>();
        List<String> changedPaths = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            String text = source(1000 + f, 4);
            changed.add(text);
            changedPaths.add("F" + f + ".java");
            applyBoth(snap, plain, key("F" + f + ".java"), record("F" + f + ".java", text, 2));
        }
        for (int f = 10; f < 20; f++) {
            applyBoth(snap, plain, key("F" + f + ".java"), null);
        }
        for (int f = 30; f < 35; f++) {
            String text = source(f, 4);
            changed.add(text);
            changedPaths.add("F" + f + ".java");
            applyBoth(snap, plain, key("F" + f + ".java"), record("F" + f + ".java", text, 2));
        }
        assertThat(snap.snapshotInUse()).as("changes tracked next to the snapshot, which stays in use").isTrue();
        List<String> all = new ArrayList<>(before);
        all.addAll(probes(changed));
        List<List<CodeMatch>> withSnapshot = answers(snap, all);
        assertThat(withSnapshot).isEqualTo(answers(plain, all));
        for (int f = 10; f < 20; f++) {
            assertThat(snap.query(texts.get(f))).as("removed F" + f).extracting(CodeMatch::sourcePath)
                    .doesNotContain("F" + f + ".java");
        }
        for (int i = 0; i < changed.size(); i++) {
            assertThat(snap.query(changed.get(i))).extracting(CodeMatch::sourcePath).contains(changedPaths.get(i));
        }
    }

    @Test
    void aSnapshotDroppedAfterManyChangesIsRewrittenInTheBackground() throws Exception {
        CodeIndexStore snap = open(newDir(), Duration.ofMillis(50));
        CodeIndexStore plain = open(newDir(), Duration.ZERO);
        List<String> texts = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            texts.add(source(f, 6));
            applyBoth(snap, plain, key("F" + f + ".java"), record("F" + f + ".java", texts.get(f), 1));
        }
        snap.restored();
        await(() -> snap.snapshotInUse() && snap.snapshotCompactions() == 1);
        long compactions = snap.snapshotCompactions();
        // more changed rows than the snapshot's change filter holds (at least 65,536)
        applyBoth(snap, plain, key("random.bin"), randomRecord("random.bin", 70_000, 7));
        String extra = source(77, 6);
        applyBoth(snap, plain, key("F77.java"), record("F77.java", extra, 2));
        await(() -> snap.snapshotCompactions() > compactions && snap.snapshotInUse());
        texts.add(extra);
        List<String> probes = probes(texts);
        assertThat(answers(snap, probes)).isEqualTo(answers(plain, probes));
        assertThat(snap.query(extra)).extracting(CodeMatch::sourcePath).contains("F77.java");
    }

    @Test
    void queriesDuringBackgroundCompactionsSeeTheSameMatches() throws Exception {
        CodeIndexStore snap = open(newDir(), Duration.ofMillis(20));
        List<String> stable = new ArrayList<>();
        for (int f = 0; f < 8; f++) {
            stable.add(source(f, 6));
            snap.apply(key("F" + f + ".java"), record("F" + f + ".java", stable.get(f), 1));
        }
        List<String> probes = probes(stable);
        List<List<CodeMatch>> expected = answers(snap, probes);
        snap.restored();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> running = new AtomicReference<>(true);
        Thread querying = new Thread(() -> {
            try {
                while (running.get()) {
                    assertThat(answers(snap, probes)).isEqualTo(expected);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "querying");
        querying.start();
        long start = snap.snapshotCompactions();
        // each big file drops the snapshot, so the compactor keeps rewriting it while the queries run and
        // while small files keep changing
        long deadline = System.nanoTime() + WAIT.toNanos();
        int churn = 0;
        for (int round = 0; round < 2; round++) {
            snap.apply(key("random.bin"), randomRecord("random.bin", 70_000, round));
            long seen = snap.snapshotCompactions();
            while (snap.snapshotCompactions() <= seen && failure.get() == null) {
                assertThat(System.nanoTime()).as("no compaction within " + WAIT).isLessThan(deadline);
                snap.apply(key("churn.bin"), randomRecord("churn.bin", 200, 100 + churn++));
            }
        }
        running.set(false);
        querying.join();
        assertThat(failure.get()).isNull();
        assertThat(snap.snapshotCompactions() - start).isGreaterThanOrEqualTo(2);
        assertThat(answers(snap, probes)).isEqualTo(expected);
    }

    @Test
    void anIndexRebuiltForNewParametersGetsASnapshotOfItsOwn() throws Exception {
        CodeIndexStore snap = open(newDir(), Duration.ofMillis(50));
        snap.apply(key("F1.java"), record("F1.java", source(1, 4), 1));
        snap.restored();
        await(snap::snapshotInUse);
        CodeIndexRecord foreign = CodeIndexRecord.newBuilder(record("F2.java", source(2, 4), 2)).setK(7).build();
        snap.apply(key("F2.java"), foreign);
        assertThat(snap.fingerprinter().config().k()).isEqualTo(7);
        await(() -> snap.snapshotInUse() && snap.snapshotCompactions() >= 1);
    }

    @Test
    void theSnapshotSurvivesARestartAndTheLossOfTheOffsetsStillWipesTheIndex() throws Exception {
        Path dir = newDir();
        CodeIndexStore snap = open(dir, Duration.ofHours(1));
        String text = source(3, 6);
        snap.apply(key("F3.java"), record("F3.java", text, 1));
        snap.restored();
        await(snap::snapshotInUse);
        snap.commit(Map.of(P0, 7L));
        snap.close();
        stores.remove(snap);

        CodeIndexStore again = open(dir, Duration.ofHours(1));
        assertThat(again.committedOffset(P0)).isEqualTo(7L);
        assertThat(again.snapshotInUse()).as("snapshot file still current after a clean close").isTrue();
        assertThat(again.query(text)).extracting(CodeMatch::sourcePath).containsExactly("F3.java");
        again.close();
        stores.remove(again);

        Files.delete(dir.resolve("code-index").resolve("applied-offsets.properties"));
        CodeIndexStore wiped = open(dir, Duration.ofHours(1));
        assertThat(wiped.snapshotInUse()).isFalse();
        assertThat(wiped.query(text)).isEmpty();
    }
}
