package io.agentdlp.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyFile;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.launcher.replay.ReplayFile;
import io.agentdlp.topics.Topics;
import io.agentdlp.tuning.backtest.ReplayEvent;
import io.agentdlp.tuning.policy.PolicyTopic;

/**
 * The tuning workflow against a real broker and registry: a replay set goes into the egress topic
 * with {@code events import} and comes back with {@code events export} (ranges, filters,
 * redaction); a policy file is validated, diffed against the live {@code dlp-policies} topic and
 * pushed with version checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TuningWorkflowIT {
    private LiveCluster cluster;
    @TempDir
    Path tmp;
    private final List<AgentEgressEvent> traffic = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        cluster = new LiveCluster();
        traffic.add(TestEvents.prompt("e1", 0, "u-1", "claude-code", "s-1", "refactor the billing module"));
        traffic.add(TestEvents.prompt("e2", 1, "u-1", "claude-code", "s-1", "my key is " + TestEvents.AWS_KEY_ID));
        traffic.add(TestEvents.shell("e3", 2, "u-2", "s-2", "git status"));
        traffic.add(TestEvents.prompt("e4", 3, "u-2", "codex", "s-3", "write tests"));
        traffic.add(TestEvents.read("e5", 4, "u-2", "s-2", "/home/u-2/app/.env"));
        traffic.add(TestEvents.modelRequest("e6", 5, "u-1", "s-1", "summarise the diff", "api.anthropic.com"));
        Path file = dir.resolve("traffic.jsonl");
        List<String> lines = new ArrayList<>();
        traffic.forEach(e -> lines.add(ReplayFile.eventLine(e)));
        Files.write(file, lines);
        CliRun r = CliRun.of(cluster.cli("events", "import", file.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("6 event(s) from " + file + " written to agent-egress-events");
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void exportReturnsTheImportedEventsPartitionByPartitionInOffsetOrder() throws IOException {
        Path out = tmp.resolve("all.jsonl");
        CliRun r = CliRun.of(cluster.cli("events", "export", "-o", out.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("6 event(s) written to " + out + ", 6 read, 0 filtered out, 0 undecodable");
        List<AgentEgressEvent> back = ReplayFile.read(out).stream().map(ReplayEvent::event).toList();
        assertThat(back).containsExactlyInAnyOrderElementsOf(traffic);
        List<AgentEgressEvent> expectedOrder = traffic.stream()
                .sorted(java.util.Comparator.comparingInt(TuningWorkflowIT::partition)).toList();
        assertThat(back).containsExactlyElementsOf(expectedOrder);
        assertThat(Files.readString(out)).isEqualTo(Files.readString(exportTo("again.jsonl")));
    }

    @Test
    void exportFiltersByUserAgentSessionAndEventTime() throws IOException {
        assertThat(ids(exportTo("u1.jsonl", "--user", "u-1"))).containsExactlyInAnyOrder("e1", "e2", "e6");
        assertThat(ids(exportTo("mail.jsonl", "--user", "u-2@acme.io", "--agent", "codex"))).containsExactly("e4");
        assertThat(ids(exportTo("s2.jsonl", "--session", "s-2"))).containsExactly("e3", "e5");
        assertThat(ids(exportTo("time.jsonl", "--from", "2026-11-02T09:01:00Z", "--to", "2026-11-02T09:04:00Z")))
                .containsExactlyInAnyOrder("e2", "e3", "e4");
        assertThat(ids(exportTo("late.jsonl", "--from", "2026-11-03"))).isEmpty();
    }

    @Test
    void exportReadsExactOffsetRanges() throws IOException {
        Map<Integer, List<String>> byPartition = new TreeMap<>();
        traffic.forEach(e -> byPartition.computeIfAbsent(partition(e), p -> new ArrayList<>()).add(e.getEventId()));
        int p = byPartition.entrySet().stream().filter(x -> x.getValue().size() >= 2).findFirst().orElseThrow().getKey();
        assertThat(ids(exportTo("range.jsonl", "--offsets", p + ":1-"))).containsExactlyElementsOf(
                byPartition.get(p).subList(1, byPartition.get(p).size()));
        assertThat(ids(exportTo("first.jsonl", "--offsets", p + ":0-1"))).containsExactly(byPartition.get(p).get(0));
        assertThat(ids(exportTo("limit.jsonl", "--limit", "2"))).hasSize(2);
    }

    @Test
    void redactedExportKeepsSizesHashesAndFindingsButNoText() throws IOException {
        Path out = exportTo("redacted.jsonl", "--redact", "--session", "s-1");
        String text = Files.readString(out);
        assertThat(text).doesNotContain(TestEvents.AWS_KEY_ID, "billing", "summarise");
        for (ReplayEvent e : ReplayFile.read(out)) {
            AgentEgressEvent original = traffic.stream().filter(x -> x.getEventId().equals(e.event().getEventId()))
                    .findFirst().orElseThrow();
            assertThat(e.event().getContent().getText()).isNull();
            assertThat(e.event().getContent().getBytes()).isEqualTo(original.getContent().getBytes());
            assertThat(e.event().getContent().getSha256()).isEqualTo(original.getContent().getSha256());
            assertThat(e.event().getDestination()).isEqualTo(original.getDestination());
        }
    }

    @Test
    void policyIsValidatedDiffedAndPushedWithVersionChecks() throws IOException {
        String shipped;
        try (InputStream in = PolicyFile.class.getResourceAsStream("default-policy.yaml")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = Files.writeString(tmp.resolve("policy.yaml"), shipped);
        assertThat(CliRun.of("policy", "validate", file.toString()).exit()).isZero();
        assertThat(CliRun.of(cluster.cli("policy", "diff", file.toString())).out())
                .startsWith("policy 'default': new (not on the topic yet) -> version 1");
        CliRun pushed = CliRun.of(cluster.cli("policy", "push", file.toString()));
        assertThat(pushed.exit()).as(pushed.err()).isZero();
        assertThat(pushed.out()).contains("published policy 'default' version 1 to dlp-policies");
        CliRun same = CliRun.of(cluster.cli("policy", "diff", "--exit-code", file.toString()));
        assertThat(same.exit()).isZero();
        assertThat(same.out()).isEqualTo("policy 'default': version 1 -> version 1\n  (no changes)\n");

        Files.writeString(file, shipped.replace("volume.zscore: 4.0", "volume.zscore: 3.0")
                .replace("  - id: approved-model-endpoints", "  - id: no-paste-sites\n    effect: deny\n    destinations: [pastebin.com]\n"
                        + "  - id: approved-model-endpoints"));
        CliRun diff = CliRun.of(cluster.cli("policy", "diff", "--exit-code", file.toString()));
        assertThat(diff.exit()).isEqualTo(1);
        assertThat(diff.out()).isEqualTo("""
                policy 'default': version 1 -> version 1
                  ~ thresholds.volume.zscore: 4.0 -> 3.0
                  + rule no-paste-sites (effect deny; severity medium; destinations [pastebin.com])
                """);
        CliRun refused = CliRun.of(cluster.cli("policy", "push", file.toString()));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("version 1, not newer than version 1 in force", "--bump");
        CliRun bumped = CliRun.of(cluster.cli("policy", "push", "--bump", file.toString()));
        assertThat(bumped.exit()).as(bumped.err()).isZero();
        assertThat(bumped.out()).contains("published policy 'default' version 2");

        try (PolicyTopic topic = new PolicyTopic(Map.of("bootstrap.servers", cluster.kafka.bootstrapServers()),
                Map.of("schema.registry.url", cluster.registry.url()), Topics.POLICIES.defaultName())) {
            PolicyDocument live = topic.live().get("default");
            assertThat(live.version()).isEqualTo(2);
            assertThat(live.thresholds()).containsEntry("volume.zscore", 3.0);
            assertThat(live.rules()).extracting(io.agentdlp.detection.policy.PolicyRule::id).contains("no-paste-sites");
        }
        Files.writeString(file, "id: default\nversion: 3\nrules:\n  - {id: x, effect: maybe}\n");
        CliRun invalid = CliRun.of(cluster.cli("policy", "push", file.toString()));
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.err()).contains("unknown effect 'maybe'");
    }

    private Path exportTo(String name, String... args) {
        Path out = tmp.resolve(name);
        List<String> a = new ArrayList<>(List.of("events", "export", "-o", out.toString()));
        a.addAll(List.of(args));
        CliRun r = CliRun.of(cluster.cli(a.toArray(String[]::new)));
        assertThat(r.exit()).as(r.err()).isZero();
        return out;
    }

    private static List<String> ids(Path file) throws IOException {
        return ReplayFile.read(file).stream().map(e -> e.event().getEventId()).toList();
    }

    /** The default partitioner's choice for the event's key on the 6-partition egress topic. */
    private static int partition(AgentEgressEvent e) {
        byte[] key = KafkaEventPublisher.key(e).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % Topics.EGRESS_EVENTS.partitions();
    }
}
