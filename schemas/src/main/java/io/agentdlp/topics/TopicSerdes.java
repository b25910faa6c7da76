package io.agentdlp.topics;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import io.agentdlp.events.EventMetadata;
import io.agentdlp.events.EventMetadataDeserializer;
import io.agentdlp.registry.client.SchemaRegistryClient;
import io.agentdlp.serde.AvroBodyReader;
import io.agentdlp.serde.AvroBodyWriter;
import io.agentdlp.serde.AvroClassTrust;
import io.agentdlp.serde.AvroSerdeConfig;
import io.agentdlp.serde.RegistryClients;
import io.agentdlp.serde.SpecificAvroSerde;

/**
 * The typed key and value serdes of the topics in {@link Topics}: UTF-8 strings for String keys,
 * Confluent wire-format Avro for generated classes, raw bytes for {@code byte[]} (dead letters,
 * {@code _schemas}). All Avro serdes of one instance share one registry client, created from the
 * configuration ({@link AvroSerdeConfig} keys, e.g. {@code schema.registry.url}) and closed by
 * {@link #close()}. Serdes are returned already configured.
 */
public final class TopicSerdes implements AutoCloseable {
    static {
        AvroClassTrust.trustGenerated();
    }

    private final Map<String, ?> config;
    private final SchemaRegistryClient client;
    private final boolean ownsClient;

    private TopicSerdes(Map<String, ?> config, SchemaRegistryClient client, boolean ownsClient) {
        this.config = Map.copyOf(config);
        this.client = client;
        this.ownsClient = ownsClient;
    }

    /** Creates the registry client from {@code config}; {@link #close()} closes it. */
    public static TopicSerdes fromConfig(Map<String, ?> config) {
        return new TopicSerdes(config, RegistryClients.fromConfig(new AvroSerdeConfig(config)), true);
    }

    /** Uses {@code client}, which the caller keeps ownership of. */
    public static TopicSerdes withClient(Map<String, ?> config, SchemaRegistryClient client) {
        return new TopicSerdes(config, client, false);
    }

    /** The configured serde of {@code spec}'s keys. */
    public <K> Serde<K> keySerde(TopicSpec<K, ?> spec) {
        return serde(spec, spec.keyType(), true);
    }

    /** The configured serde of {@code spec}'s values. */
    public <V> Serde<V> valueSerde(TopicSpec<?, V> spec) {
        return serde(spec, spec.valueType(), false);
    }

    /**
     * The configured serde of {@code spec}'s values, whose serializer writes the Avro bodies with {@code body}
     * instead of Avro's writer: the same bytes (the writer's contract), so the same wire format.
     */
    public <V extends SpecificRecord> Serde<V> valueSerde(TopicSpec<?, V> spec, AvroBodyWriter<V> body) {
        if (spec.valueType() != body.type()) {
            throw new IllegalArgumentException("topic " + spec.id() + ": a body writer of " + body.type().getName()
                    + " for values of " + spec.valueType().getName());
        }
        SpecificAvroSerde<V> serde = new SpecificAvroSerde<>(spec.valueType(), client, body);
        serde.configure(config, false);
        return serde;
    }

    /**
     * The configured serde of {@code spec}'s values, whose deserializer reads the records of the body reader's
     * schema with {@code body} instead of Avro's reader: the same objects (the reader's contract).
     */
    public <V extends SpecificRecord> Serde<V> valueSerde(TopicSpec<?, V> spec, AvroBodyReader<V> body) {
        if (spec.valueType() != body.type()) {
            throw new IllegalArgumentException("topic " + spec.id() + ": a body reader of " + body.type().getName()
                    + " for values of " + spec.valueType().getName());
        }
        SpecificAvroSerde<V> serde = new SpecificAvroSerde<>(spec.valueType(), client, body);
        serde.configure(config, false);
        return serde;
    }

    /**
     * Reads the metadata of {@code agent-egress-events} records without decoding their content, for readers
     * that never look at it; every record reads as the metadata of what {@link #valueSerde} reads.
     */
    public Deserializer<EventMetadata> eventMetadataDeserializer() {
        return new EventMetadataDeserializer(valueSerde(Topics.EGRESS_EVENTS).deserializer(), client);
    }

    /**
     * {@link #eventMetadataDeserializer()} as a serde for a Kafka Streams source; its serializer refuses,
     * since metadata is never written (events are, whole).
     */
    public Serde<EventMetadata> eventMetadataSerde() {
        Serializer<EventMetadata> refuses = (topic, metadata) -> {
            throw new UnsupportedOperationException("event metadata is read-only: write whole AgentEgressEvent records");
        };
        return Serdes.serdeFrom(refuses, eventMetadataDeserializer());
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> Serde<T> serde(TopicSpec<?, ?> spec, Class<T> type, boolean isKey) {
        if (type == String.class) {
            return (Serde<T>) Serdes.String();
        }
        if (type == byte[].class) {
            return (Serde<T>) Serdes.ByteArray();
        }
        if (SpecificRecord.class.isAssignableFrom(type)) {
            SpecificAvroSerde serde = new SpecificAvroSerde((Class) type, client);
            serde.configure(config, isKey);
            return serde;
        }
        throw new IllegalArgumentException("topic " + spec.id() + ": no serde for " + (isKey ? "key" : "value")
                + " type " + type.getName());
    }
}
