package io.agentdlp.serde;

import org.apache.avro.specific.SpecificRecord;

import io.agentdlp.registry.client.SchemaRegistryClient;

/** Serializes generated Avro classes into the Confluent wire format. */
public class SpecificAvroSerializer<T extends SpecificRecord> extends AvroSerializerBase<T> {
    /** Creates its registry client from {@code schema.registry.url} in {@code configure}. */
    public SpecificAvroSerializer() {
        super(null);
    }

    /** Uses {@code client}, which the caller keeps ownership of. */
    public SpecificAvroSerializer(SchemaRegistryClient client) {
        super(client);
    }

    /**
     * Uses {@code client}, which the caller keeps ownership of, and writes the bodies of {@code body}'s class
     * with {@code body} instead of Avro's writer.
     */
    public SpecificAvroSerializer(SchemaRegistryClient client, AvroBodyWriter<? extends T> body) {
        super(client, body);
    }
}
