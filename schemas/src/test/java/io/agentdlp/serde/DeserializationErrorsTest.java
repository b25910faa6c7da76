package io.agentdlp.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;
import io.agentdlp.registry.client.RegistryClientConfig;
import io.agentdlp.serde.AvroDeserializationException.Reason;

/** Every kind of bad input becomes an AvroDeserializationException naming where and why. */
class DeserializationErrorsTest {
    private final MockScope scope = new MockScope();

    @AfterEach
    void drop() {
        scope.close();
    }

    private KafkaAvroDeserializer generic() {
        KafkaAvroDeserializer d = new KafkaAvroDeserializer();
        d.configure(scope.config(), false);
        return d;
    }

    private byte[] validFinding() {
        KafkaAvroSerializer s = new KafkaAvroSerializer();
        s.configure(scope.config(), false);
        return s.serialize("findings", TestRecords.finding("AKIA****"));
    }

    private static AvroDeserializationException thrown(Runnable r) {
        try {
            r.run();
        } catch (AvroDeserializationException e) {
            return e;
        }
        throw new AssertionError("expected an AvroDeserializationException");
    }

    @Test
    void tooShortForTheHeader() {
        for (int n = 0; n < 5; n++) {
            byte[] bytes = new byte[n];
            AvroDeserializationException e = thrown(() -> generic().deserialize("findings", bytes));
            assertThat(e.reason()).isEqualTo(Reason.TRUNCATED_HEADER);
            assertThat(e.getMessage()).contains("topic=findings").contains(n + " bytes");
            assertThat(e.schemaId()).isEmpty();
        }
    }

    @Test
    void wrongMagicByte() {
        byte[] bytes = validFinding();
        bytes[0] = 1;

        AvroDeserializationException e = thrown(() -> generic().deserialize("findings", bytes));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_MAGIC_BYTE);
        assertThat(e.getMessage()).contains("0x01");
        assertThat(e).isInstanceOf(SerializationException.class);
    }

    @Test
    void unknownSchemaId() {
        AvroDeserializationException e = thrown(() -> generic().deserialize("findings", new byte[] {0, 0, 1, 0, 0, 2}));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID);
        assertThat(e.schemaId()).hasValue(65536);
        assertThat(e.getMessage()).contains("schema_id=65536");
    }

    @Test
    void unreachableRegistry() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        KafkaAvroDeserializer d = new KafkaAvroDeserializer();
        d.configure(java.util.Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://127.0.0.1:" + deadPort,
                RegistryClientConfig.MAX_RETRIES_CONFIG, 0), false);

        AvroDeserializationException e = thrown(() -> d.deserialize("findings", new byte[] {0, 0, 0, 0, 1, 2}));

        assertThat(e.reason()).isEqualTo(Reason.REGISTRY_ERROR);
        assertThat(e.getCause()).isInstanceOf(io.agentdlp.registry.client.RegistryUnavailableException.class);
    }

    @Test
    void truncatedBody() {
        byte[] bytes = validFinding();

        AvroDeserializationException e = thrown(() -> generic().deserialize("findings", Arrays.copyOf(bytes, bytes.length - 3)));

        assertThat(e.reason()).isEqualTo(Reason.CORRUPT_BODY);
        assertThat(e.schemaId()).hasValue(1);
    }

    @Test
    void writerSchemaThatCannotResolveIntoTheReaderClass() {
        byte[] bytes = validFinding();
        SpecificAvroDeserializer<DlpAlert> alerts = new SpecificAvroDeserializer<>(DlpAlert.class);
        alerts.configure(scope.config(), false);

        AvroDeserializationException e = thrown(() -> alerts.deserialize("findings", bytes));

        assertThat(e.reason()).isEqualTo(Reason.UNRESOLVABLE_SCHEMA);
        assertThat(e.getMessage()).contains("io.agentdlp.avro.Finding").contains("io.agentdlp.avro.DlpAlert");
    }

    @Test
    void writerSchemaWithoutAGeneratedClassForASpecificReader() {
        Schema unknown = TestRecords.withExtraField(
                Schema.createRecord("Gone", null, "io.agentdlp.avro.removed", false, java.util.List.of()), "x",
                Schema.create(Schema.Type.INT), null);
        GenericRecord rec = new GenericData.Record(unknown);
        rec.put("x", 1);
        KafkaAvroSerializer s = new KafkaAvroSerializer();
        s.configure(scope.config(), false);
        byte[] bytes = s.serialize("gone", rec);
        KafkaAvroDeserializer specific = new KafkaAvroDeserializer();
        specific.configure(scope.config(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);

        AvroDeserializationException e = thrown(() -> specific.deserialize("gone", bytes));

        assertThat(e.reason()).isEqualTo(Reason.UNRESOLVABLE_SCHEMA);
        assertThat(e.getMessage()).contains("io.agentdlp.avro.removed.Gone");
    }

    @Test
    void aValueOfTheWrongKindForTheDeserializer() {
        KafkaAvroSerializer s = new KafkaAvroSerializer();
        s.configure(scope.config(), false);
        byte[] aString = s.serialize("t", "just a string");
        GenericAvroDeserializer records = new GenericAvroDeserializer();
        records.configure(scope.config(), false);
        SpecificAvroDeserializer<Finding> findings = new SpecificAvroDeserializer<>(Finding.class);
        findings.configure(scope.config(), false);

        assertThat(thrown(() -> records.deserialize("t", aString)).reason()).isEqualTo(Reason.UNEXPECTED_TYPE);
        assertThat(thrown(() -> findings.deserialize("t", aString)).reason()).isIn(Reason.UNEXPECTED_TYPE, Reason.UNRESOLVABLE_SCHEMA);
        assertThat(thrown(() -> records.deserialize("t", aString)).getMessage()).doesNotContain("just a string");
    }

    @Test
    void partitionAndOffsetAreNamedWhenTheRecordIsKnown() {
        byte[] bytes = validFinding();
        bytes[0] = 7;
        KafkaAvroDeserializer d = generic();

        AvroDeserializationException e = thrown(() -> d.deserialize(new ConsumerRecord<>("findings", 3, 987654L, null, bytes)));

        assertThat(e.partition()).hasValue(3);
        assertThat(e.offset()).hasValue(987654L);
        assertThat(e.getMessage()).contains("topic=findings partition=3 offset=987654");
    }

    @Test
    void keyDeserializersReadTheKeyOfARawRecord() {
        KafkaAvroDeserializer d = new KafkaAvroDeserializer();
        d.configure(scope.config(), true);

        AvroDeserializationException e = thrown(() -> d.deserialize(new ConsumerRecord<>("t", 0, 1L, new byte[] {5}, validFinding())));

        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED_HEADER);
    }

    @Test
    void unsupportedValueTypesAreSerializationErrorsNamingTheType() {
        KafkaAvroSerializer s = new KafkaAvroSerializer();
        s.configure(scope.config(), false);

        assertThatThrownBy(() -> s.serialize("t", new java.util.Date()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("java.util.Date");
    }
}
