package io.agentdlp.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;

/**
 * {@link AlertAvroReader} builds the alert Avro's single-object decoder builds: equal values, the same list and map
 * classes, the same attribute iteration order (the aggregator re-encodes what it reads), and Avro's behaviour for
 * bytes of another schema.
 */
class AlertAvroReaderTest {
    @Test
    void randomAlertsDecodeAsAvrosDecoderDoes() throws IOException {
        decodeRandomAlerts(new Random(20261126));
    }

    @Test
    void randomAlertsDecodeAsAvrosSchemaWalkingReaderDoes() throws IOException {
        SpecificData model = SpecificData.getForClass(DlpAlert.class);
        boolean fast = model.isFastReaderEnabled();
        model.setFastReaderEnabled(false);
        try {
            decodeRandomAlerts(new Random(20261127));
        } finally {
            model.setFastReaderEnabled(fast);
        }
    }

    private static void decodeRandomAlerts(Random rnd) throws IOException {
        for (int i = 0; i < 5_000; i++) {
            DlpAlert alert = RandomAlerts.alert(rnd);
            if (i % 7 == 0) {
                List<Finding> evidence = new ArrayList<>();
                for (int k = 0; k < 20; k++) {
                    evidence.add(RandomAlerts.finding(rnd));
                }
                alert.setEvidence(evidence);
            }
            byte[] bytes = singleObject(alert);
            DlpAlert expected = DlpAlert.getDecoder().decode(bytes);
            DlpAlert actual = AlertAvroReader.read(bytes);
            assertSameAlert(actual, expected, i);
            // and once more from what was read back, as a repeat occurrence does
            byte[] again = singleObject(expected);
            assertSameAlert(AlertAvroReader.read(again), DlpAlert.getDecoder().decode(again), i);
        }
    }

    @Test
    void bytesOfAnotherFingerprintGoToAvrosDecoder() throws IOException {
        byte[] bytes = singleObject(RandomAlerts.alert(new Random(5)));
        bytes[2] ^= 1;
        Class<? extends Throwable> avros = thrownBy(() -> DlpAlert.getDecoder().decode(bytes));
        assertThat(avros).isNotNull();
        assertThatThrownBy(() -> AlertAvroReader.read(bytes)).isInstanceOf(avros);
    }

    @Test
    void truncatedBytesFailAsAvrosDecoderFailsThem() throws IOException {
        byte[] bytes = singleObject(RandomAlerts.alert(new Random(6)));
        for (int n = AlertAvroWriter.HEADER.length; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> DlpAlert.getDecoder().decode(cut)).isInstanceOf(AvroRuntimeException.class)
                    .hasMessage("Decoding datum failed").hasCauseInstanceOf(EOFException.class);
            assertThatThrownBy(() -> AlertAvroReader.read(cut)).isInstanceOf(AvroRuntimeException.class)
                    .hasMessage("Decoding datum failed").hasCauseInstanceOf(EOFException.class);
        }
    }

    private interface Decoding {
        void run() throws IOException;
    }

    private static Class<? extends Throwable> thrownBy(Decoding d) {
        try {
            d.run();
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getClass();
        }
    }

    private static byte[] singleObject(DlpAlert alert) throws IOException {
        ByteBuffer b = DlpAlert.getEncoder().encode(alert);
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    /** Avro's equals never holds for a NaN double outside the same object, so the values are compared by their bytes. */
    private static void assertSameAlert(DlpAlert actual, DlpAlert expected, int i) throws IOException {
        assertThat(singleObject(actual)).as("alert %d", i).isEqualTo(singleObject(expected));
        assertThat(actual.toString()).as("alert %d", i).isEqualTo(expected.toString());
        assertThat(actual.getEventIds().getClass()).isEqualTo(expected.getEventIds().getClass());
        assertThat(actual.getEvidence().getClass()).isEqualTo(expected.getEvidence().getClass());
        assertThat(actual.getAttributes().getClass()).isEqualTo(expected.getAttributes().getClass());
        assertThat(new ArrayList<>(actual.getAttributes().entrySet())).as("attribute order %d", i)
                .isEqualTo(new ArrayList<>(expected.getAttributes().entrySet()));
        for (int k = 0; k < expected.getSchema().getFields().size(); k++) {
            Object e = expected.get(k);
            Object a = actual.get(k);
            assertThat(a == null ? null : a.getClass()).as("alert %d field %d", i, k).isEqualTo(e == null ? null : e.getClass());
        }
    }
}
