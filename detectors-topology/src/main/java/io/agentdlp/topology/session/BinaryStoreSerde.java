package io.agentdlp.topology.session;

import java.util.function.Function;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.agentdlp.topology.StateBytes;

/**
 * A session store serde that writes {@link StateBytes} and reads both that and the JSON values earlier
 * versions wrote (first byte {@code '{'}, which no {@link StateBytes} version byte is), so existing stores
 * and changelogs keep working after an upgrade.
 */
final class BinaryStoreSerde {
    private static final byte JSON_START = '{';

    private BinaryStoreSerde() {
    }

    static <T> Serde<T> of(String what, int version, Function<T, byte[]> encode, Function<StateBytes.Reader, T> decode,
                           Function<byte[], T> legacyJson) {
        return Serdes.serdeFrom(
                (topic, v) -> v == null ? null : encode.apply(v),
                (topic, b) -> {
                    if (b == null) {
                        return null;
                    }
                    if (b.length > 0 && b[0] == JSON_START) {
                        return legacyJson.apply(b);
                    }
                    return decode.apply(new StateBytes.Reader(b, what, version));
                });
    }
}
