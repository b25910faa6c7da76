package io.agentdlp.serde;

import org.apache.avro.generic.GenericRecord;

import io.agentdlp.registry.client.SchemaRegistryClient;

/**
 * Deserializes Confluent wire-format bytes into {@link GenericRecord}s, in the writer schema or,
 * with {@code use.latest.version=true}, in the subject's latest schema.
 */
public class GenericAvroDeserializer extends AvroDeserializerBase<GenericRecord> {
    /** Creates its registry client from {@code schema.registry.url} in {@code configure}. */
    public GenericAvroDeserializer() {
        super(null);
    }

    /** Uses {@code client}, which the caller keeps ownership of. */
    public GenericAvroDeserializer(SchemaRegistryClient client) {
        super(client);
    }

    @Override
    boolean readsSpecific(AvroSerdeConfig config) {
        return false;
    }

    @Override
    Class<?> readerClass(AvroSerdeConfig config, boolean isKey) {
        return null;
    }

    @Override
    Class<?> resultType(AvroSerdeConfig config, boolean isKey) {
        return GenericRecord.class;
    }
}
