package io.agentdlp.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Finding;

/** A serializer's body writer: used for its class and schema only, behind the same wire-format header. */
class AvroBodyWriterTest {
    private final MockScope scope = new MockScope();

    @AfterEach
    void drop() {
        scope.close();
    }

    /** Writes Avro's own body and counts its calls. */
    private static final class CountingFindingWriter implements AvroBodyWriter<Finding> {
        private final SpecificDatumWriter<Finding> avro = new SpecificDatumWriter<>(Finding.class);
        int calls;

        @Override
        public Class<Finding> type() {
            return Finding.class;
        }

        @Override
        public Schema schema() {
            return Finding.getClassSchema();
        }

        @Override
        public void write(Finding datum, Encoder out) throws IOException {
            calls++;
            avro.write(datum, out);
        }
    }

    @Test
    void writesTheBodyOfItsClassBehindTheSameHeader() {
        CountingFindingWriter body = new CountingFindingWriter();
        SpecificAvroSerializer<Finding> withBody = new SpecificAvroSerializer<>(scope.registry(), body);
        withBody.configure(scope.config(), false);
        SpecificAvroSerializer<Finding> plain = new SpecificAvroSerializer<>(scope.registry());
        plain.configure(scope.config(), false);
        Finding finding = TestRecords.finding("AKIA****");

        byte[] bytes = withBody.serialize("findings", finding);

        assertThat(body.calls).isEqualTo(1);
        assertThat(bytes).isEqualTo(plain.serialize("findings", finding));
        SpecificAvroDeserializer<Finding> de = new SpecificAvroDeserializer<>(Finding.class, scope.registry());
        de.configure(scope.config(), false);
        assertThat(de.deserialize("findings", bytes)).isEqualTo(finding);
    }

    @Test
    void valuesOfOtherClassesGoThroughAvrosWriter() {
        CountingFindingWriter body = new CountingFindingWriter();
        SpecificAvroSerializer<SpecificRecord> withBody = new SpecificAvroSerializer<>(scope.registry(), body);
        withBody.configure(scope.config(), false);
        SpecificAvroSerializer<SpecificRecord> plain = new SpecificAvroSerializer<>(scope.registry());
        plain.configure(scope.config(), false);
        AgentEgressEvent event = TestRecords.egressEvent("ls");

        assertThat(withBody.serialize("events", event)).isEqualTo(plain.serialize("events", event));
        assertThat(body.calls).isZero();
    }

    @Test
    void aValueReExpressedInTheLatestSchemaIsWrittenInThatSchemaByAvrosWriter() throws IOException {
        Schema newer = TestRecords.withExtraField(Finding.getClassSchema(), "validated", Schema.create(Schema.Type.STRING), "unknown");
        scope.registry().register("findings-value", newer);
        CountingFindingWriter body = new CountingFindingWriter();
        SpecificAvroSerializer<Finding> withBody = new SpecificAvroSerializer<>(scope.registry(), body);
        withBody.configure(scope.config(AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, true), false);
        SpecificAvroSerializer<Finding> plain = new SpecificAvroSerializer<>(scope.registry());
        plain.configure(scope.config(AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, true), false);
        Finding finding = TestRecords.finding("ghp_****");

        byte[] bytes = withBody.serialize("findings", finding);

        assertThat(bytes).isEqualTo(plain.serialize("findings", finding));
        // the projection encodes the value in its own schema first, which the body writer may do
        assertThat(body.calls).isLessThanOrEqualTo(1);
        GenericRecord read = new GenericDatumReader<GenericRecord>(newer)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(read.get("validated").toString()).isEqualTo("unknown");
    }
}
