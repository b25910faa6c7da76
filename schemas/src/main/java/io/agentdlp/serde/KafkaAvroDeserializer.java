package io.agentdlp.serde;

import io.agentdlp.registry.client.SchemaRegistryClient;

/**
 * Deserializes Confluent wire-format bytes into {@link org.apache.avro.generic.GenericRecord}s, or
 * into generated classes when {@code specific.avro.reader=true} (the class named by the writer
 * schema, or {@code specific.avro.key.type} / {@code specific.avro.value.type}). Primitive schemas
 * give Java values (strings as String). The counterpart of Confluent's class of the same name.
 */
public class KafkaAvroDeserializer extends AvroDeserializerBase<Object> {
    /** Creates its registry client from {@code schema.registry.url} in {@code configure}. */
    public KafkaAvroDeserializer() {
        super(null);
    }

    /** Uses {@code client}, which the caller keeps ownership of. */
    public KafkaAvroDeserializer(SchemaRegistryClient client) {
        super(client);
    }

    @Override
    boolean readsSpecific(AvroSerdeConfig config) {
        return config.specificAvroReader();
    }

    @Override
    Class<?> readerClass(AvroSerdeConfig config, boolean isKey) {
        return config.specificAvroReader() ? config.specificType(isKey).orElse(null) : null;
    }

    @Override
    Class<?> resultType(AvroSerdeConfig config, boolean isKey) {
        return Object.class;
    }
}
