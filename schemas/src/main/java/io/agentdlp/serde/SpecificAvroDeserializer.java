package io.agentdlp.serde;

import org.apache.avro.specific.SpecificRecord;

import io.agentdlp.registry.client.SchemaRegistryClient;

/**
 * Deserializes Confluent wire-format bytes into a generated class. The reader schema is that
 * class's schema, so records written with an older or newer compatible schema are resolved into
 * it. The class is the one given to the constructor, else {@code specific.avro.key.type} /
 * {@code specific.avro.value.type}, else the class named by each record's writer schema.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> extends AvroDeserializerBase<T> {
    private final Class<T> type;

    /** Reads into the class named by the configuration or the writer schema. */
    public SpecificAvroDeserializer() {
        this(null, null);
    }

    /** Reads into {@code type}. */
    public SpecificAvroDeserializer(Class<T> type) {
        this(type, null);
    }

    /** Uses {@code client}, which the caller keeps ownership of. */
    public SpecificAvroDeserializer(SchemaRegistryClient client) {
        this(null, client);
    }

    /**
     * @param type    class to read into, or null to follow the configuration or the writer schema
     * @param client  registry client the caller keeps ownership of, or null to create one in {@code configure}
     */
    public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient client) {
        this(type, client, null);
    }

    /**
     * Reads the records of {@code body}'s class and schema with {@code body} instead of Avro's reader
     * (the same objects), every other record with Avro's reader.
     *
     * @param type    class to read into, or null to follow the configuration or the writer schema
     * @param client  registry client the caller keeps ownership of, or null to create one in {@code configure}
     * @param body    the body reader of one generated class, or null
     */
    public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient client, AvroBodyReader<? extends T> body) {
        super(client, body);
        this.type = type;
        AvroClassTrust.trustGenerated();
    }

    @Override
    boolean readsSpecific(AvroSerdeConfig config) {
        return true;
    }

    @Override
    Class<?> readerClass(AvroSerdeConfig config, boolean isKey) {
        return type != null ? type : config.specificType(isKey).orElse(null);
    }

    @Override
    Class<?> resultType(AvroSerdeConfig config, boolean isKey) {
        Class<?> reader = readerClass(config, isKey);
        return reader != null ? reader : SpecificRecord.class;
    }
}
