package io.agentdlp.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.MatchThresholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {
    @TempDir
    Path tmp;
    Path tree;
    Path index;

    @BeforeEach
    void tree() throws IOException {
        tree = Files.createDirectories(tmp.resolve("repo"));
        index = tmp.resolve("index");
        Files.createDirectories(tree.resolve("src/ledger"));
        Files.writeString(tree.resolve("src/ledger/Ledger.java"), OwnCodeSamples.LEDGER);
        Files.writeString(tree.resolve("src/Router.java"), OwnCodeSamples.ROUTER);
        Files.createDirectories(tree.resolve("node_modules/x"));
        Files.writeString(tree.resolve("node_modules/x/index.js"), "module.exports = function () { return 1; };\n");
        Files.writeString(tree.resolve(".gitignore"), "secret/\n");
        Files.createDirectories(tree.resolve("secret"));
        Files.writeString(tree.resolve("secret/retry.py"), OwnCodeSamples.RETRY);
    }

    @Test
    void indexesThenUpdatesIncrementally() throws IOException {
        CliRun first = CliRun.of("index", "--index-dir", index.toString(), "--repo", "acme", "--quiet", tree.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("indexed repo acme: 2 file(s): 2 added, 0 replaced, 0 unchanged, 0 removed")
                .contains("bulk load").contains("k=16, w=3");

        Files.writeString(tree.resolve("src/Router.java"), OwnCodeSamples.RETRY.replace("def ", "def x_"));
        Files.delete(tree.resolve("src/ledger/Ledger.java"));
        Files.writeString(tree.resolve("src/retry.py"), OwnCodeSamples.RETRY);
        CliRun second = CliRun.of("index", "--index-dir", index.toString(), "--repo", "acme", "--quiet", tree.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("2 file(s): 1 added, 1 replaced, 0 unchanged, 1 removed");

        try (FingerprintIndex idx = FingerprintIndex.open(index, IndexOptions.DEFAULT)) {
            assertThat(idx.files("acme")).containsOnlyKeys("src/Router.java", "src/retry.py");
            List<CodeMatch> m = idx.query("please fix\n```python\n" + OwnCodeSamples.RETRY + "```", MatchThresholds.DEFAULT);
            assertThat(m).extracting(CodeMatch::sourcePath).contains("src/retry.py");
            assertThat(idx.query(OwnCodeSamples.LEDGER, MatchThresholds.DEFAULT)).isEmpty();
        }
    }

    @Test
    void ignoreCorpusSuppressesItsCodeAsEvidence() throws IOException {
        Path vendor = Files.createDirectories(tmp.resolve("vendor-src"));
        Files.writeString(vendor.resolve("Router.java"), OwnCodeSamples.ROUTER);
        assertThat(CliRun.of("index", "--index-dir", index.toString(), "--repo", "acme", "--quiet", tree.toString()).exit()).isZero();
        CliRun ignore = CliRun.of("index", "--index-dir", index.toString(), "--repo", "public", "--ignore", "--quiet",
                vendor.toString());
        assertThat(ignore.out()).contains("indexed repo public (ignore corpus): 1 file(s)");
        try (FingerprintIndex idx = FingerprintIndex.open(index, IndexOptions.DEFAULT)) {
            assertThat(idx.query(OwnCodeSamples.ROUTER, MatchThresholds.DEFAULT)).isEmpty();
            assertThat(idx.query(OwnCodeSamples.LEDGER, MatchThresholds.DEFAULT)).extracting(CodeMatch::repo).containsExactly("acme");
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(CliRun.of("index", "--index-dir", index.toString(), "--repo", "acme", tmp.resolve("missing").toString()).exit())
                .isEqualTo(2);
        assertThat(CliRun.of("index", "--repo", "acme", tree.toString()).exit()).isEqualTo(2);
        CliRun badSize = CliRun.of("index", "--index-dir", index.toString(), "--repo", "acme", "--max-file-size", "lots",
                tree.toString());
        assertThat(badSize.exit()).isEqualTo(2);
        assertThat(badSize.err()).contains("invalid --max-file-size 'lots'");
        assertThat(CliRun.of("index", "--index-dir", index.toString(), "--repo", "acme", "--publish-all", tree.toString())
                .err()).contains("--publish-all needs --publish");
    }
}
