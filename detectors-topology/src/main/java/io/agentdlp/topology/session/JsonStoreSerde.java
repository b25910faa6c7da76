package io.agentdlp.topology.session;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** JSON serde of a session store's values: the HTTP API serves the same shape it stores. */
final class JsonStoreSerde {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonStoreSerde() {
    }

    /** @param what names the value in error messages, e.g. "timeline entry" */
    static <T> Serde<T> of(Class<T> type, String what) {
        return Serdes.serdeFrom((topic, v) -> {
            if (v == null) {
                return null;
            }
            try {
                return JSON.writeValueAsBytes(v);
            } catch (IOException e) {
                throw new SerializationException("cannot encode " + what, e);
            }
        }, (topic, b) -> {
            if (b == null) {
                return null;
            }
            try {
                return JSON.readValue(b, type);
            } catch (IOException e) {
                throw new SerializationException("cannot decode " + what, e);
            }
        });
    }
}
