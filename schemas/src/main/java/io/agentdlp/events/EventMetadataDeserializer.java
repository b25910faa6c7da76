package io.agentdlp.events;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.registry.client.SchemaRegistryClient;
import io.agentdlp.serde.WireFormat;

/**
 * Reads the {@link EventMetadata} of {@code agent-egress-events} records (Confluent wire format). Records
 * written with exactly the current schema are read by {@link EventMetadataReader}, which never decodes
 * the content; any other record (another writer schema, a header or body that reader fails on) goes
 * through the topic's full deserializer and then {@link EventMetadata#of}, so what a record reads as, and
 * every exception and its message, stay the full deserializer's.
 */
public final class EventMetadataDeserializer implements Deserializer<EventMetadata> {
    private final Deserializer<AgentEgressEvent> full;
    private final SchemaRegistryClient client;
    /** The last writer schema found equal to the reader's: the registry client hands out one instance per id. */
    private volatile Schema current;

    /**
     * @param full   the configured deserializer of whole events, for every record this one does not read itself
     * @param client the registry client {@code full} reads writer schemas from
     */
    public EventMetadataDeserializer(Deserializer<AgentEgressEvent> full, SchemaRegistryClient client) {
        this.full = full;
        this.client = client;
    }

    @Override
    public EventMetadata deserialize(String topic, byte[] data) {
        EventMetadata m = data == null ? null : readOrNull(data);
        if (m != null) {
            return m;
        }
        AgentEgressEvent e = full.deserialize(topic, data);
        return e == null ? null : EventMetadata.of(e);
    }

    @Override
    public EventMetadata deserialize(String topic, Headers headers, byte[] data) {
        EventMetadata m = data == null ? null : readOrNull(data);
        if (m != null) {
            return m;
        }
        AgentEgressEvent e = full.deserialize(topic, headers, data);
        return e == null ? null : EventMetadata.of(e);
    }

    @Override
    public EventMetadata deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null || !data.hasArray()) {
            AgentEgressEvent e = full.deserialize(topic, headers, data);
            return e == null ? null : EventMetadata.of(e);
        }
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return deserialize(topic, headers, bytes);
    }

    @Override
    public void close() {
        full.close();
    }

    /** The metadata, or null when the record is not one of the current schema or its body does not read. */
    private EventMetadata readOrNull(byte[] data) {
        if (data.length < WireFormat.HEADER_SIZE || data[0] != WireFormat.MAGIC_BYTE) {
            return null;
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        try {
            if (!isCurrent(client.schemaById(id))) {
                return null;
            }
            BinaryDecoder d = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
            return EventMetadataReader.read(d);
        } catch (IOException | RuntimeException e) {
            // the full deserializer reads the record again and fails with its own exception
            return null;
        }
    }

    private boolean isCurrent(Schema writer) {
        if (writer == current) {
            return true;
        }
        if (!writer.equals(EventFields.SCHEMA)) {
            return false;
        }
        current = writer;
        return true;
    }
}
