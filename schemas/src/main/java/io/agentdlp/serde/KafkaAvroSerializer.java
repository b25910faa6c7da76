package io.agentdlp.serde;

import io.agentdlp.registry.client.SchemaRegistryClient;

/**
 * Serializes any Avro value (SpecificRecord, GenericRecord, enum, fixed, or a Java primitive,
 * String or byte[]) into the Confluent wire format; the counterpart of Confluent's class of the same
 * name. Configure with {@link AvroSerdeConfig} keys; null values serialize to null (tombstones).
 */
public class KafkaAvroSerializer extends AvroSerializerBase<Object> {
    /** Creates its registry client from {@code schema.registry.url} in {@code configure}. */
    public KafkaAvroSerializer() {
        super(null);
    }

    /** Uses {@code client}, which the caller keeps ownership of. */
    public KafkaAvroSerializer(SchemaRegistryClient client) {
        super(client);
    }
}
