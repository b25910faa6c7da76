package io.agentdlp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.CodeMatch;
import io.agentdlp.detection.fingerprint.MatchThresholds;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Effect;
import io.agentdlp.avro.Policy;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.topics.Topics;
import io.agentdlp.topology.deadletter.DeadLetters;

/**
 * The pipeline end to end on one shared cluster (three brokers, registry, two exactly-once topology
 * instances): real hook payloads through the sensor's normalizer and Kafka delivery, alerts read
 * back from {@code dlp-alerts} with read_committed. Each test uses its own sessions, so tests share
 * the cluster without seeing each other's alerts. {@link ContainerPipelineScenariosIT} runs the same
 * scenarios against a containerised Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineScenariosIT {
    private static final Logger log = LoggerFactory.getLogger(PipelineScenariosIT.class);
    /** A synthetic AWS access key id (passes the rule's entropy check; not a real key). */
    static final String AWS_KEY = "AKIAVQJXXVBOTHD2WTFL";
    /** A synthetic GitHub classic token with a valid checksum. */
    static final String GITHUB_TOKEN = "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";
    private static final Duration WAIT = Duration.ofSeconds(60);
    static final DeviceContext DEVICE = new DeviceContext("dev-laptop-ana", "ana-thinkpad", "linux", "ana",
            "ana@acme.example");

    /** A synthetic AWS key only the privacy-mode scenario sends: no other scenario puts it on a topic in clear. */
    static final String PRIVATE_AWS_KEY = "AKIAR4TWZQ7MXN2KPL5D";

    private Pipeline pipeline;
    private AlertsConsole console;
    private ModelProxy proxy;
    private ModelProxy privateProxy;
    private HookSensor privateSensor;

    /**
     * Model APIs and one documentation site are allowed; every other destination is WARN. 127.0.0.1 is
     * the {@link FakeModelProvider} standing in for api.anthropic.com behind the proxy.
     */
    static Policy policy() {
        return Policy.newBuilder().setPolicyId("default").setVersion(1).setUpdatedAt(Instant.now())
                .setDefaultEffect(Effect.WARN)
                .setAllowedDestinations(List.of("api.anthropic.com", "docs.python.org", "127.0.0.1"))
                .build();
    }

    /** The pipeline the scenarios run on: the in-JVM three-broker cluster. */
    Pipeline startPipeline() throws Exception {
        return Pipeline.start(2, List.of(policy()));
    }

    @BeforeAll
    void start() throws Exception {
        pipeline = startPipeline();
        Path dir = pipeline.workDir();
        console = AlertsConsole.start(pipeline, dir);
        proxy = ModelProxy.start(pipeline, dir.resolve("proxy"), DEVICE, false);
        privateProxy = ModelProxy.start(pipeline, dir.resolve("private-proxy"), DEVICE, true);
        privateSensor = HookSensor.start(dir.resolve("private-sensor"), KafkaEventPublisher.create(
                        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()),
                        pipeline.serdes().valueSerde(Topics.EGRESS_EVENTS).serializer(), Topics.EGRESS_EVENTS.defaultName()),
                "kafka", DEVICE, true);
        String published = OwnCode.indexAndPublish(pipeline, dir.resolve("owncode"));
        assertThat(published).contains("published 2 record(s) and 0 tombstone(s) to dlp-code-index");
        for (TopologyInstance t : pipeline.topologies()) {
            Await.until("the published own-code index in every topology instance", WAIT, () -> t.codeIndexDocuments() == 2);
        }
    }

    @AfterAll
    void stop() throws Exception {
        try (AutoCloseable p = pipeline; AutoCloseable c = console; AutoCloseable x = proxy; AutoCloseable y = privateProxy;
             AutoCloseable z = privateSensor) {
            pipeline = null;
        }
    }

    private static String newSession() {
        return "sess-" + UUID.randomUUID();
    }

    private List<DlpAlert> awaitAlerts(Set<String> sessions, String what, java.util.function.Predicate<List<DlpAlert>> done) {
        pipeline.alerts().awaitRecords(what, WAIT, rs -> done.test(
                new AlertView(rs.stream().map(ConsumerRecord::value).toList()).inSessions(sessions)));
        return new AlertView(pipeline.alerts().values()).inSessions(sessions);
    }

    @Test
    void scenario3_aSensitiveReadThenCurlToAnUnknownHostRaisesASequenceAlert() {
        String session = newSession();
        ClaudeHooks hooks = new ClaudeHooks(DEVICE);
        Map<String, String> v = Map.of("SESSION", session, "PROMPT", UUID.randomUUID().toString());
        List<AgentEgressEvent> read = hooks.events("pretooluse-read-env", v);
        List<AgentEgressEvent> curl = hooks.events("pretooluse-bash-curl-upload", v);
        List<AgentEgressEvent> all = new ArrayList<>(read);
        all.addAll(curl);
        pipeline.publish(all);

        // The curl's own "-d @.env" also counts as a read of .env, so it may raise a second sequence alert:
        // wait for the one about the earlier Read, and check every sequence alert came from the curl.
        List<DlpAlert> alerts = awaitAlerts(Set.of(session), "the sequence alert for the earlier Read",
                as -> as.stream().anyMatch(a -> a.getDetector().equals("sequence")
                        && "/home/dev/repo/.env".equals(a.getAttributes().get("read_path"))));
        log.info("event=scenario3_alerts rules={}", alerts.stream().map(a -> a.getDetector() + "/" + a.getRuleId()).toList());
        List<DlpAlert> sequences = alerts.stream().filter(a -> a.getDetector().equals("sequence")).toList();
        assertThat(sequences).allSatisfy(a -> assertThat(a.getEventIds()).containsExactly(curl.get(0).getEventId()));
        DlpAlert seq = sequences.stream().filter(a -> "/home/dev/repo/.env".equals(a.getAttributes().get("read_path")))
                .findFirst().orElseThrow();
        assertThat(seq.getRuleId()).isEqualTo("sensitive-read-then-egress");
        assertThat(seq.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(seq.getEventIds()).containsExactly(curl.get(0).getEventId());
        assertThat(seq.getAttributes()).containsEntry("read_path", "/home/dev/repo/.env")
                .containsEntry("egress", "destination-not-allowed");
        assertThat(seq.getDestination().getHost()).isEqualTo("paste.example.net");
        assertThat(seq.getSessionId()).isEqualTo(session);
        assertThat(seq.getUserId()).isEqualTo("ana");
    }

    @Test
    void scenario3_anAllowedDestinationAfterASensitiveReadRaisesNoAlert() {
        String session = newSession();
        ClaudeHooks hooks = new ClaudeHooks(DEVICE);
        Map<String, String> v = Map.of("SESSION", session, "PROMPT", UUID.randomUUID().toString(),
                "URL", "https://docs.python.org/3/library/os.html", "KEY", AWS_KEY);
        List<AgentEgressEvent> all = new ArrayList<>(hooks.events("pretooluse-read-env", v));
        all.addAll(hooks.events("pretooluse-webfetch", v));
        // Processed after the fetch (same session, same partition): its alert marks the end of the input.
        List<AgentEgressEvent> marker = hooks.events("prompt-pasted-key", v);
        all.addAll(marker);
        pipeline.publish(all);

        List<DlpAlert> alerts = awaitAlerts(Set.of(session), "the marker alert",
                as -> as.stream().anyMatch(a -> a.getEventIds().contains(marker.get(0).getEventId())));
        assertThat(alerts).extracting(DlpAlert::getDetector).containsExactly("secret");
    }

    @Test
    @Order(1) // event times an hour back: first, before other tests move the partitions' stream time to now
    void scenario3_aVolumeSpikeAboveTheLearnedBaselineRaisesOneAnomalyAlert() {
        String user = "vol-" + UUID.randomUUID();
        String session = newSession();
        Instant t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        List<AgentEgressEvent> events = new ArrayList<>();
        for (int window = 0; window < 4; window++) {
            for (int i = 0; i < 2; i++) {
                events.add(ProxyRequests.modelRequest(user, session, t0.plusSeconds(window * 60L + i),
                        "baseline question " + window + "." + i + " about the build"));
            }
        }
        List<String> spike = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            AgentEgressEvent e = ProxyRequests.modelRequest(user, session, t0.plusSeconds(300L + i),
                    "burst request " + i + " with another chunk of the repository");
            spike.add(e.getEventId());
            events.add(e);
        }
        pipeline.publish(events);

        List<DlpAlert> volume = awaitAlerts(Set.of(session), "the volume alert",
                as -> as.stream().anyMatch(a -> a.getDetector().equals("volume")));
        assertThat(volume).extracting(DlpAlert::getRuleId).containsExactly("events-above-baseline");
        DlpAlert a = volume.get(0);
        assertThat(a.getUserId()).isEqualTo(user);
        assertThat(spike).containsAll(a.getEventIds());
        assertThat(a.getDestination().getHost()).isEqualTo("api.anthropic.com");
    }

    @Test
    void scenario1_aClaudeCodeSessionPastingACloudKeyRaisesOneSecretAlertWithRedactedEvidence() {
        String session = newSession();
        ClaudeHooks hooks = new ClaudeHooks(DEVICE);
        Map<String, String> v = Map.of("SESSION", session, "PROMPT", UUID.randomUUID().toString(), "KEY", AWS_KEY);
        List<AgentEgressEvent> events = new ArrayList<>();
        events.addAll(hooks.events("session-start", v));
        events.addAll(hooks.events("prompt-benign", v));
        List<AgentEgressEvent> pasted = hooks.events("prompt-pasted-key", v);
        events.addAll(pasted);
        events.addAll(hooks.events("pretooluse-bash", Map.of("SESSION", session, "PROMPT", UUID.randomUUID().toString())));
        assertThat(pasted).hasSize(1);

        long sent = System.nanoTime();
        pipeline.publish(events);
        List<DlpAlert> alerts = awaitAlerts(Set.of(session), "the secret alert", as -> !as.isEmpty());
        log.info("event=scenario1_alert_latency ms={}", Duration.ofNanos(System.nanoTime() - sent).toMillis());

        assertThat(alerts).hasSize(1);
        DlpAlert a = alerts.get(0);
        assertThat(a.getDetector()).isEqualTo("secret");
        assertThat(a.getRuleId()).isEqualTo("aws-access-key-id");
        assertThat(a.getSeverity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(a.getSessionId()).isEqualTo(session);
        assertThat(a.getDeviceId()).isEqualTo("dev-laptop-ana");
        assertThat(a.getUserId()).isEqualTo("ana");
        assertThat(a.getUserEmail()).isEqualTo("ana@acme.example");
        assertThat(a.getAgentName()).isEqualTo("claude-code");
        assertThat(a.getOccurrenceCount()).isEqualTo(1);
        assertThat(a.getEventIds()).containsExactly(pasted.get(0).getEventId());
        assertThat(a.getEvidence()).hasSize(1);
        Finding f = a.getEvidence().get(0);
        assertThat(f.getRuleId()).isEqualTo("aws-access-key-id");
        assertThat(f.getRedactedPreview()).isNotBlank().doesNotContain(AWS_KEY).startsWith("AKIA");
        assertThat(f.getKeyedHash()).hasSize(64);
        assertThat(a.toString()).doesNotContain(AWS_KEY);

        // The alerts service shows it in the console and delivers it to the SIEM webhook, with the same content.
        Await.until("the alert in the console and at the webhook", WAIT, () -> !console.webhook().of(a.getAlertId()).isEmpty()
                && console.service().store().get(a.getAlertId()).isPresent());
        assertThat(console.service().store().get(a.getAlertId()).orElseThrow().alert()).isEqualTo(a);
        WebhookReceiver.Delivery d = console.webhook().of(a.getAlertId()).get(0);
        assertThat(d.deliveryId()).isEqualTo(a.getAlertId() + "/1");
        assertThat(d.body()).contains("\"type\":\"agentdlp.alert\"").contains(session).contains("aws-access-key-id")
                .contains(f.getRedactedPreview()).doesNotContain(AWS_KEY);
    }

    @Test
    void scenario2_anEditedExcerptOfIndexedOwnCodeSentThroughTheProxyRaisesACodeAlertNamingRepoPathAndLines() {
        String session = newSession();
        String excerpt = OwnCode.editedExcerpt(OwnCode.RECONCILER, 26, 49,
                Map.of("breaks", "found", "settledTotal", "total", "booked", "entry"));
        String turn = "This reconciliation loop is slow on big settlement files, can you make it faster?\n```java\n"
                + excerpt + "\n```";
        assertThat(proxy.sendUserTurn(session, turn)).isEqualTo(200);
        assertThat(proxy.provider().bodies()).anyMatch(b -> b.contains("reconciliation loop"));

        AgentEgressEvent sent = awaitEvent(session, e -> e.getContent() != null && e.getContent().getText() != null
                && e.getContent().getText().equals(turn));
        List<DlpAlert> alerts = awaitAlerts(Set.of(session), "the own-code alert",
                as -> as.stream().anyMatch(a -> a.getDetector().equals("code-fingerprint")));
        log.info("event=scenario2_alerts rules={}", alerts.stream().map(a -> a.getDetector() + "/" + a.getRuleId()).toList());
        assertThat(alerts).extracting(a -> a.getDetector() + "/" + a.getRuleId()).containsExactly("code-fingerprint/own-code");
        DlpAlert code = onlyCodeAlert(alerts);
        assertCodeMatch(code, OwnCode.RECONCILER, 26, 49);
        assertThat(code.getEventIds()).containsExactly(sent.getEventId());
        assertThat(code.getOccurrenceCount()).isEqualTo(1);
        assertThat(code.getSessionId()).isEqualTo(session);
        assertThat(code.getDeviceId()).isEqualTo("dev-laptop-ana");
        assertThat(code.getUserId()).isEqualTo("ana");
        assertThat(code.getAgentName()).isEqualTo("claude-code");
        assertThat(code.toString()).doesNotContain(OwnCode.distinctiveLines(excerpt).toArray(String[]::new));

        Await.until("the code alert at the webhook", WAIT, () -> !console.webhook().of(code.getAlertId()).isEmpty());
        assertThat(console.webhook().of(code.getAlertId()).get(0).body()).contains(OwnCode.REPO).contains(OwnCode.RECONCILER);
    }

    @Test
    void scenario4_privacyModeKeepsRawContentOffEveryTopicYetTheOwnCodeAlertFires() throws Exception {
        String sensorSession = newSession();
        String proxySession = newSession();
        String excerpt = OwnCode.editedExcerpt(OwnCode.PARSER, 23, 43,
                Map.of("lineNumber", "lineNo", "record", "row", "lines", "parsed"));
        String prompt = "The parser rejects the new SETL-7 files; the drop uses aws key " + PRIVATE_AWS_KEY
                + ". What is wrong?\n```java\n" + excerpt + "\n```";
        assertThat(privateSensor.postClaudeHook("prompt-text", Map.of("SESSION", sensorSession,
                "PROMPT", UUID.randomUUID().toString(), "TEXT", ClaudeHooks.jsonText(prompt)))).isEqualTo(200);
        assertThat(privateProxy.sendUserTurn(proxySession, prompt)).isEqualTo(200);

        for (String session : List.of(sensorSession, proxySession)) {
            AgentEgressEvent sent = awaitEvent(session, e -> e.getFingerprints() != null && e.getContent() != null
                    && e.getContent().getBytes() == prompt.getBytes(StandardCharsets.UTF_8).length);
            assertThat(sent.getPrivacyMode()).isTrue();
            assertThat(sent.getContent().getText()).isNull();
            // The key is found before the text leaves the machine: its alert comes from the sensor's or proxy's findings.
            List<DlpAlert> alerts = awaitAlerts(Set.of(session), "the own-code and secret alerts from fingerprints and findings",
                    as -> as.stream().anyMatch(a -> a.getDetector().equals("code-fingerprint"))
                            && as.stream().anyMatch(a -> a.getDetector().equals("secret")));
            log.info("event=scenario4_alerts source={} rules={}", sent.getSource(),
                    alerts.stream().map(a -> a.getDetector() + "/" + a.getRuleId()).toList());
            assertThat(alerts).extracting(a -> a.getDetector() + "/" + a.getRuleId())
                    .containsExactlyInAnyOrder("code-fingerprint/own-code", "secret/aws-access-key-id");
            DlpAlert code = onlyCodeAlert(alerts);
            assertCodeMatch(code, OwnCode.PARSER, 23, 43);
            assertThat(code.getEventIds()).containsExactly(sent.getEventId());
            assertThat(code.getSessionId()).isEqualTo(session);
            DlpAlert key = alerts.stream().filter(a -> a.getDetector().equals("secret")).findFirst().orElseThrow();
            assertThat(key.getEventIds()).containsExactly(sent.getEventId());
            assertThat(key.getEvidence()).singleElement().satisfies(f -> assertThat(f.getRedactedPreview())
                    .startsWith("AKIA").doesNotContain(PRIVATE_AWS_KEY));
        }

        // No raw content anywhere: every record of every topic, internal ones included.
        List<String> planted = new ArrayList<>(OwnCode.distinctiveLines(excerpt));
        planted.add(PRIVATE_AWS_KEY);
        PlantedSecrets raw = new PlantedSecrets(planted);
        Set<String> topics;
        try (Admin admin = Admin.create(pipeline.clientConfig())) {
            topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        }
        assertThat(topics).contains(Topics.EGRESS_EVENTS.defaultName(), Topics.CODE_INDEX.defaultName(),
                Topics.ALERTS.defaultName());
        for (String topic : topics) {
            try (var records = new TopicLog<>(pipeline.clientConfig(), topic, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                raw.assertAbsentFromAny(topic, records.readToEnd(WAIT));
            }
        }
    }

    private AgentEgressEvent awaitEvent(String session, java.util.function.Predicate<AgentEgressEvent> which) {
        java.util.function.Supplier<List<AgentEgressEvent>> matching = () -> pipeline.egressEvents().stream()
                .filter(e -> session.equals(e.getSessionId()) && which.test(e)).toList();
        Await.until("the event of session " + session + " on " + Topics.EGRESS_EVENTS.defaultName(), WAIT,
                () -> !matching.get().isEmpty());
        List<AgentEgressEvent> found = matching.get();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static DlpAlert onlyCodeAlert(List<DlpAlert> alerts) {
        List<DlpAlert> code = alerts.stream().filter(a -> a.getDetector().equals("code-fingerprint")).toList();
        assertThat(code).hasSize(1);
        return code.get(0);
    }

    /** The match names the repo, the file and exactly the excerpt's source lines, on more than threshold evidence. */
    private static void assertCodeMatch(DlpAlert code, String path, int firstLine, int lastLine) {
        CodeMatch m = code.getCodeMatch();
        assertThat(m).isNotNull();
        log.info("event=code_match path={} source_lines={}-{} probe_lines={}-{} similarity={} fingerprints={}", m.getSourcePath(),
                m.getSourceStartLine(), m.getSourceEndLine(), m.getProbeStartLine(), m.getProbeEndLine(), m.getSimilarity(),
                m.getMatchedFingerprints());
        assertThat(m.getRepo()).isEqualTo(OwnCode.REPO);
        assertThat(m.getSourcePath()).isEqualTo(path);
        assertThat(m.getSourceStartLine()).isEqualTo(firstLine);
        assertThat(m.getSourceEndLine()).isEqualTo(lastLine);
        assertThat(m.getMatchedFingerprints()).isGreaterThanOrEqualTo(MatchThresholds.DEFAULT.minRenamedFingerprints());
    }

    @Test
    void scenario5_theSameConversationResentTenTimesIsOneAlertCountingEveryRequest() {
        String session = newSession();
        Instant t0 = Instant.now();
        String history = "user: our CI token is " + GITHUB_TOKEN + " can you wire it into the workflow?\n";
        List<AgentEgressEvent> requests = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            history += "assistant: step " + i + " done, next I will update the workflow file section " + i + "\n";
            requests.add(ProxyRequests.modelRequest(session, t0.plusSeconds(i), history));
        }
        // A retry of the last request (same body, new request id) is duplicate content, not another leak.
        AgentEgressEvent retry = ProxyRequests.modelRequest(session, t0.plusSeconds(11), history);
        // Same session (same partition, processed after the retry): its alert marks the end of the input.
        AgentEgressEvent marker = ProxyRequests.modelRequest(session, t0.plusSeconds(12), "aws key " + AWS_KEY);
        List<AgentEgressEvent> all = new ArrayList<>(requests);
        all.add(retry);
        all.add(marker);
        pipeline.publish(all);

        List<String> requestIds = requests.stream().map(AgentEgressEvent::getEventId).toList();
        List<DlpAlert> alerts = awaitAlerts(Set.of(session), "both alerts with their final counts", as -> as.size() == 2
                && as.stream().anyMatch(a -> a.getRuleId().equals("aws-access-key-id"))
                && as.stream().anyMatch(a -> a.getOccurrenceCount() >= 10));
        DlpAlert token = alerts.stream().filter(a -> a.getRuleId().equals("github-pat-classic")).findFirst().orElseThrow();
        assertThat(token.getOccurrenceCount()).isEqualTo(10);
        assertThat(token.getEventIds()).containsExactlyInAnyOrderElementsOf(requestIds).doesNotContain(retry.getEventId());
        assertThat(token.getFirstSeen()).isEqualTo(requests.get(0).getEventTime());
        assertThat(token.getLastSeen()).isEqualTo(requests.get(9).getEventTime());
        DlpAlert key = alerts.stream().filter(a -> a.getRuleId().equals("aws-access-key-id")).findFirst().orElseThrow();
        assertThat(key.getEventIds()).containsExactly(marker.getEventId());
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithReasonsAndThePipelineContinues() throws Exception {
        String session = newSession();
        String key = ProxyRequests.DEVICE + ":" + session;
        byte[] garbage = "not avro at all: {\"prompt\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
        byte[] unknownSchemaId = {0, 0x7f, 0x7f, 0x7f, 0x7f, 2, 4, 6, 8};
        try (var raw = new KafkaProducer<byte[], byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                pipeline.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            raw.send(new ProducerRecord<>(Topics.EGRESS_EVENTS.defaultName(), k, garbage));
            raw.send(new ProducerRecord<>(Topics.EGRESS_EVENTS.defaultName(), k, unknownSchemaId));
            raw.flush();
        }
        // Larger than the topology's scan limit (1 MiB) but within the topic's 2 MiB record limit.
        String oversized = "export AWS_ACCESS_KEY_ID=" + AWS_KEY + "\n" + "x".repeat(1_200_000) + "\n" + GITHUB_TOKEN;
        AgentEgressEvent big = ProxyRequests.modelRequest(session, Instant.now(), oversized);
        AgentEgressEvent after = ProxyRequests.modelRequest(session, Instant.now().plusSeconds(1), "and the token " + GITHUB_TOKEN);
        pipeline.publish(List.of(big, after));

        List<ConsumerRecord<byte[], byte[]>> dead = pipeline.deadLetters().awaitRecords("both poison records dead-lettered", WAIT,
                rs -> rs.stream().filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8))).count() >= 2)
                .stream().filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8))).toList();
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(dead.get(1).value()).isEqualTo(unknownSchemaId);
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            Map<String, String> h = headers(r);
            assertThat(h).containsEntry(DeadLetters.REASON, "deserialization-failed")
                    .containsEntry(DeadLetters.SOURCE_TOPIC, Topics.EGRESS_EVENTS.defaultName())
                    .containsKeys(DeadLetters.EXCEPTION_CLASS, DeadLetters.SOURCE_PARTITION, DeadLetters.SOURCE_OFFSET);
            assertThat(String.join(" ", h.values())).doesNotContain(GITHUB_TOKEN);
        }

        // The pipeline went on: the oversized event was scanned up to the limit, the next one in full.
        List<DlpAlert> alerts = awaitAlerts(Set.of(session), "alerts after the poison records",
                as -> as.stream().anyMatch(a -> a.getEventIds().contains(after.getEventId())));
        DlpAlert key1 = alerts.stream().filter(a -> a.getRuleId().equals("aws-access-key-id")).findFirst().orElseThrow();
        assertThat(key1.getEventIds()).containsExactly(big.getEventId());
        assertThat(key1.getContentTruncated()).isTrue();
        DlpAlert token = alerts.stream().filter(a -> a.getRuleId().equals("github-pat-classic")).findFirst().orElseThrow();
        assertThat(token.getEventIds()).containsExactly(after.getEventId());
        assertThat(alerts).hasSize(2);
    }

    @Test
    @Order(Integer.MAX_VALUE) // after every scenario planted its secrets
    void noPlantedSecretValueAppearsInAlertsDeadLettersLogsOrMetrics() throws Exception {
        PlantedSecrets planted = new PlantedSecrets(List.of(AWS_KEY, GITHUB_TOKEN, PRIVATE_AWS_KEY));
        try (var alertBytes = new TopicLog<>(pipeline.clientConfig(), Topics.ALERTS.defaultName(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            planted.assertAbsentFromRecords(Topics.ALERTS.defaultName(), alertBytes.readToEnd(WAIT));
        }
        planted.assertAbsentFromRecords(Topics.DEAD_LETTER.defaultName(), pipeline.deadLetters().readToEnd(WAIT));
        Path logs = Path.of("target", "it-logs", "it-tests.log");
        assertThat(logs).exists();
        planted.assertAbsent("the captured logs", Files.readString(logs));
        assertThat(console.webhook().deliveries()).isNotEmpty();
        for (WebhookReceiver.Delivery d : console.webhook().deliveries()) {
            planted.assertAbsent("the webhook delivery " + d.deliveryId(), d.body());
        }
        String alertsMetrics = console.service().metrics().scrape();
        assertThat(alertsMetrics).contains("agentdlp_alerts_received_total");
        planted.assertAbsent("the alerts service metrics", alertsMetrics);
        for (TopologyInstance t : pipeline.topologies()) {
            String metrics = t.scrape();
            assertThat(metrics).contains("kafka_stream_thread_process_total");
            planted.assertAbsent("the metrics output", metrics);
        }
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> m = new TreeMap<>();
        for (Header h : r.headers()) {
            m.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return m;
    }
}
