package io.agentdlp.serde;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.Finding;
import io.agentdlp.serde.untrusted.Ping;

/**
 * Avro 1.12.2 refuses to instantiate classes it does not trust. The serde trusts agentdlp's
 * generated package by itself and other classes through avro.trusted.classes. This is the only
 * test touching {@link Ping}, so the process-wide trust list is still closed to it when it starts.
 */
class AvroClassTrustTest {
    private final MockScope scope = new MockScope();

    @AfterEach
    void drop() {
        scope.close();
    }

    @Test
    void generatedClassesAreTrustedWithoutAnySystemProperty() throws Exception {
        assertThat(System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES")).isNull();
        SpecificAvroSerde<Finding> serde = new SpecificAvroSerde<>();
        serde.configure(scope.config(), false);
        Finding f = TestRecords.finding("x");

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", f))).isEqualTo(f);
        assertThat(Finding.fromByteBuffer(f.toByteBuffer())).isEqualTo(f);
    }

    @Test
    void otherClassesNeedToBeConfiguredAsTrusted() {
        KafkaAvroSerializer ser = new KafkaAvroSerializer();
        ser.configure(scope.config(), false);
        byte[] bytes = ser.serialize("pings", new Ping(7));
        KafkaAvroDeserializer closed = new KafkaAvroDeserializer();
        closed.configure(scope.config(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);

        AvroDeserializationException refused = null;
        try {
            closed.deserialize("pings", bytes);
        } catch (AvroDeserializationException e) {
            refused = e;
        }
        assertThat(refused).isNotNull();
        assertThat(refused.reason()).isEqualTo(AvroDeserializationException.Reason.UNRESOLVABLE_SCHEMA);
        assertThat(refused.getMessage()).contains(AvroSerdeConfig.AVRO_TRUSTED_CLASSES_CONFIG);

        SpecificAvroDeserializer<Ping> explicit = new SpecificAvroDeserializer<>(Ping.class);
        explicit.configure(scope.config(), false);
        AvroDeserializationException refusedExplicit = null;
        try {
            explicit.deserialize("pings", bytes);
        } catch (AvroDeserializationException e) {
            refusedExplicit = e;
        }
        assertThat(refusedExplicit).isNotNull();
        assertThat(refusedExplicit.reason()).isEqualTo(AvroDeserializationException.Reason.UNRESOLVABLE_SCHEMA);

        KafkaAvroDeserializer open = new KafkaAvroDeserializer();
        open.configure(scope.config(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true,
                AvroSerdeConfig.AVRO_TRUSTED_CLASSES_CONFIG, "io.agentdlp.serde.untrusted.Ping"), false);
        assertThat(((Ping) open.deserialize("pings", bytes)).getN()).isEqualTo(7);
    }
}
