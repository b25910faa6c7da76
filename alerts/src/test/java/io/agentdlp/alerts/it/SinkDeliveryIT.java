package io.agentdlp.alerts.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentdlp.alerts.AlertsService;
import io.agentdlp.alerts.Eventually;
import io.agentdlp.alerts.TestAlerts;
import io.agentdlp.alerts.config.Settings;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.sink.DeadLetterPublisher;
import io.agentdlp.alerts.sink.SinkStatus;
import io.agentdlp.avro.Severity;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Sinks against real endpoints over a real broker: isolation of a failing sink, retries, dead letters. */
@ExtendWith(KafkaStack.class)
class SinkDeliveryIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aDownEndpointDoesNotStopTheOthersAndGetsEverythingOnceItIsBack() throws Exception {
        KafkaStack stack = KafkaStack.get();
        Map<String, String> topics = stack.topics();
        Path ocsfFile = dir.resolve("ocsf/alerts.ndjson");
        try (HttpReceiver up = HttpReceiver.onFreePort(200).start();
             HttpReceiver down = HttpReceiver.onFreePort(200);
             KafkaStack.AlertProducer producer = stack.alertProducer(topics)) {
            Map<String, String> s = stack.baseSettings(topics);
            s.put("alerts.auth.users-file", TestUsers.create().toString());
            s.put("alerts.sinks", "up,down,file");
            s.put("alerts.sink.up.type", "webhook");
            s.put("alerts.sink.up.url", up.url("/hook"));
            s.put("alerts.sink.up.secret", "shared-webhook-secret");
            s.put("alerts.sink.down.type", "webhook");
            s.put("alerts.sink.down.url", down.url("/hook"));
            s.put("alerts.sink.down.retry.initial-delay", "100ms");
            s.put("alerts.sink.down.retry.max-delay", "500ms");
            s.put("alerts.sink.down.retry.max-attempts", "1000");
            s.put("alerts.sink.file.type", "ocsf-file");
            s.put("alerts.sink.file.path", ocsfFile.toString());
            s.put("alerts.sinks.group-prefix", "g-" + topics.get("topic.alerts"));
            try (AlertsService service = AlertsService.start(new Settings(s), Clock.systemUTC(), System.out)) {
                Instant t = Instant.now();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    String id = "down-test-" + i;
                    ids.add(id);
                    producer.send(TestAlerts.secret(id, Severity.HIGH, "alert " + i, t.plusMillis(i), "s-1"));
                }

                Eventually.await("the healthy webhook gets all five alerts", WAIT,
                        () -> alertIds(up).containsAll(ids));
                Eventually.await("the file sink writes all five findings", WAIT,
                        () -> lines(ocsfFile) >= 5);
                Eventually.await("the down sink has failed at least twice", WAIT,
                        () -> status(service, "down").lastError() != null
                                && service.metrics().sink("down", "webhook").failureCount() >= 2);
                SinkStatus downStatus = status(service, "down");
                assertThat(downStatus.delivered()).isZero();
                assertThat(downStatus.deadLettered()).isZero();
                assertThat(downStatus.lastError()).as("errors name the origin, never the URL path")
                        .contains("ConnectException").doesNotContain("/hook");

                down.start();
                Eventually.await("the recovered webhook gets all five alerts", WAIT,
                        () -> alertIds(down).containsAll(ids));
                assertThat(status(service, "down").deadLettered()).isZero();
                assertThat(alertIds(up)).containsAll(ids);

                HttpReceiver.Received first = up.requests().get(0);
                assertThat(first.headers().get("X-agentdlp-signature")).singleElement().satisfies(sig ->
                        assertThat(sig).isEqualTo("sha256=" + io.agentdlp.alerts.sink.output.WebhookSink.sign(
                                "shared-webhook-secret".getBytes(StandardCharsets.UTF_8),
                                first.body().getBytes(StandardCharsets.UTF_8))));
                assertThat(Files.readString(ocsfFile)).contains("\"class_uid\":2006")
                        .doesNotContain(TestAlerts.RAW_SECRET);
            }
        }
    }

    @Test
    void rejectedAndUndecodableAlertsAreDeadLetteredWithReasons() throws Exception {
        KafkaStack stack = KafkaStack.get();
        Map<String, String> topics = stack.topics();
        try (HttpReceiver rejecting = HttpReceiver.onFreePort(400).start();
             KafkaStack.AlertProducer producer = stack.alertProducer(topics)) {
            Map<String, String> s = stack.baseSettings(topics);
            s.put("alerts.auth.users-file", TestUsers.create().toString());
            s.put("alerts.sinks", "strict");
            s.put("alerts.sink.strict.type", "webhook");
            s.put("alerts.sink.strict.url", rejecting.url("/hook"));
            s.put("alerts.sinks.group-prefix", "g-" + topics.get("topic.alerts"));
            try (AlertsService service = AlertsService.start(new Settings(s), Clock.systemUTC(), System.out)) {
                producer.send(TestAlerts.secret("rejected-1", Severity.HIGH, "rejected", Instant.now(), "s-2"));
                producer.sendRaw("garbage-1", new byte[] {0, 0, 0, 0, 42, 1, 2, 3});

                String dlq = new TopicNames(topics).name(Topics.DEAD_LETTER);
                List<ConsumerRecord<byte[], byte[]>> dead = stack.readAll(dlq, 2, WAIT);
                Map<String, Map<String, String>> byKey = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> r : dead) {
                    Map<String, String> h = new HashMap<>();
                    r.headers().forEach(x -> h.put(x.key(), new String(x.value(), StandardCharsets.UTF_8)));
                    byKey.put(new String(r.key(), StandardCharsets.UTF_8), h);
                }
                assertThat(byKey.get("rejected-1"))
                        .hasEntrySatisfying(DeadLetterPublisher.REASON, v -> assertThat(v).endsWith("status=400"))
                        .containsEntry(DeadLetterPublisher.COMPONENT, "alerts-sink:strict")
                        .containsEntry(DeadLetterPublisher.ATTEMPTS, "1")
                        .containsKey(DeadLetterPublisher.SOURCE_OFFSET);
                assertThat(byKey.get("garbage-1")).containsEntry(DeadLetterPublisher.REASON, "undecodable record")
                        .containsKey(DeadLetterPublisher.EXCEPTION);
                assertThat(status(service, "strict").deadLettered()).isEqualTo(2);
            }
        }
    }

    private static SinkStatus status(AlertsService service, String name) {
        return service.sinkStatuses().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    private static Set<String> alertIds(HttpReceiver r) {
        return r.requests().stream().map(x -> {
            try {
                JsonNode n = AlertJson.MAPPER.readTree(x.body());
                return n.path("alert").path("alert_id").asText();
            } catch (java.io.IOException e) {
                throw new AssertionError("webhook body is not JSON", e);
            }
        }).collect(Collectors.toSet());
    }

    private static long lines(Path f) {
        try {
            return Files.exists(f) ? Files.readAllLines(f).size() : 0;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
