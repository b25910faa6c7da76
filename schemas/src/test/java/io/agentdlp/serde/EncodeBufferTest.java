package io.agentdlp.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Finding;

/**
 * The serializer reuses one buffer and encoder per thread; every record's bytes must still be exactly the
 * header plus the record's own Avro encoding, whatever the thread serialized before (bigger, smaller, failed).
 */
class EncodeBufferTest {
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

    /** The wire format built independently of the serializer: magic byte, big-endian id, a fresh encoder's bytes. */
    private static byte[] expected(int id, AgentEgressEvent e) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(body, null);
        new SpecificDatumWriter<>(AgentEgressEvent.class).write(e, enc);
        enc.flush();
        return ByteBuffer.allocate(5 + body.size()).put((byte) 0).putInt(id).put(body.toByteArray()).array();
    }

    private static int id(byte[] wire) {
        return ByteBuffer.wrap(wire, 1, 4).getInt();
    }

    @Test
    void recordsOfShrinkingAndGrowingSizeOnOneThreadEachGetExactlyTheirOwnBytes() throws IOException {
        KafkaAvroSerializer s = serializer();
        for (int size : new int[] {50_000, 10, 3_000, 0, 300_000, 17}) {
            AgentEgressEvent e = TestRecords.egressEvent("x".repeat(size));

            byte[] wire = s.serialize("agent-egress-events", e);

            assertThat(wire).as("text of %d chars", size).isEqualTo(expected(id(wire), e));
        }
    }

    @Test
    void aRecordThatFailsHalfwayLeavesNothingBehindForTheNextOne() throws IOException {
        KafkaAvroSerializer s = serializer();
        Finding broken = TestRecords.finding("AKIA****");
        broken.setKeyedHash(null);
        AgentEgressEvent good = TestRecords.egressEvent("after the failure");
        s.serialize("agent-egress-events", good);

        assertThatThrownBy(() -> s.serialize("findings", broken)).isInstanceOf(SerializationException.class);
        byte[] wire = s.serialize("agent-egress-events", good);

        assertThat(wire).isEqualTo(expected(id(wire), good));
    }

    @Test
    void threadsSerializingAtOnceDoNotShareOutput() throws Exception {
        KafkaAvroSerializer s = serializer();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                tasks.add(() -> {
                    for (int i = 0; i < 200; i++) {
                        AgentEgressEvent e = TestRecords.egressEvent(("t" + thread + "-" + i + " ").repeat(1 + i % 50 * thread));
                        byte[] wire = s.serialize("agent-egress-events", e);
                        if (!Arrays.equals(wire, expected(id(wire), e))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNestedUseGrownPastTheRetainedSizeLeavesTheThreadsBufferInPlace() throws IOException {
        EncodeBuffer outer = EncodeBuffer.ofThisThread();
        EncodeBuffer nested = EncodeBuffer.ofThisThread();
        AgentEgressEvent huge = TestRecords.egressEvent("z".repeat(EncodeBuffer.RETAINED_BYTES + 1));
        nested.encode(1, huge, new SpecificDatumWriter<>(AgentEgressEvent.getClassSchema()));
        nested.release();
        outer.release();

        EncodeBuffer next = EncodeBuffer.ofThisThread();
        try {
            assertThat(nested).isNotSameAs(outer);
            assertThat(next).isSameAs(outer);
        } finally {
            next.release();
        }
    }

    @Test
    void aBufferGrownPastTheRetainedSizeIsNotKept() throws IOException {
        AgentEgressEvent huge = TestRecords.egressEvent("y".repeat(EncodeBuffer.RETAINED_BYTES + 1));
        EncodeBuffer b = EncodeBuffer.ofThisThread();
        b.encode(1, huge, new SpecificDatumWriter<>(AgentEgressEvent.getClassSchema()));
        b.release();

        EncodeBuffer next = EncodeBuffer.ofThisThread();
        try {
            assertThat(next).isNotSameAs(b);
            assertThat(next.capacity()).isLessThan(EncodeBuffer.RETAINED_BYTES);
        } finally {
            next.release();
        }
    }
}
