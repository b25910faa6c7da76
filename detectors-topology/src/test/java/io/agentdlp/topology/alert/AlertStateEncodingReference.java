package io.agentdlp.topology.alert;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.topology.StateBytes;

/**
 * The alert state encoding before {@link AlertAvroWriter}: Avro's generic writer through
 * {@code DlpAlert.getEncoder()}, kept as the oracle the new encoding must match byte for byte.
 */
final class AlertStateEncodingReference {
    private AlertStateEncodingReference() {
    }

    static byte[] encode(AlertState s) throws IOException {
        ByteBuffer avro = DlpAlert.getEncoder().encode(s.alert());
        byte[] a = new byte[avro.remaining()];
        avro.get(a);
        return new StateBytes.Writer(a.length + 24, 1).putLong(s.lastEmitWallMs()).putByte(s.emittedSeverity())
                .putBoolean(s.dirty()).putBytes(a).toByteArray();
    }
}
