package io.agentdlp.serde;

import org.apache.avro.generic.GenericRecord;

import io.agentdlp.registry.client.SchemaRegistryClient;

/** Kafka {@code Serde} for {@link GenericRecord}s in the Confluent wire format. */
public class GenericAvroSerde extends AvroSerdeBase<GenericRecord> {
    /** Creates its registry client from {@code schema.registry.url} in {@code configure}. */
    public GenericAvroSerde() {
        this(null);
    }

    /** Uses {@code client}, which the caller keeps ownership of. */
    public GenericAvroSerde(SchemaRegistryClient client) {
        super(new GenericAvroSerializer(client), new GenericAvroDeserializer(client), client);
    }
}
