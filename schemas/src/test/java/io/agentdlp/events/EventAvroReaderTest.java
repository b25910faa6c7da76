package io.agentdlp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.registry.client.MockSchemaRegistry;
import io.agentdlp.serde.AvroBodyReader;
import io.agentdlp.serde.GenericAvroSerde;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;

/**
 * The event source's serde with {@link EventAvroReader} reads exactly what the registry serde with Avro's
 * reader reads: the same records, field classes, collection classes and attribute order, and on corrupt
 * or truncated bodies the same exception.
 */
class EventAvroReaderTest {
    private static final String TOPIC = "agent-egress-events";

    private final String scope = "event-reader-" + UUID.randomUUID();
    private final Map<String, String> config = Map.of("schema.registry.url", "mock://" + scope);
    private final TopicSerdes serdes = TopicSerdes.fromConfig(config);
    private final Serde<AgentEgressEvent> avro = serdes.valueSerde(Topics.EGRESS_EVENTS);
    private final CountingReader counting = new CountingReader();
    private final Serde<AgentEgressEvent> byHand = serdes.valueSerde(Topics.EGRESS_EVENTS, counting);

    /** {@link EventAvroReader}, counting the bodies it is given, to show which records took the hand path. */
    private static final class CountingReader implements AvroBodyReader<AgentEgressEvent> {
        private int reads;

        @Override
        public Class<AgentEgressEvent> type() {
            return EventAvroReader.instance().type();
        }

        @Override
        public Schema schema() {
            return EventAvroReader.instance().schema();
        }

        @Override
        public AgentEgressEvent read(BinaryDecoder in) throws IOException {
            reads++;
            return EventAvroReader.instance().read(in);
        }
    }

    @AfterEach
    void drop() {
        serdes.close();
        MockSchemaRegistry.drop(scope);
    }

    @Test
    void randomEventsReadAsAvrosReaderReadsThem() {
        Random rnd = new Random(20261125);
        for (int i = 0; i < 10_000; i++) {
            byte[] bytes = avro.serializer().serialize(TOPIC, RandomEvents.event(rnd));
            assertSame(byHand.deserializer().deserialize(TOPIC, bytes), avro.deserializer().deserialize(TOPIC, bytes), "event " + i);
        }
        assertThat(counting.reads).isEqualTo(10_000);
    }

    @Test
    void corruptAndTruncatedBodiesFailAsAvrosReaderFails() {
        Random rnd = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            byte[] bytes = avro.serializer().serialize(TOPIC, RandomEvents.event(rnd));
            String event = "event " + i + " ";
            RandomEvents.forEachDamaged(bytes, rnd, 5, false, (damaged, how) -> compare(damaged, event + how));
        }
    }

    @Test
    void recordsOfAnotherWriterSchemaGoThroughAvrosReader() {
        Schema older = RandomEvents.olderSchema();
        Random rnd = new Random(3);
        try (GenericAvroSerde generic = new GenericAvroSerde()) {
            generic.configure(config, false);
            for (int i = 0; i < 200; i++) {
                AgentEgressEvent e = RandomEvents.event(rnd);
                byte[] bytes = generic.serializer().serialize(TOPIC, RandomEvents.asRecordOf(older, e));
                AgentEgressEvent read = byHand.deserializer().deserialize(TOPIC, bytes);
                assertSame(read, avro.deserializer().deserialize(TOPIC, bytes), "older event " + i);
                assertThat(read.getRawRef()).isNull();
            }
        }
        assertThat(counting.reads).isZero();
    }

    private void compare(byte[] bytes, String what) {
        Object expected;
        try {
            expected = avro.deserializer().deserialize(TOPIC, bytes);
        } catch (RuntimeException e) {
            expected = e;
        }
        Object actual;
        try {
            actual = byHand.deserializer().deserialize(TOPIC, bytes);
        } catch (RuntimeException e) {
            actual = e;
        }
        if (expected instanceof RuntimeException e) {
            assertThat(actual).as(what).isInstanceOf(RuntimeException.class);
            assertThat(actual.getClass()).as(what).isEqualTo(e.getClass());
            assertThat(((RuntimeException) actual).getMessage()).as(what).isEqualTo(e.getMessage());
        } else {
            assertThat(actual).as(what).isInstanceOf(AgentEgressEvent.class);
            assertSame((AgentEgressEvent) actual, (AgentEgressEvent) expected, what);
        }
    }

    /** Same text and bytes, and the same classes all the way down (Avro's record equality is false for NaN). */
    private void assertSame(AgentEgressEvent actual, AgentEgressEvent expected, String what) {
        assertThat(actual.toString()).as(what).isEqualTo(expected.toString());
        assertThat(avro.serializer().serialize(TOPIC, actual)).as(what).isEqualTo(avro.serializer().serialize(TOPIC, expected));
        assertSameShape(actual, expected, what);
    }

    private static void assertSameShape(Object actual, Object expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        assertThat(actual.getClass()).as(what).isEqualTo(expected.getClass());
        if (expected instanceof SpecificRecordBase r) {
            for (int f = 0; f < r.getSchema().getFields().size(); f++) {
                assertSameShape(((SpecificRecordBase) actual).get(f), r.get(f), what + "." + r.getSchema().getFields().get(f).name());
            }
        } else if (expected instanceof List<?> l) {
            List<?> a = (List<?>) actual;
            assertThat(a).as(what).hasSameSizeAs(l);
            for (int i = 0; i < l.size(); i++) {
                assertSameShape(a.get(i), l.get(i), what + "[" + i + "]");
            }
            if (expected instanceof GenericData.Array<?> array) {
                assertThat(((GenericData.Array<?>) actual).getSchema()).as(what).isEqualTo(array.getSchema());
            }
        } else if (expected instanceof Map<?, ?> m) {
            assertThat(List.copyOf(((Map<?, ?>) actual).entrySet())).as(what).isEqualTo(List.copyOf(m.entrySet()));
        } else if (!(expected instanceof Double)) {
            assertThat(actual).as(what).isEqualTo(expected);
        }
    }
}
