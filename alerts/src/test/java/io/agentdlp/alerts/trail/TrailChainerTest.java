package io.agentdlp.alerts.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.sink.format.ProductInfo;
import io.agentdlp.audit.AuditTrailVerifier;
import io.agentdlp.audit.AuditVerification;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.EventKind;
import io.agentdlp.serde.AvroClassTrust;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrailChainerTest {
    private static final ProductInfo PRODUCT = new ProductInfo("agentdlp", "agentdlp", "test");
    private TopicSerdes serdes;
    private TopologyTestDriver driver;
    private TestInputTopic<String, AgentEgressEvent> events;
    private TestOutputTopic<String, String> trail;

    @BeforeEach
    void setUp() {
        AvroClassTrust.trustGenerated();
        serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", "mock://trail-" + UUID.randomUUID()));
    }

    private void start(TrailPolicy policy) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "trail-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(TrailChainer.topology("events", "trail", serdes,
                new OcsfActivityMapper(PRODUCT, policy), policy), p, Instant.parse("2026-11-24T05:00:00Z"));
        events = driver.createInputTopic("events", Serdes.String().serializer(),
                serdes.valueSerde(Topics.EGRESS_EVENTS).serializer());
        trail = driver.createOutputTopic("trail", Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
        serdes.close();
    }

    private static AuditVerification verify(List<String> lines) throws IOException {
        return new AuditTrailVerifier().verify(new BufferedReader(new StringReader(String.join("\n", lines))));
    }

    private static AgentEgressEvent inSession(AgentEgressEvent e, String session) {
        return AgentEgressEvent.newBuilder(e).setSessionId(session).setEventId(e.getEventId() + "@" + session).build();
    }

    @Test
    void everyActionOfInterleavedSessionsIsChainedAndTheExportVerifies() throws IOException {
        start(TrailPolicy.defaults());
        for (AgentEgressEvent e : TrailEvents.session()) {
            events.pipeInput("dev-7:sess-1", e);
            AgentEgressEvent other = inSession(e, "sess-2");
            events.pipeInput("dev-7:sess-2", other);
        }
        List<String> lines = new ArrayList<>();
        List<Long> seqOfSession1 = new ArrayList<>();
        for (var kv : trail.readKeyValuesToList()) {
            lines.add(kv.value);
            JsonNode r = AlertJson.MAPPER.readTree(kv.value);
            assertThat(r.path("unmapped").path("agentdlp.chain.session").asText()).isEqualTo(kv.key);
            if (kv.key.equals("dev-7:sess-1")) {
                seqOfSession1.add(r.path("unmapped").path("agentdlp.chain.seq").asLong());
            }
            assertThat(kv.value).doesNotContain(TrailEvents.RAW);
        }
        assertThat(lines).hasSize(14);
        assertThat(seqOfSession1).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        AuditVerification v = verify(lines);
        assertThat(v.intact()).as("violations %s", v.violations()).isTrue();
        assertThat(v.sessions()).isEqualTo(2);
        assertThat(v.partialStarts()).isEmpty();

        // the shell command of session 1 (5th line) rewritten to look like a harmless read
        lines.set(4, lines.get(4).replace("\"Bash\"", "\"Read\""));
        AuditVerification tampered = verify(lines);
        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.violations()).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(5));
    }

    @Test
    void kindsOutsideThePolicyAreNotRecordedAndDoNotBreakTheChain() throws IOException {
        start(new TrailPolicy(Set.of(EventKind.tool_call, EventKind.file_read), TrailPolicy.PathMode.FULL,
                TrailPolicy.UrlMode.FULL, true, Duration.ofDays(1)));
        TrailEvents.session().forEach(e -> events.pipeInput("dev-7:sess-1", e));
        List<String> lines = trail.readValuesToList();
        assertThat(lines).extracting(l -> AlertJson.MAPPER.readTree(l).path("metadata").path("uid").asText())
                .containsExactly("ev-file", "ev-shell", "ev-mcp");
        assertThat(verify(lines).intact()).isTrue();
    }

    @Test
    void aSessionIdleLongerThanTheRetentionStartsANewChain() throws IOException {
        start(new TrailPolicy(Set.of(), TrailPolicy.PathMode.FULL, TrailPolicy.UrlMode.FULL, true, Duration.ofHours(2)));
        events.pipeInput("dev-7:sess-1", TrailEvents.fileRead());
        driver.advanceWallClockTime(Duration.ofHours(1));
        events.pipeInput("dev-7:sess-1", TrailEvents.shell());
        driver.advanceWallClockTime(Duration.ofHours(3));
        events.pipeInput("dev-7:sess-1", TrailEvents.http());
        List<Long> seqs = new ArrayList<>();
        for (String l : trail.readValuesToList()) {
            seqs.add(AlertJson.MAPPER.readTree(l).path("unmapped").path("agentdlp.chain.seq").asLong());
        }
        assertThat(seqs).containsExactly(1L, 2L, 1L);
    }

    @Test
    void anEventWithoutKeyIsChainedUnderItsDeviceAndSession() throws IOException {
        start(TrailPolicy.defaults());
        events.pipeInput((String) null, TrailEvents.shell());
        assertThat(trail.readKeyValue().key).isEqualTo("dev-7:sess-1");
    }
}
