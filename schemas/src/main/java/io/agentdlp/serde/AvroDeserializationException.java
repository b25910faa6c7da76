package io.agentdlp.serde;

import java.util.OptionalInt;
import java.util.OptionalLong;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes could not be turned into an Avro datum. Kafka Streams hands it to the
 * {@code DeserializationExceptionHandler} together with topic, partition and offset; a plain
 * consumer sees it from {@code poll()} as a {@code RecordDeserializationException} naming them.
 * When the caller knows them ({@link ConsumerRecordDeserializer}), partition and offset are part
 * of this exception and its message too. The message never contains record content.
 */
public class AvroDeserializationException extends SerializationException {

    /** Why the record could not be read. */
    public enum Reason {
        /** Fewer than the 5 header bytes. */
        TRUNCATED_HEADER,
        /** Byte 0 is not the magic byte 0: not Confluent wire format. */
        UNKNOWN_MAGIC_BYTE,
        /** The registry has no schema with that id. */
        UNKNOWN_SCHEMA_ID,
        /** The registry could not be asked (unreachable, error answer). */
        REGISTRY_ERROR,
        /** The writer schema cannot be read into the reader schema or class. */
        UNRESOLVABLE_SCHEMA,
        /** The Avro body is truncated or does not match the writer schema. */
        CORRUPT_BODY,
        /** The datum is not of the type the deserializer promises. */
        UNEXPECTED_TYPE
    }

    private final String topic;
    private final Integer partition;
    private final Long offset;
    private final Integer schemaId;
    private final Reason reason;

    public AvroDeserializationException(String topic, Integer partition, Long offset, Integer schemaId, Reason reason,
                                        String detail, Throwable cause) {
        super(message(topic, partition, offset, schemaId, reason, detail), cause);
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.schemaId = schemaId;
        this.reason = reason;
    }

    public String topic() {
        return topic;
    }

    public OptionalInt partition() {
        return partition == null ? OptionalInt.empty() : OptionalInt.of(partition);
    }

    public OptionalLong offset() {
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** The schema id of the header, when the header was readable. */
    public OptionalInt schemaId() {
        return schemaId == null ? OptionalInt.empty() : OptionalInt.of(schemaId);
    }

    public Reason reason() {
        return reason;
    }

    private static String message(String topic, Integer partition, Long offset, Integer schemaId, Reason reason, String detail) {
        StringBuilder b = new StringBuilder("cannot deserialize Avro record: topic=").append(topic);
        if (partition != null) {
            b.append(" partition=").append(partition);
        }
        if (offset != null) {
            b.append(" offset=").append(offset);
        }
        if (schemaId != null) {
            b.append(" schema_id=").append(schemaId);
        }
        return b.append(" reason=").append(reason).append(": ").append(detail).toString();
    }
}
