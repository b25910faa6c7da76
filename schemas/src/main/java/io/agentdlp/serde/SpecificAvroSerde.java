package io.agentdlp.serde;

import org.apache.avro.specific.SpecificRecord;

import io.agentdlp.registry.client.SchemaRegistryClient;

/**
 * Kafka {@code Serde} for a generated Avro class in the Confluent wire format. Call
 * {@code configure(props, isKey)} before use, e.g. with
 * {@code schema.registry.url=http://localhost:8081} (or {@code mock://<scope>} in tests).
 */
public class SpecificAvroSerde<T extends SpecificRecord> extends AvroSerdeBase<T> {
    /** Reads into the class named by the configuration or the writer schema. */
    public SpecificAvroSerde() {
        this(null, null);
    }

    /** Reads into {@code type}. */
    public SpecificAvroSerde(Class<T> type) {
        this(type, null);
    }

    /** Uses {@code client}, which the caller keeps ownership of. */
    public SpecificAvroSerde(SchemaRegistryClient client) {
        this(null, client);
    }

    /**
     * @param type    class to read into, or null to follow the configuration or the writer schema
     * @param client  registry client the caller keeps ownership of, or null to create one in {@code configure}
     */
    public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
        super(new SpecificAvroSerializer<>(client), new SpecificAvroDeserializer<>(type, client), client);
    }

    /**
     * Writes the bodies of {@code body}'s class with {@code body} instead of Avro's writer; the same
     * wire format, read as before.
     *
     * @param type    class to read into, or null to follow the configuration or the writer schema
     * @param client  registry client the caller keeps ownership of, or null to create one in {@code configure}
     * @param body    the body writer of one record class
     */
    public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client, AvroBodyWriter<? extends T> body) {
        super(new SpecificAvroSerializer<>(client, body), new SpecificAvroDeserializer<>(type, client), client);
    }

    /**
     * Reads the records of {@code body}'s class and schema with {@code body} instead of Avro's reader;
     * the same objects, written as before.
     *
     * @param type    class to read into, or null to follow the configuration or the writer schema
     * @param client  registry client the caller keeps ownership of, or null to create one in {@code configure}
     * @param body    the body reader of one record class
     */
    public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client, AvroBodyReader<? extends T> body) {
        super(new SpecificAvroSerializer<>(client), new SpecificAvroDeserializer<>(type, client, body), client);
    }
}
