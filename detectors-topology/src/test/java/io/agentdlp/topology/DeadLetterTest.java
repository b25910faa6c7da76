package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.deadletter.DeadLetters;

/**
 * Dead-lettering through the topology's handlers. TopologyTestDriver drops the dead-letter records
 * Streams' handlers return while a transaction is open (its mock producer never commits them), so
 * these tests run at-least-once; DlpTopologyIT checks dead-lettering under exactly_once_v2 against
 * a real broker.
 */
class DeadLetterTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final TopologyConfig AT_LEAST_ONCE = TopologyConfig.defaults().with("processing.guarantee", "at_least_once");

    private static Map<String, String> headers(TestRecord<byte[], byte[]> r) {
        Map<String, String> m = new TreeMap<>();
        for (Header h : r.headers()) {
            m.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void garbageBytesAreDeadLetteredVerbatimAndProcessingContinues() {
        try (TopologyFixture f = new TopologyFixture(AT_LEAST_ONCE)) {
            byte[] garbage = "not avro at all: password=hunter2".getBytes(StandardCharsets.UTF_8);
            byte[] wrongSchemaId = {0, 0, 0, 0x7f, 0x7f, 1, 2, 3};
            f.rawEvents.pipeInput("k1".getBytes(StandardCharsets.UTF_8), garbage, T0);
            f.rawEvents.pipeInput("k2".getBytes(StandardCharsets.UTF_8), wrongSchemaId, T0);
            f.send(Events.prompt(T0, "token " + Events.GITHUB_TOKEN));

            var dead = f.deadLetters.readRecordsToList();
            assertThat(dead).hasSize(2);
            assertThat(dead.get(0).value()).isEqualTo(garbage);
            assertThat(dead.get(0).key()).isEqualTo("k1".getBytes(StandardCharsets.UTF_8));
            assertThat(dead.get(1).value()).isEqualTo(wrongSchemaId);
            Map<String, String> h = headers(dead.get(0));
            assertThat(h).containsEntry(DeadLetters.REASON, "deserialization-failed")
                    .containsEntry(DeadLetters.SOURCE_TOPIC, "agent-egress-events")
                    .containsEntry(DeadLetters.SOURCE_PARTITION, "0")
                    .containsEntry(DeadLetters.SOURCE_OFFSET, "0")
                    .containsKey(DeadLetters.EXCEPTION_CLASS);
            assertThat(headers(dead.get(1))).containsEntry(DeadLetters.SOURCE_OFFSET, "1");
            assertThat(String.join(" ", h.values())).doesNotContain("hunter2");
            // The good record after the bad ones was processed.
            assertThat(f.alerts()).hasSize(1);
            assertThat(f.metrics.registry().get("dlp.dead.letter").tag("reason", "deserialization-failed").counter().count())
                    .isEqualTo(2.0);
        }
    }

    @Test
    void anEventThatMakesADetectorThrowIsDeadLetteredAfterTheOtherDetectorsRan(@TempDir Path dir) throws IOException {
        // A user rule with nested repetition overflows java.util.regex's stack on a long input.
        Path rules = dir.resolve("risky.json");
        Files.writeString(rules, "{\"rules\":[{\"id\":\"pathological\",\"target\":\"command\",\"pattern\":\"(?:a|b(?:c)?)*z\"}]}");
        try (TopologyFixture f = new TopologyFixture(AT_LEAST_ONCE.with("risky.rules.file", rules.toString()))) {
            // The trailing z: a text without the literal the rule requires never reaches the regex (RequiredLiterals).
            String command = "echo " + Events.GITHUB_TOKEN + " " + "ab".repeat(300_000) + " z";
            f.send(Events.shell(T0, command));
            var dead = f.deadLetters.readRecordsToList();
            assertThat(dead).hasSize(1);
            Map<String, String> h = headers(dead.get(0));
            assertThat(h).containsEntry(DeadLetters.REASON, "detector-failed")
                    .containsEntry(DeadLetters.DETECTOR, "risky-action")
                    .containsEntry(DeadLetters.EXCEPTION_CLASS, StackOverflowError.class.getName())
                    .containsEntry(DeadLetters.SOURCE_OFFSET, "0");
            assertThat(dead.get(0).value()).isNotEmpty();
            // The secret detector ran before the failing one: its alert is out.
            assertThat(f.alerts()).extracting(a -> a.getDetector()).containsExactly("secret");

            f.send(Events.shell(T0.plusSeconds(1), "ls -la"));
            assertThat(f.deadLetters.isEmpty()).isTrue();
        }
    }
}
