package io.agentdlp.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;

/** SpecificAvroSerde round trips and the exact bytes of the wire format, via a mock:// scope. */
class SpecificAvroSerdeTest {
    private static final String TOPIC = "agent-egress-events";
    private final MockScope scope = new MockScope();

    @AfterEach
    void drop() {
        scope.close();
    }

    private SpecificAvroSerde<AgentEgressEvent> serde() {
        SpecificAvroSerde<AgentEgressEvent> serde = new SpecificAvroSerde<>(AgentEgressEvent.class);
        serde.configure(scope.config(), false);
        return serde;
    }

    @Test
    void roundTripsAGeneratedRecord() {
        AgentEgressEvent event = TestRecords.egressEvent("git push origin main");
        try (SpecificAvroSerde<AgentEgressEvent> serde = serde()) {
            byte[] bytes = serde.serializer().serialize(TOPIC, event);

            assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(event);
        }
    }

    @Test
    void writesMagicByteBigEndianIdAndAvrosOwnBinaryEncoding() throws Exception {
        AgentEgressEvent event = TestRecords.egressEvent("cat ~/.aws/credentials");
        scope.registry().register("unrelated-value", Finding.getClassSchema());

        byte[] bytes = serde().serializer().serialize(TOPIC, event);

        int id = scope.registry().latest(TOPIC + "-value").id();
        assertThat(id).isEqualTo(2);
        assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 0, 0, 0, 2);
        ByteArrayOutputStream avro = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(avro, null);
        new SpecificDatumWriter<>(AgentEgressEvent.class).write(event, enc);
        enc.flush();
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avro.toByteArray());
    }

    @Test
    void avrosOwnGenericReaderDecodesTheBodyWithTheRegisteredSchema() throws Exception {
        byte[] bytes = serde().serializer().serialize(TOPIC, TestRecords.egressEvent("ls"));
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();

        Schema writer = scope.registry().schemaById(id);
        GenericRecord decoded = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));

        assertThat(decoded.get("event_id").toString()).isEqualTo("e".repeat(64));
        assertThat(((GenericRecord) decoded.get("content")).get("text").toString()).isEqualTo("ls");
    }

    @Test
    void readsBytesFramedByHandAroundAvrosOwnEncoding() throws Exception {
        int id = scope.registry().register("findings-value", Finding.getClassSchema());
        GenericRecord finding = new GenericData.Record(Finding.getClassSchema());
        finding.put("detector", "secret");
        finding.put("rule_id", "github-pat");
        finding.put("severity", new GenericData.EnumSymbol(Severity.getClassSchema(), "CRITICAL"));
        finding.put("confidence", 0.5);
        finding.put("redacted_preview", "ghp_****");
        finding.put("keyed_hash", "00ff");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(Finding.getClassSchema()).write(finding, enc);
        enc.flush();

        SpecificAvroDeserializer<Finding> de = new SpecificAvroDeserializer<>(Finding.class);
        de.configure(scope.config(), false);
        Finding read = de.deserialize("findings", out.toByteArray());

        assertThat(read.getRuleId()).isEqualTo("github-pat");
        assertThat(read.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(read.getField()).isNull();
    }

    @Test
    void nullIsATombstoneBothWays() {
        try (SpecificAvroSerde<AgentEgressEvent> serde = serde()) {
            assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
            assertThat(serde.deserializer().deserialize(TOPIC, (byte[]) null)).isNull();
            assertThat(serde.deserializer().deserialize(TOPIC, null, (ByteBuffer) null)).isNull();
        }
    }

    @Test
    void readsAByteBufferSliceWithoutMovingItsPosition() {
        AgentEgressEvent event = TestRecords.egressEvent("echo hi");
        try (SpecificAvroSerde<AgentEgressEvent> serde = serde()) {
            byte[] bytes = serde.serializer().serialize(TOPIC, event);
            ByteBuffer framed = ByteBuffer.allocate(bytes.length + 7);
            framed.put(new byte[] {9, 9, 9}).put(bytes).put(new byte[] {8, 8, 8, 8});
            framed.position(3).limit(3 + bytes.length);

            assertThat(serde.deserializer().deserialize(TOPIC, null, framed)).isEqualTo(event);
            assertThat(framed.position()).isEqualTo(3);
            assertThat(serde.deserializer().deserialize(TOPIC, null, ByteBuffer.wrap(bytes).asReadOnlyBuffer())).isEqualTo(event);
        }
    }

    @Test
    void readsKeyOrValueOfARawConsumerRecord() {
        AgentEgressEvent event = TestRecords.egressEvent("pwd");
        try (SpecificAvroSerde<AgentEgressEvent> serde = serde()) {
            byte[] bytes = serde.serializer().serialize(TOPIC, event);
            ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TOPIC, 4, 1234L, "k".getBytes(), bytes);

            assertThat(serde.deserializer().deserialize(record)).isEqualTo(event);
        }
    }

    @Test
    void aSerializerAndDeserializerConfiguredSeparatelyShareTheMockScope() {
        Finding finding = TestRecords.finding("AKIA****");
        SpecificAvroSerializer<Finding> ser = new SpecificAvroSerializer<>();
        ser.configure(scope.config(), true);
        SpecificAvroDeserializer<Finding> de = new SpecificAvroDeserializer<>();
        de.configure(scope.config(), true);

        byte[] bytes = ser.serialize("findings", finding);

        assertThat(de.deserialize("findings", bytes)).isEqualTo(finding);
        assertThat(scope.registry().subjects()).containsExactly("findings-key");
        ser.close();
        de.close();
    }

    @Test
    void usingAnUnconfiguredSerdeIsAClearError() {
        SpecificAvroSerde<Finding> serde = new SpecificAvroSerde<>();

        assertThatThrownBy(() -> serde.serializer().serialize("t", TestRecords.finding("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("configure");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0, 0, 0, 1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("configure");
    }
}
