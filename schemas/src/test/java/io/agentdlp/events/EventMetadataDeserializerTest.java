package io.agentdlp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.registry.client.MockSchemaRegistry;
import io.agentdlp.serde.GenericAvroSerde;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;

/**
 * The metadata deserializer reads what the whole-event deserializer reads, projected: on random events
 * (every field, nulls, unicode, lone surrogates, 200 KB texts, multi-block arrays) the same values, field
 * and collection classes and attribute order; on corrupt and truncated bodies the same exception; records
 * of another writer schema through the whole-event deserializer.
 */
class EventMetadataDeserializerTest {
    private static final String TOPIC = "agent-egress-events";

    private final String scope = "event-metadata-" + UUID.randomUUID();
    private final Map<String, String> config = Map.of("schema.registry.url", "mock://" + scope);
    private final TopicSerdes serdes = TopicSerdes.fromConfig(config);
    private final Serde<AgentEgressEvent> avro = serdes.valueSerde(Topics.EGRESS_EVENTS);
    private final Deserializer<EventMetadata> metadata = serdes.eventMetadataDeserializer();

    @AfterEach
    void drop() {
        serdes.close();
        MockSchemaRegistry.drop(scope);
    }

    @Test
    void randomEventsReadAsTheMetadataOfWhatAvrosReaderReads() throws IOException {
        Random rnd = new Random(20261125);
        for (int i = 0; i < 10_000; i++) {
            byte[] bytes = avro.serializer().serialize(TOPIC, RandomEvents.event(rnd));
            EventMetadata expected = EventMetadata.of(avro.deserializer().deserialize(TOPIC, bytes));
            // the hand reader itself, so that a fallback to Avro's reader cannot hide a difference
            EventMetadata byHand = EventMetadataReader.read(DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
            assertSame(byHand, expected, "event " + i);
            assertSame(metadata.deserialize(TOPIC, bytes), expected, "event " + i);
        }
    }

    @Test
    void corruptAndTruncatedBodiesFailAsAvrosReaderFails() {
        Random rnd = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            byte[] bytes = avro.serializer().serialize(TOPIC, RandomEvents.event(rnd));
            String event = "event " + i + " ";
            RandomEvents.forEachDamaged(bytes, rnd, 0, true, (damaged, how) -> compare(damaged, event + how));
        }
    }

    @Test
    void recordsOfAnotherWriterSchemaReadThroughAvrosReader() {
        Schema older = RandomEvents.olderSchema();
        Random rnd = new Random(3);
        try (GenericAvroSerde generic = new GenericAvroSerde()) {
            generic.configure(config, false);
            for (int i = 0; i < 200; i++) {
                AgentEgressEvent e = RandomEvents.event(rnd);
                byte[] bytes = generic.serializer().serialize(TOPIC, RandomEvents.asRecordOf(older, e));
                EventMetadata read = metadata.deserialize(TOPIC, bytes);
                assertSame(read, EventMetadata.of(avro.deserializer().deserialize(TOPIC, bytes)), "older event " + i);
                assertThat(read.attributes()).isEmpty();
            }
        }
    }

    @Test
    void aTombstoneReadsAsNull() {
        assertThat(metadata.deserialize(TOPIC, null)).isNull();
    }

    private void compare(byte[] bytes, String what) {
        Object expected;
        try {
            expected = EventMetadata.of(avro.deserializer().deserialize(TOPIC, bytes));
        } catch (RuntimeException e) {
            expected = e;
        }
        Object actual;
        try {
            actual = metadata.deserialize(TOPIC, bytes);
        } catch (RuntimeException e) {
            actual = e;
        }
        if (expected instanceof RuntimeException e) {
            assertThat(actual).as(what).isInstanceOf(RuntimeException.class);
            assertThat(actual.getClass()).as(what).isEqualTo(e.getClass());
            assertThat(((RuntimeException) actual).getMessage()).as(what).isEqualTo(e.getMessage());
        } else {
            assertThat(actual).as(what).isInstanceOf(EventMetadata.class);
            assertSame((EventMetadata) actual, (EventMetadata) expected, what);
        }
    }

    /**
     * Same text (Avro's record equality is false for NaN confidences), findings of Avro's array class and
     * schema, attributes of the same class in the same order.
     */
    private static void assertSame(EventMetadata actual, EventMetadata expected, String what) {
        assertThat(actual.toString()).as(what).isEqualTo(expected.toString());
        assertThat(actual.findings().getClass()).as(what).isEqualTo(expected.findings().getClass());
        assertThat(((GenericData.Array<?>) actual.findings()).getSchema()).as(what)
                .isEqualTo(((GenericData.Array<?>) expected.findings()).getSchema());
        assertThat(actual.attributes().getClass()).as(what).isEqualTo(expected.attributes().getClass());
        assertThat(List.copyOf(actual.attributes().entrySet())).as(what).isEqualTo(List.copyOf(expected.attributes().entrySet()));
        assertThat(actual.eventTime().getClass()).as(what).isEqualTo(expected.eventTime().getClass());
    }
}
