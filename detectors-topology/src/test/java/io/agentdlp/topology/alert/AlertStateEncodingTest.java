package io.agentdlp.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;

/** The alert state serde writes exactly the bytes Avro's generic writer wrote ({@link AlertStateEncodingReference}). */
class AlertStateEncodingTest {
    private static final Serde<AlertState> SERDE = AlertState.serde();

    @Test
    void randomAlertsEncodeAsAvrosGenericWriterDid() throws IOException {
        Random rnd = new Random(20261125);
        for (int i = 0; i < 5_000; i++) {
            AlertState s = new AlertState(RandomAlerts.alert(rnd), rnd.nextLong(), rnd.nextInt(5), rnd.nextBoolean());
            byte[] expected = AlertStateEncodingReference.encode(s);
            byte[] actual = SERDE.serializer().serialize("t", s);
            assertThat(actual).as("alert %d", i).isEqualTo(expected);
            // What the aggregator re-encodes after a store read (Avro's own maps and lists).
            AlertState back = SERDE.deserializer().deserialize("t", actual);
            assertThat(SERDE.serializer().serialize("t", back)).isEqualTo(AlertStateEncodingReference.encode(back));
        }
    }

    @Test
    void largeAlertsGrowTheBuffer() throws IOException {
        Random rnd = new Random(7);
        DlpAlert a = RandomAlerts.alert(rnd);
        a.setExplanation(RandomAlerts.text(rnd, 20_000));
        List<Finding> evidence = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            evidence.add(RandomAlerts.finding(rnd));
        }
        a.setEvidence(evidence);
        AlertState s = new AlertState(a, 1, 4, true);
        assertThat(SERDE.serializer().serialize("t", s)).isEqualTo(AlertStateEncodingReference.encode(s));
    }

    @Test
    void aMissingRequiredFieldFailsAsBefore() throws IOException {
        DlpAlert a = RandomAlerts.alert(new Random(3));
        a.setTitle(null);
        AlertState s = new AlertState(a, 1, 2, false);
        assertThatThrownBy(() -> AlertStateEncodingReference.encode(s)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SERDE.serializer().serialize("t", s)).isInstanceOf(NullPointerException.class);
        // The thread's encoder still held the failed alert's first fields: none may leak into the next state.
        AlertState next = new AlertState(RandomAlerts.alert(new Random(4)), 5, 1, true);
        assertThat(SERDE.serializer().serialize("t", next)).isEqualTo(AlertStateEncodingReference.encode(next));
    }
}
