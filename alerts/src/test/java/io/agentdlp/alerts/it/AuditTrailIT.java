package io.agentdlp.alerts.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentdlp.alerts.AlertsService;
import io.agentdlp.alerts.Eventually;
import io.agentdlp.alerts.config.Settings;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.trail.TrailEvents;
import io.agentdlp.audit.AuditTrailVerifier;
import io.agentdlp.audit.AuditVerification;
import io.agentdlp.avro.AgentEgressEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail through a real broker: agent events in, chained OCSF activities out of the trail
 * topic, exported through the webhook, Splunk HEC and file transports; every exported copy verifies.
 */
@ExtendWith(KafkaStack.class)
class AuditTrailIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void everyAgentActionIsExportedChainedAndRedactedThroughEachTransport() throws Exception {
        KafkaStack stack = KafkaStack.get();
        Map<String, String> topics = stack.topics();
        String prefix = topics.get("topic.egress-events");
        String trailTopic = prefix + "-trail";
        String appId = "trail-" + prefix;
        Path file = dir.resolve("trail/audit.ndjson");
        try (HttpReceiver hook = HttpReceiver.onFreePort(200).start();
             HttpReceiver hec = HttpReceiver.onFreePort(200).start()) {
            Map<String, String> s = stack.baseSettings(topics);
            s.put("alerts.auth.users-file", TestUsers.create().toString());
            s.put("alerts.topics.create", "true");
            s.put("alerts.trail.enabled", "true");
            s.put("alerts.trail.topic", trailTopic);
            s.put("alerts.trail.application-id", appId);
            s.put("alerts.trail.state-dir", dir.resolve("state").toString());
            s.put("alerts.trail.retention", "30d");
            s.put("alerts.trail.sinks", "hook,splunk,file");
            s.put("alerts.trail.sink.hook.type", "webhook");
            s.put("alerts.trail.sink.hook.url", hook.url("/audit"));
            s.put("alerts.trail.sink.splunk.type", "splunk-hec");
            s.put("alerts.trail.sink.splunk.url", hec.url("/"));
            s.put("alerts.trail.sink.splunk.token", "hec-token");
            s.put("alerts.trail.sink.file.type", "ocsf-file");
            s.put("alerts.trail.sink.file.path", file.toString());
            try (AlertsService service = AlertsService.start(new Settings(s), Clock.systemUTC(), System.out)) {
                for (AgentEgressEvent e : TrailEvents.session()) {
                    stack.sendEvent(topics, e);
                }
                Eventually.await("the file sink holds all seven actions", WAIT, () -> lines(file).size() >= 7);
                Eventually.await("the webhook got all seven actions", WAIT, () -> bodyLines(hook).size() >= 7);
                Eventually.await("Splunk HEC got all seven actions", WAIT, () -> bodyLines(hec).size() >= 7);
                assertThat(service.trailHealthy()).isTrue();

                List<String> fromFile = lines(file);
                assertThat(fromFile).hasSize(7);
                assertThat(classes(fromFile)).containsExactly(6002, 1001, 1007, 4001, 4002, 6003, 6003);
                assertIntact(fromFile);
                assertThat(bodyLines(hook)).containsExactlyElementsOf(fromFile);
                assertIntact(bodyLines(hook));
                List<String> splunkEvents = new ArrayList<>();
                for (String envelope : bodyLines(hec)) {
                    splunkEvents.add(AlertJson.MAPPER.readTree(envelope).path("event").toString());
                }
                assertIntact(splunkEvents);
                assertThat(hec.requests().get(0).headers().get("Authorization")).containsExactly("Splunk hec-token");
                for (String line : fromFile) {
                    assertThat(line).doesNotContain(TrailEvents.RAW);
                }
                for (var r : stack.readAll(trailTopic, 7, WAIT)) {
                    assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain(TrailEvents.RAW);
                }

                List<String> tampered = new ArrayList<>(fromFile);
                tampered.set(2, tampered.get(2).replace("\"tu-2\"", "\"tu-9\""));
                AuditVerification v = verify(tampered);
                assertThat(v.intact()).isFalse();
                assertThat(v.violations()).singleElement().satisfies(x -> {
                    assertThat(x.line()).isEqualTo(3);
                    assertThat(x.recordId()).isEqualTo("ev-shell");
                });

                try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrap()))) {
                    ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, trailTopic);
                    assertThat(admin.describeConfigs(List.of(res)).all().get().get(res).get("retention.ms").value())
                            .isEqualTo(String.valueOf(Duration.ofDays(30).toMillis()));
                    Set<String> groups = admin.listConsumerGroups().all().get().stream()
                            .map(ConsumerGroupListing::groupId).collect(Collectors.toSet());
                    assertThat(groups).contains(appId, appId + "-sink-hook", appId + "-sink-splunk", appId + "-sink-file");
                }
            }
        }
    }

    @Test
    void withoutTopicCreationAndWithoutTheTrailTopicTheConsoleStartsWithoutTheWriter() throws Exception {
        KafkaStack stack = KafkaStack.get();
        Map<String, String> topics = stack.topics();
        String trailTopic = topics.get("topic.egress-events") + "-missing-trail";
        Map<String, String> s = stack.baseSettings(topics);
        s.put("alerts.auth.users-file", TestUsers.create().toString());
        s.put("alerts.trail.enabled", "true");
        s.put("alerts.trail.topic", trailTopic);
        try (AlertsService service = AlertsService.start(new Settings(s), Clock.systemUTC(), System.out);
             Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrap()))) {
            assertThat(service.trailHealthy()).isTrue();
            assertThat(admin.listTopics().names().get()).doesNotContain(trailTopic);
        }
    }

    private static void assertIntact(List<String> lines) throws IOException {
        AuditVerification v = verify(lines);
        assertThat(v.intact()).as("violations %s", v.violations()).isTrue();
        assertThat(v.records()).isEqualTo(7);
        assertThat(v.sessions()).isEqualTo(1);
        assertThat(v.partialStarts()).isEmpty();
    }

    private static AuditVerification verify(List<String> lines) throws IOException {
        return new AuditTrailVerifier().verify(new BufferedReader(new StringReader(String.join("\n", lines))));
    }

    private static List<Integer> classes(List<String> lines) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (String l : lines) {
            JsonNode n = AlertJson.MAPPER.readTree(l);
            out.add(n.path("class_uid").asInt());
        }
        return out;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> bodyLines(HttpReceiver r) {
        List<String> out = new ArrayList<>();
        for (HttpReceiver.Received req : r.requests()) {
            req.body().lines().filter(l -> !l.isBlank()).forEach(out::add);
        }
        return out;
    }
}
