package io.agentdlp.topology.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.MatchThresholds;
import io.agentdlp.topology.CodeSamples;

/**
 * Restart behaviour of the global code index store, on a real state directory (TopologyTestDriver
 * deletes its state on close, so restarts are driven through the store with Streams' test context).
 */
class CodeIndexStoreTest {
    private static final TopicPartition P0 = new TopicPartition("dlp-code-index", 0);
    private final Path dir = temp();

    private static Path temp() {
        try {
            return Files.createTempDirectory("agentdlp-codeindex-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private CodeIndexStore open(CodeIndexStats stats) {
        CodeIndexStore s = new CodeIndexStore("code-index", IndexOptions.DEFAULT.withBlockCacheBytes(8L << 20)
                .withWriteBufferBytes(4L << 20), MatchThresholds.DEFAULT, null, stats);
        StateStoreContext ctx = new MockProcessorContext<>(new Properties(), new TaskId(0, 0), dir.toFile())
                .getStateStoreContext();
        s.init(ctx, s);
        return s;
    }

    @Test
    void appliedOffsetsSurviveARestartAndTheirLossWipesTheIndex() throws IOException {
        CodeIndexStats stats = new CodeIndexStats();
        CodeIndexStore s = open(stats);
        s.apply(CodeSamples.key(), CodeSamples.record(CodeSamples.source(), 1));
        assertThat(s.committedOffset(P0)).isNull();
        s.commit(Map.of(P0, 42L));
        s.close();

        CodeIndexStore again = open(new CodeIndexStats());
        assertThat(again.committedOffset(P0)).isEqualTo(42L);
        assertThat(again.query(CodeSamples.lines(26, 45))).isNotEmpty();
        again.close();

        Files.delete(dir.resolve("code-index").resolve("applied-offsets.properties"));
        CodeIndexStore wiped = open(new CodeIndexStats());
        assertThat(wiped.committedOffset(P0)).isNull();
        assertThat(wiped.query(CodeSamples.lines(26, 45))).isEmpty();
        wiped.close();
    }

    @Test
    void recordsWithOtherParametersRebuildOnlyForANewerIndexVersion() {
        CodeIndexStats stats = new CodeIndexStats();
        CodeIndexStore s = open(stats);
        s.apply(CodeSamples.key(), CodeSamples.record(CodeSamples.source(), 5));
        var foreign = io.agentdlp.avro.CodeIndexRecord.newBuilder(CodeSamples.record(CodeSamples.source(), 4))
                .setSourcePath("other/File.java").setK(7).setW(3).build();
        s.apply("payments\0other/File.java", foreign);
        assertThat(stats.rejectedRecords()).isEqualTo(1);
        assertThat(s.query(CodeSamples.lines(26, 45))).isNotEmpty();
        var newer = io.agentdlp.avro.CodeIndexRecord.newBuilder(foreign).setIndexVersion(6).build();
        s.apply("payments\0other/File.java", newer);
        assertThat(s.fingerprinter().config().k()).isEqualTo(7);
        s.close();
    }
}
