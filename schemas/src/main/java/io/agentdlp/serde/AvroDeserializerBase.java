package io.agentdlp.serde;

import java.nio.ByteBuffer;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

import io.agentdlp.registry.client.SchemaRegistryClient;

/**
 * What the Avro deserializers share: configuration, registry client ownership and delegation to
 * {@link WireFormatReader}. Subclasses say whether they read generated classes and what type they
 * return.
 */
abstract class AvroDeserializerBase<T> implements ConsumerRecordDeserializer<T> {
    static {
        AvroClassTrust.trustGenerated();
    }

    private final SchemaRegistryClient injectedClient;
    private final AvroBodyReader<? extends T> body;
    private SchemaRegistryClient ownedClient;
    private volatile WireFormatReader reader;
    private volatile boolean isKey;

    AvroDeserializerBase(SchemaRegistryClient injectedClient) {
        this(injectedClient, null);
    }

    /** @param body the body reader of one generated class, or null to read every record with Avro's reader */
    AvroDeserializerBase(SchemaRegistryClient injectedClient, AvroBodyReader<? extends T> body) {
        this.injectedClient = injectedClient;
        this.body = body;
    }

    /** True when named types are read into generated classes. */
    abstract boolean readsSpecific(AvroSerdeConfig config);

    /** The generated class to read into, or null to follow the writer schema. */
    abstract Class<?> readerClass(AvroSerdeConfig config, boolean isKey);

    /** What every returned datum is an instance of. */
    abstract Class<?> resultType(AvroSerdeConfig config, boolean isKey);

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
        this.isKey = isKey;
        this.reader = new WireFormatReader(client, config, isKey, readsSpecific(config), readerClass(config, isKey),
                resultType(config, isKey), body);
    }

    /**
     * @throws AvroDeserializationException naming the topic and the cause, never with record content
     */
    @Override
    public T deserialize(String topic, byte[] data) {
        return read(topic, null, null, data == null ? null : ByteBuffer.wrap(data));
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return read(topic, null, null, data == null ? null : ByteBuffer.wrap(data));
    }

    /** Reads the buffer's remaining bytes without moving its position. */
    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        return read(topic, null, null, data);
    }

    @Override
    public T deserialize(ConsumerRecord<byte[], byte[]> record) {
        byte[] data = isKey ? record.key() : record.value();
        return read(record.topic(), record.partition(), record.offset(), data == null ? null : ByteBuffer.wrap(data));
    }

    @Override
    public void close() {
        closeOwnedClient();
    }

    @SuppressWarnings("unchecked")
    private T read(String topic, Integer partition, Long offset, ByteBuffer data) {
        WireFormatReader r = reader;
        if (r == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not configured: call configure(props, isKey) first");
        }
        return (T) r.read(topic, partition, offset, data);
    }

    private void closeOwnedClient() {
        if (ownedClient != null) {
            ownedClient.close();
            ownedClient = null;
        }
    }
}
