package io.agentdlp.topology.session;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
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
        // Writer and reader bound to the type once: no serializer lookup per record.
        ObjectWriter writer = JSON.writerFor(type);
        ObjectReader reader = JSON.readerFor(type);
        return Serdes.serdeFrom((topic, v) -> {
            if (v == null) {
                return null;
            }
            try {
                return writer.writeValueAsBytes(v);
            } catch (IOException e) {
                throw new SerializationException("cannot encode " + what, e);
            }
        }, (topic, b) -> {
            if (b == null) {
                return null;
            }
            try {
                return reader.readValue(b);
            } catch (IOException e) {
                throw new SerializationException("cannot decode " + what, e);
            }
        });
    }
}
