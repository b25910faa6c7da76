package io.agentdlp.topology.alert;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.serde.AvroClassTrust;
import io.agentdlp.topology.StateBytes;

/**
 * The aggregator's state of one alert: the aggregated alert, when and with which severity it was
 * last emitted (wall clock), and whether occurrences arrived since.
 *
 * @param alert           the aggregated alert
 * @param lastEmitWallMs  wall-clock time of the last emission
 * @param emittedSeverity severity ordinal of the last emission
 * @param dirty           true when the stored alert has changes not emitted yet
 */
public record AlertState(DlpAlert alert, long lastEmitWallMs, int emittedSeverity, boolean dirty) {
    private static final int VERSION = 1;

    /**
     * Store serde; the alert is Avro single-object encoded (internal state, no registry; {@link AlertAvroWriter},
     * {@link AlertAvroReader}).
     */
    public static Serde<AlertState> serde() {
        AvroClassTrust.trustGenerated();
        Serializer<AlertState> ser = (topic, s) -> {
            if (s == null) {
                return null;
            }
            try {
                return new StateBytes.Writer(1024, VERSION).putLong(s.lastEmitWallMs).putByte(s.emittedSeverity)
                        .putBoolean(s.dirty).putBytes(out -> AlertAvroWriter.write(s.alert, out)).toByteArray();
            } catch (IOException e) {
                throw new SerializationException("cannot encode alert state of " + s.alert.getAlertId(), e);
            }
        };
        Deserializer<AlertState> de = (topic, b) -> {
            if (b == null) {
                return null;
            }
            StateBytes.Reader r = new StateBytes.Reader(b, "alert state", VERSION);
            long emit = r.getLong();
            int sev = r.getByte();
            boolean dirty = r.getBoolean();
            try {
                return new AlertState(AlertAvroReader.read(r.getBytes()), emit, sev, dirty);
            } catch (IOException e) {
                throw new SerializationException("cannot decode alert state", e);
            }
        };
        return Serdes.serdeFrom(ser, de);
    }
}
