package io.agentdlp.alerts.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.RandomEvents;
import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.alerts.sink.format.ProductInfo;
import io.agentdlp.audit.AuditChain;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.EventKind;
import io.agentdlp.registry.client.MockSchemaRegistry;
import io.agentdlp.serde.AvroClassTrust;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The trail topology, which reads event metadata, writes byte for byte what the trail wrote when it
 * decoded whole events: {@link OcsfActivityMapperReference} (the mapper before the change) over Avro's
 * whole events, chained and serialised as {@link ChainProcessor} does, on thousands of random events of
 * interleaved sessions (every kind and tool category, http, https and other URLs, lifecycle hooks, HTTP
 * methods, findings, nulls, unicode, lone surrogates, large content) under the default and a strict policy.
 */
class TrailOutputEquivalenceTest {
    private static final ProductInfo PRODUCT = new ProductInfo("agentdlp", "agentdlp", "test");
    private final String scope = "trail-equivalence-" + UUID.randomUUID();
    private final TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", "mock://" + scope));
    private TopologyTestDriver driver;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
        serdes.close();
        MockSchemaRegistry.drop(scope);
    }

    @Test
    void defaultPolicyWritesWhatTheWholeEventMapperWrote() throws JsonProcessingException {
        assertSameTrail(TrailPolicy.defaults(), 6_000, 20261125);
    }

    @Test
    void strictPolicyWritesWhatTheWholeEventMapperWrote() throws JsonProcessingException {
        assertSameTrail(new TrailPolicy(Set.of(EventKind.file_read, EventKind.tool_call, EventKind.network_request,
                EventKind.session), TrailPolicy.PathMode.NAME, TrailPolicy.UrlMode.HOST, false, Duration.ofDays(30)), 3_000, 11);
        driver.close();
        driver = null;
        assertSameTrail(new TrailPolicy(Set.of(), TrailPolicy.PathMode.OMIT, TrailPolicy.UrlMode.HOST, true,
                Duration.ofDays(30)), 3_000, 12);
    }

    private void assertSameTrail(TrailPolicy policy, int events, long seed) throws JsonProcessingException {
        AvroClassTrust.trustGenerated();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "trail-equivalence");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(TrailChainer.topology("events", "trail", serdes, new OcsfActivityMapper(PRODUCT, policy),
                policy), p, Instant.parse("2026-11-25T10:00:00Z"));
        TestInputTopic<String, byte[]> in = driver.createInputTopic("events", Serdes.String().serializer(), new ByteArraySerializer());
        TestOutputTopic<String, byte[]> out = driver.createOutputTopic("trail", Serdes.String().deserializer(),
                new ByteArrayDeserializer());
        OcsfActivityMapperReference reference = new OcsfActivityMapperReference(PRODUCT, policy);
        Map<String, long[]> seqs = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        Random rnd = new Random(seed);
        int written = 0;
        for (int i = 0; i < events; i++) {
            AgentEgressEvent event = RandomEvents.event(rnd);
            String key = rnd.nextInt(10) == 0 ? null : "dev-" + rnd.nextInt(3) + ":sess-" + rnd.nextInt(8);
            byte[] bytes = serdes.valueSerde(Topics.EGRESS_EVENTS).serializer().serialize("events", event);
            in.pipeInput(key, bytes, 1000L + i);
            AgentEgressEvent whole = serdes.valueSerde(Topics.EGRESS_EVENTS).deserializer().deserialize("events", bytes);
            if (!policy.records(whole.getKind())) {
                assertThat(out.isEmpty()).as("event " + i).isTrue();
                continue;
            }
            String session = key != null && !key.isEmpty() ? key
                    : whole.getDevice().getId() + ":" + (whole.getSessionId() == null ? "" : whole.getSessionId());
            ObjectNode record = reference.map(whole, session);
            long seq = seqs.computeIfAbsent(session, s -> new long[1])[0] += 1;
            String hash = AuditChain.link(record, session, seq, hashes.getOrDefault(session, AuditChain.GENESIS));
            hashes.put(session, hash);
            TestRecord<String, byte[]> actual = out.readRecord();
            assertThat(actual.key()).as("event " + i).isEqualTo(session);
            assertThat(actual.value()).as("event " + i).isEqualTo(AlertJson.MAPPER.writeValueAsBytes(record));
            assertThat(actual.timestamp()).as("event " + i).isEqualTo(1000L + i);
            written++;
        }
        assertThat(out.isEmpty()).isTrue();
        assertThat(written).isGreaterThan(events / 3);
    }
}
