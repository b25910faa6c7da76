package io.agentdlp.serde;

import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import io.agentdlp.registry.client.SchemaRegistryClient;

/**
 * What the Avro serializers share: configuration, registry client ownership (a client the
 * serializer created is closed with it; an injected one is not) and delegation to
 * {@link WireFormatWriter}.
 */
abstract class AvroSerializerBase<T> implements Serializer<T> {
    static {
        // records built before any datum is read (builders deep-copy record-typed defaults) need it too
        AvroClassTrust.trustGenerated();
    }

    private final SchemaRegistryClient injectedClient;
    private final AvroBodyWriter<? extends T> body;
    private SchemaRegistryClient ownedClient;
    private volatile WireFormatWriter writer;

    AvroSerializerBase(SchemaRegistryClient injectedClient) {
        this(injectedClient, null);
    }

    /** @param body the body writer of one record class, or null to write every value with Avro's writer */
    AvroSerializerBase(SchemaRegistryClient injectedClient, AvroBodyWriter<? extends T> body) {
        this.injectedClient = injectedClient;
        this.body = body;
    }

    /**
     * Reads {@link AvroSerdeConfig}; without an injected client, creates one from
     * {@code schema.registry.url}.
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        SchemaRegistryClient client = injectedClient;
        if (client == null) {
            closeOwnedClient();
            client = RegistryClients.fromConfig(config);
            ownedClient = client;
        }
        configureWith(config, isKey, client);
    }

    /** Configures with a client owned by someone else (the enclosing serde). */
    void configureWith(AvroSerdeConfig config, boolean isKey, SchemaRegistryClient client) {
        this.writer = new WireFormatWriter(client, config, isKey, body);
    }

    /** The wire-format bytes of {@code data}, or null for null (a tombstone). */
    @Override
    public byte[] serialize(String topic, T data) {
        return writer().write(topic, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        return writer().write(topic, data);
    }

    @Override
    public void close() {
        closeOwnedClient();
    }

    private WireFormatWriter writer() {
        WireFormatWriter w = writer;
        if (w == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not configured: call configure(props, isKey) first");
        }
        return w;
    }

    private void closeOwnedClient() {
        if (ownedClient != null) {
            ownedClient.close();
            ownedClient = null;
        }
    }
}
