package io.agentdlp.serde;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A deserializer that can also read a raw consumer record, so its failures name the record's
 * partition and offset (Kafka's {@code deserialize(topic, ...)} signatures carry only the topic).
 * Useful for dead-letter reprocessing and for consumers that poll {@code byte[]} records.
 */
public interface ConsumerRecordDeserializer<T> extends Deserializer<T> {

    /** Deserializes the record's key (when configured as a key deserializer) or its value. */
    T deserialize(ConsumerRecord<byte[], byte[]> record);
}
