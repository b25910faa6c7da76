package io.agentdlp.serde;

import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import io.agentdlp.registry.client.SchemaRegistryClient;

/**
 * A serializer and deserializer pair sharing one registry client: the injected one, or one created
 * from the configuration in {@link #configure} and closed with the serde.
 */
abstract class AvroSerdeBase<T> implements Serde<T> {
    private final AvroSerializerBase<T> serializer;
    private final AvroDeserializerBase<T> deserializer;
    private final SchemaRegistryClient injectedClient;
    private SchemaRegistryClient ownedClient;

    AvroSerdeBase(AvroSerializerBase<T> serializer, AvroDeserializerBase<T> deserializer, SchemaRegistryClient injectedClient) {
        this.serializer = serializer;
        this.deserializer = deserializer;
        this.injectedClient = injectedClient;
    }

    /** Configures both halves; must be called before use (Kafka Streams does not call it for serde instances). */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        SchemaRegistryClient client = injectedClient;
        if (client == null) {
            closeOwnedClient();
            client = RegistryClients.fromConfig(config);
            ownedClient = client;
        }
        serializer.configureWith(config, isKey, client);
        deserializer.configureWith(config, isKey, client);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public ConsumerRecordDeserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
        closeOwnedClient();
    }

    private void closeOwnedClient() {
        if (ownedClient != null) {
            ownedClient.close();
            ownedClient = null;
        }
    }
}
