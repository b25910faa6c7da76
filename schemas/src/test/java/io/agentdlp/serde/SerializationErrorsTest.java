package io.agentdlp.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.Finding;

/** Values that do not fit their schema fail as SerializationException without quoting the value. */
class SerializationErrorsTest {
    private static final String MARKER = "QZX-SECRET-CONTENT-7731";
    private final MockScope scope = new MockScope();

    @AfterEach
    void drop() {
        scope.close();
    }

    private KafkaAvroSerializer serializer() {
        KafkaAvroSerializer s = new KafkaAvroSerializer();
        s.configure(scope.config(), false);
        return s;
    }

    @Test
    void aWronglyTypedFieldFailsWithoutQuotingTheValue() {
        GenericRecord rec = new GenericData.Record(Finding.getClassSchema());
        rec.put("detector", "secret");
        rec.put("rule_id", "r");
        rec.put("severity", new GenericData.EnumSymbol(Finding.getClassSchema().getField("severity").schema(), "LOW"));
        rec.put("confidence", MARKER);
        rec.put("redacted_preview", "p");
        rec.put("keyed_hash", "h");

        Throwable e = catchSerialization(() -> serializer().serialize("findings", rec));

        assertThat(e.getMessage()).contains("topic=findings").contains("io.agentdlp.avro.Finding");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(MARKER);
        }
    }

    @Test
    void aMissingRequiredFieldNamesTheField() {
        Finding f = TestRecords.finding("x");
        f.setKeyedHash(null);

        assertThatThrownBy(() -> serializer().serialize("findings", f)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("keyed_hash");
    }

    private static Throwable catchSerialization(Runnable r) {
        try {
            r.run();
        } catch (SerializationException e) {
            return e;
        }
        throw new AssertionError("expected a SerializationException");
    }
}
