package io.agentdlp.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;
import io.agentdlp.registry.client.SubjectNotFoundException;

/** auto.register.schemas, use.latest.version and reader/writer schema resolution. */
class SerializerOptionsTest {
    private static final Schema OLD_FINDING = TestRecords.withoutDefaultedFields(Finding.getClassSchema());
    private final MockScope scope = new MockScope();

    @AfterEach
    void drop() {
        scope.close();
    }

    private static GenericRecord oldFinding() {
        return new GenericRecordBuilder(OLD_FINDING)
                .set("detector", "secret").set("rule_id", "slack-token")
                .set("severity", new org.apache.avro.generic.GenericData.EnumSymbol(Severity.getClassSchema(), "LOW"))
                .set("redacted_preview", "xoxb-****").set("keyed_hash", "ff").build();
    }

    private static int idOf(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    @Test
    void withoutAutoRegisterTheSchemaMustAlreadyBeRegistered() {
        KafkaAvroSerializer ser = new KafkaAvroSerializer();
        ser.configure(scope.config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false), false);
        Finding finding = TestRecords.finding("AKIA****");

        assertThatThrownBy(() -> ser.serialize("findings", finding)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject=findings-value").hasCauseInstanceOf(SubjectNotFoundException.class);
        assertThat(scope.registry().subjects()).isEmpty();

        scope.registry().register("findings-value", OLD_FINDING);
        int id = scope.registry().register("findings-value", Finding.getClassSchema());
        assertThat(idOf(ser.serialize("findings", finding))).isEqualTo(id);
        assertThat(scope.registry().versions("findings-value")).hasSize(2);
    }

    @Test
    void anOlderWriterSchemaIsResolvedIntoTheGeneratedClassWithDefaults() {
        KafkaAvroSerializer ser = new KafkaAvroSerializer();
        ser.configure(scope.config(), false);
        SpecificAvroDeserializer<Finding> de = new SpecificAvroDeserializer<>(Finding.class);
        de.configure(scope.config(), false);

        Finding read = de.deserialize("findings", ser.serialize("findings", oldFinding()));

        assertThat(read.getRuleId()).isEqualTo("slack-token");
        assertThat(read.getConfidence()).isEqualTo(1.0);
        assertThat(read.getLine()).isNull();
    }

    @Test
    void aNewerWriterSchemaWithAnExtraFieldIsReadIntoTheCurrentClass() {
        Schema newer = TestRecords.withExtraField(Finding.getClassSchema(), "validated", Schema.create(Schema.Type.STRING), "unknown");
        GenericRecordBuilder b = new GenericRecordBuilder(newer);
        Finding f = TestRecords.finding("ghp_****");
        for (Schema.Field field : Finding.getClassSchema().getFields()) {
            Object v = f.get(field.pos());
            b.set(field.name(), v instanceof Severity s ? new org.apache.avro.generic.GenericData.EnumSymbol(Severity.getClassSchema(), s.name()) : v);
        }
        b.set("validated", "live");
        KafkaAvroSerializer ser = new KafkaAvroSerializer();
        ser.configure(scope.config(), false);
        SpecificAvroDeserializer<Finding> de = new SpecificAvroDeserializer<>(Finding.class);
        de.configure(scope.config(), false);

        assertThat(de.deserialize("findings", ser.serialize("findings", b.build()))).isEqualTo(f);
    }

    @Test
    void useLatestVersionWritesWithTheLatestSchemaIdConvertingTheRecord() {
        scope.registry().register("findings-value", OLD_FINDING);
        int latestId = scope.registry().register("findings-value", Finding.getClassSchema());
        KafkaAvroSerializer ser = new KafkaAvroSerializer();
        ser.configure(scope.config(AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, true, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false), false);
        KafkaAvroDeserializer de = new KafkaAvroDeserializer();
        de.configure(scope.config(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);

        byte[] bytes = ser.serialize("findings", oldFinding());

        assertThat(idOf(bytes)).isEqualTo(latestId);
        Finding read = (Finding) de.deserialize("findings", bytes);
        assertThat(read.getRedactedPreview()).isEqualTo("xoxb-****");
        assertThat(read.getConfidence()).isEqualTo(1.0);
    }

    @Test
    void useLatestVersionRefusesARecordTheLatestSchemaCannotRead() {
        Schema stricter = TestRecords.withExtraField(Finding.getClassSchema(), "owner", Schema.create(Schema.Type.STRING), null);
        scope.registry().register("findings-value", stricter);
        KafkaAvroSerializer ser = new KafkaAvroSerializer();
        ser.configure(scope.config(AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, true), false);

        assertThatThrownBy(() -> ser.serialize("findings", TestRecords.finding("x")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("use.latest.version").hasMessageContaining("owner");
    }

    @Test
    void useLatestVersionOnTheGenericReaderReadsIntoTheLatestSchema() {
        KafkaAvroSerializer ser = new KafkaAvroSerializer();
        ser.configure(scope.config(), false);
        byte[] oldBytes = ser.serialize("findings", oldFinding());
        scope.registry().register("findings-value", Finding.getClassSchema());
        GenericAvroDeserializer de = new GenericAvroDeserializer();
        de.configure(scope.config(AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, "true"), false);

        GenericRecord read = de.deserialize("findings", oldBytes);

        assertThat(read.getSchema()).isEqualTo(Finding.getClassSchema());
        assertThat(read.get("confidence")).isEqualTo(1.0);
    }
}
