package io.agentdlp.detection.fingerprint.sourcetree;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.detection.fingerprint.FingerprintConfig;
import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.IndexedDocument;
import io.agentdlp.detection.fingerprint.MatchThresholds;
import io.agentdlp.detection.fingerprint.SyntheticCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoIndexerTest {
    private static final IndexOptions OPTIONS = IndexOptions.DEFAULT.withFingerprint(FingerprintConfig.DEFAULT)
            .withBlockCacheBytes(16 << 20).withWriteBufferBytes(8 << 20);

    @TempDir
    Path tmp;

    /** A generated Java file whose structure and names depend on {@code seed}. */
    static String javaSource(int seed) {
        return SyntheticCode.java(seed, 6);
    }

    private void write(Path root, String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    private static final class Recorder implements IndexListener {
        final List<String> written = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        long lastFiles;
        long lastTotal;

        @Override
        public void progress(long filesDone, long filesTotal, long bytesDone, long bytesTotal) {
            lastFiles = filesDone;
            lastTotal = filesTotal;
        }

        @Override
        public void written(IndexedDocument document) {
            written.add(document.sourcePath());
        }

        @Override
        public void removed(String repo, String sourcePath) {
            removed.add(sourcePath);
        }
    }

    @Test
    void reindexingIsIncrementalPerRepo() throws Exception {
        Path tree = tmp.resolve("tree");
        for (int i = 0; i < 6; i++) {
            write(tree, "src/C" + i + ".java", javaSource(i));
        }
        write(tree, "src/data.bin.java", "\0\0binary");
        Path other = tmp.resolve("other");
        write(other, "X.java", javaSource(99));
        try (FingerprintIndex index = FingerprintIndex.open(tmp.resolve("index"), OPTIONS)) {
            RepoIndexer.Options options = new RepoIndexer.Options("shop", false, "abc", 2, WalkOptions.DEFAULT);
            Recorder first = new Recorder();
            IndexRunSummary s1 = new RepoIndexer(index, options, first).run(List.of(tree));
            assertThat(s1.bulk()).isTrue();
            assertThat(s1.added()).isEqualTo(6);
            assertThat(s1.skipped()).isEqualTo(1);
            assertThat(first.lastFiles).isEqualTo(7).isEqualTo(first.lastTotal);
            new RepoIndexer(index, new RepoIndexer.Options("other", false, null, 1, WalkOptions.DEFAULT),
                    IndexListener.NONE).run(List.of(other));

            Files.writeString(tree.resolve("src/C1.java"), javaSource(42));
            Files.delete(tree.resolve("src/C2.java"));
            Recorder second = new Recorder();
            IndexRunSummary s2 = new RepoIndexer(index, options, second).run(List.of(tree));
            assertThat(s2.bulk()).isFalse();
            assertThat(s2.unchanged()).isEqualTo(4);
            assertThat(s2.replaced()).isEqualTo(1);
            assertThat(s2.removed()).isEqualTo(1);
            assertThat(second.written).containsExactly("src/C1.java");
            assertThat(second.removed).containsExactly("src/C2.java");

            assertThat(index.files("shop")).containsOnlyKeys("src/C0.java", "src/C1.java", "src/C3.java", "src/C4.java",
                    "src/C5.java");
            assertThat(index.files("other")).containsOnlyKeys("X.java");
            assertThat(index.get("shop", "src/C0.java")).get().extracting(IndexedDocument::commit).isEqualTo("abc");
            List<CodeMatch> m = index.query(javaSource(42), MatchThresholds.DEFAULT);
            assertThat(m).extracting(CodeMatch::sourcePath).first().isEqualTo("src/C1.java");
            assertThat(index.query(javaSource(2), MatchThresholds.DEFAULT)).isEmpty();
        }
    }

    @Test
    void ignoreRunsOnlyReplaceIgnoreCorpusFiles() throws Exception {
        Path own = tmp.resolve("own");
        Path boiler = tmp.resolve("boiler");
        write(own, "A.java", javaSource(1));
        write(boiler, "B.java", javaSource(2));
        try (FingerprintIndex index = FingerprintIndex.open(tmp.resolve("index"), OPTIONS)) {
            new RepoIndexer(index, new RepoIndexer.Options("r", false, null, 1, WalkOptions.DEFAULT), IndexListener.NONE)
                    .run(List.of(own));
            IndexRunSummary ignore = new RepoIndexer(index, new RepoIndexer.Options("r", true, null, 1,
                    WalkOptions.DEFAULT), IndexListener.NONE).run(List.of(boiler));
            assertThat(ignore.removed()).isZero();
            assertThat(index.files("r")).containsOnlyKeys("A.java", "B.java");
            assertThat(index.files("r").get("B.java").ignoreCorpus()).isTrue();
            assertThat(index.query(javaSource(2), MatchThresholds.DEFAULT)).isEmpty();
            assertThat(index.query(javaSource(1), MatchThresholds.DEFAULT)).hasSize(1);
        }
    }

    @Test
    void severalRootsArePrefixedWithTheirNames() throws Exception {
        write(tmp.resolve("api"), "Main.java", javaSource(5));
        write(tmp.resolve("web"), "Main.java", javaSource(6));
        try (FingerprintIndex index = FingerprintIndex.open(tmp.resolve("index"), OPTIONS)) {
            new RepoIndexer(index, new RepoIndexer.Options("mono", false, null, 2, WalkOptions.DEFAULT),
                    IndexListener.NONE).run(List.of(tmp.resolve("api"), tmp.resolve("web")));
            assertThat(index.files("mono")).containsOnlyKeys("api/Main.java", "web/Main.java");
        }
    }
}
