package io.agentdlp.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Policy;
import io.agentdlp.registry.client.MockSchemaRegistry;
import io.agentdlp.serde.SpecificAvroSerde;

class TopicSerdesTest {
    private final String scope = "topic-serdes-" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of("schema.registry.url", "mock://" + scope);

    @AfterEach
    void drop() {
        MockSchemaRegistry.drop(scope);
    }

    @Test
    void everyRegisteredTopicHasTypedSerdes() {
        try (TopicSerdes serdes = TopicSerdes.fromConfig(config)) {
            for (TopicSpec<?, ?> spec : Topics.ALL) {
                Serde<?> key = serdes.keySerde(spec);
                Serde<?> value = serdes.valueSerde(spec);
                if (spec.keyType() == String.class) {
                    assertThat(key.getClass()).isEqualTo(Serdes.String().getClass());
                } else {
                    assertThat(key.getClass()).isEqualTo(Serdes.ByteArray().getClass());
                }
                if (spec.valueType() == byte[].class) {
                    assertThat(value.getClass()).isEqualTo(Serdes.ByteArray().getClass());
                } else if (spec.valueType() == String.class) {
                    assertThat(value.getClass()).isEqualTo(Serdes.String().getClass());
                } else {
                    assertThat(value).isInstanceOf(SpecificAvroSerde.class);
                }
            }
        }
    }

    @Test
    void avroValueSerdesAreConfiguredAndUseTheTopicsSubject() {
        try (TopicSerdes serdes = TopicSerdes.fromConfig(config)) {
            Serde<AgentEgressEvent> events = serdes.valueSerde(Topics.EGRESS_EVENTS);
            Serde<String> keys = serdes.keySerde(Topics.EGRESS_EVENTS);
            AgentEgressEvent event = AgentEgressEvent.newBuilder()
                    .setEventId("id").setEventTime(java.time.Instant.EPOCH).setIngestTime(java.time.Instant.EPOCH)
                    .setSource(io.agentdlp.avro.EventSource.codex_notify).setKind(io.agentdlp.avro.EventKind.session)
                    .setDevice(io.agentdlp.avro.Device.newBuilder().setId("d").build())
                    .setUser(io.agentdlp.avro.User.newBuilder().build())
                    .setAgent(io.agentdlp.avro.Agent.newBuilder().setName("codex").build())
                    .build();

            byte[] bytes = events.serializer().serialize("agent-egress-events", event);

            assertThat(events.deserializer().deserialize("agent-egress-events", bytes)).isEqualTo(event);
            assertThat(keys.deserializer().deserialize("t", keys.serializer().serialize("t", "dev:sess"))).isEqualTo("dev:sess");
            assertThat(MockSchemaRegistry.scope(scope).subjects()).containsExactly("agent-egress-events-value");
        }
    }

    @Test
    void typedSerdesMatchTheSpecsValueTypes() {
        try (TopicSerdes serdes = TopicSerdes.fromConfig(config)) {
            Serde<DlpAlert> alerts = serdes.valueSerde(Topics.ALERTS);
            Serde<CodeIndexRecord> code = serdes.valueSerde(Topics.CODE_INDEX);
            Serde<Policy> policies = serdes.valueSerde(Topics.POLICIES);
            Serde<byte[]> deadLetters = serdes.valueSerde(Topics.DEAD_LETTER);

            assertThat(java.util.List.of(alerts, code, policies)).allSatisfy(s -> assertThat(s).isInstanceOf(SpecificAvroSerde.class));
            assertThat(deadLetters.serializer().serialize("t", new byte[] {1, 2})).containsExactly(1, 2);
        }
    }
}
