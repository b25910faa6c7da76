package io.agentdlp.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.registry.client.MockSchemaRegistry;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;

/**
 * The {@code dlp-alerts} sink's serde with {@link AlertAvroWriter#bodyWriter()} writes exactly the bytes of the
 * registry serde with Avro's writer, which the serde tests check against the Confluent wire format.
 */
class AlertSinkEncodingTest {
    private static final Serde<AlertState> STATE = AlertState.serde();
    private static final String TOPIC = "dlp-alerts";

    private final String scope = "alert-sink-" + UUID.randomUUID();
    private final TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", "mock://" + scope));

    @AfterEach
    void drop() {
        serdes.close();
        MockSchemaRegistry.drop(scope);
    }

    @Test
    void randomAlertsEncodeAsAvrosWriterDoes() {
        Serde<DlpAlert> avro = serdes.valueSerde(Topics.ALERTS);
        Serde<DlpAlert> byHand = serdes.valueSerde(Topics.ALERTS, AlertAvroWriter.bodyWriter());
        Random rnd = new Random(20261125);
        for (int i = 0; i < 5_000; i++) {
            DlpAlert alert = RandomAlerts.alert(rnd);
            byte[] expected = avro.serializer().serialize(TOPIC, alert);
            assertThat(byHand.serializer().serialize(TOPIC, alert)).as("alert %d", i).isEqualTo(expected);
            // The aggregator also forwards alerts it read back from its store (Avro's own lists and maps).
            DlpAlert stored = STATE.deserializer().deserialize("t",
                    STATE.serializer().serialize("t", new AlertState(alert, 1, 2, false))).alert();
            assertThat(byHand.serializer().serialize(TOPIC, stored)).as("stored alert %d", i)
                    .isEqualTo(avro.serializer().serialize(TOPIC, stored));
        }
    }
}
