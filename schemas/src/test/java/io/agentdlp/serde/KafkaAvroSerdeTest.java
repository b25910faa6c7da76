package io.agentdlp.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.avro.Finding;

/** KafkaAvroSerializer/Deserializer and the generic serde: primitives, generic and specific reading. */
class KafkaAvroSerdeTest {
    private final MockScope scope = new MockScope();

    @AfterEach
    void drop() {
        scope.close();
    }

    private KafkaAvroSerializer serializer(boolean isKey) {
        KafkaAvroSerializer s = new KafkaAvroSerializer();
        s.configure(scope.config(), isKey);
        return s;
    }

    private KafkaAvroDeserializer deserializer(boolean isKey, Object... extra) {
        KafkaAvroDeserializer d = new KafkaAvroDeserializer();
        d.configure(scope.config(extra), isKey);
        return d;
    }

    @Test
    void primitiveKeysAndValuesRoundTripUnderPrimitiveSchemas() {
        KafkaAvroSerializer ser = serializer(true);
        KafkaAvroDeserializer de = deserializer(true);

        for (Object value : List.of("device-1:session-9", 42L, 7, true, 2.5d, 1.5f)) {
            assertThat(de.deserialize("keys", ser.serialize("keys", value))).isEqualTo(value);
        }
        Object bytes = de.deserialize("keys", ser.serialize("keys", new byte[] {1, 2, 3}));
        assertThat(bytes).isEqualTo(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(scope.registry().subjects()).containsExactly("keys-key");
        assertThat(scope.registry().versions("keys-key")).hasSize(7);
    }

    @Test
    void genericByDefaultSpecificWhenAsked() {
        Finding finding = TestRecords.finding("sk-****");
        byte[] bytes = serializer(false).serialize("findings", finding);

        Object generic = deserializer(false).deserialize("findings", bytes);
        Object specific = deserializer(false, AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, "true").deserialize("findings", bytes);
        Object pinned = deserializer(false, AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true,
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE_CONFIG, Finding.class).deserialize("findings", bytes);

        assertThat(generic).isInstanceOf(GenericData.Record.class).isNotInstanceOf(Finding.class);
        assertThat(((GenericRecord) generic).get("redacted_preview").toString()).isEqualTo("sk-****");
        assertThat(specific).isEqualTo(finding);
        assertThat(pinned).isEqualTo(finding);
    }

    @Test
    void genericSerdeRoundTripsAndConvertsLogicalTypesOnlyWhenAsked() {
        CodeIndexRecord specific = TestRecords.codeIndexRecord();
        Schema schema = CodeIndexRecord.getClassSchema();
        GenericRecord rec = new GenericRecordBuilder(schema)
                .set("repo", "acme/payments").set("source_path", "src/Main.java").set("content_sha256", "c".repeat(64))
                .set("line_count", 42).set("k", 5).set("w", 4)
                .set("hashes", List.of(1L, -2L, Long.MAX_VALUE)).set("start_lines", List.of(1, 2, 3)).set("end_lines", List.of(2, 3, 4))
                .set("index_version", 7L).set("published_at", 1_700_000_000_000L).build();
        try (GenericAvroSerde raw = new GenericAvroSerde(); GenericAvroSerde converting = new GenericAvroSerde()) {
            raw.configure(scope.config(), false);
            converting.configure(scope.config(AvroSerdeConfig.AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG, "true"), false);

            byte[] bytes = raw.serializer().serialize("code", rec);
            GenericRecord plain = raw.deserializer().deserialize("code", bytes);
            GenericRecord typed = converting.deserializer().deserialize("code", bytes);

            assertThat(plain.get("published_at")).isEqualTo(1_700_000_000_000L);
            assertThat(typed.get("published_at")).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
            assertThat(bytes).isEqualTo(serializer(false).serialize("code", specific));
        }
    }

    @Test
    void aTypedSchemaValueWithJavaTimeIsAcceptedByTheGenericSerializer() {
        GenericRecord rec = new GenericRecordBuilder(CodeIndexRecord.getClassSchema())
                .set("repo", "r").set("source_path", "p").set("content_sha256", "s")
                .set("line_count", 1).set("k", 5).set("w", 4)
                .set("hashes", List.of()).set("start_lines", List.of()).set("end_lines", List.of())
                .set("index_version", 1L).set("published_at", Instant.ofEpochMilli(5)).build();

        byte[] bytes = serializer(false).serialize("code", rec);

        CodeIndexRecord read = (CodeIndexRecord) deserializer(false, AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true)
                .deserialize("code", bytes);
        assertThat(read.getPublishedAt()).isEqualTo(Instant.ofEpochMilli(5));
    }

    @Test
    void configValuesMayBeStringsOrTypedObjects() {
        AvroSerdeConfig strings = new AvroSerdeConfig(Map.of("schema.registry.url", "mock://x", "auto.register.schemas", "false",
                "specific.avro.reader", "true", "use.latest.version", "TRUE"));
        AvroSerdeConfig typed = new AvroSerdeConfig(Map.of("schema.registry.url", List.of("mock://x"), "auto.register.schemas", false,
                "specific.avro.reader", true, "use.latest.version", true));

        for (AvroSerdeConfig c : List.of(strings, typed)) {
            assertThat(c.registryUrls()).containsExactly("mock://x");
            assertThat(c.autoRegisterSchemas()).isFalse();
            assertThat(c.specificAvroReader()).isTrue();
            assertThat(c.useLatestVersion()).isTrue();
            assertThat(c.latestCompatibilityStrict()).isTrue();
        }
    }
}
