package io.agentdlp.serde;

import org.apache.avro.generic.GenericRecord;

import io.agentdlp.registry.client.SchemaRegistryClient;

/** Serializes {@link GenericRecord}s into the Confluent wire format. */
public class GenericAvroSerializer extends AvroSerializerBase<GenericRecord> {
    /** Creates its registry client from {@code schema.registry.url} in {@code configure}. */
    public GenericAvroSerializer() {
        super(null);
    }

    /** Uses {@code client}, which the caller keeps ownership of. */
    public GenericAvroSerializer(SchemaRegistryClient client) {
        super(client);
    }
}
