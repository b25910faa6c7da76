package io.agentdlp.serde;

import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Avro schema of a value handed to a serializer: the schema a record, enum or fixed carries,
 * or the primitive schema of a Java primitive wrapper, string or byte array (Confluent's serializer
 * accepts the same set, so keys can be plain strings or numbers in the wire format).
 */
final class ValueSchemas {
    private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
    private static final Schema INT = Schema.create(Schema.Type.INT);
    private static final Schema LONG = Schema.create(Schema.Type.LONG);
    private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
    private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

    private ValueSchemas() {
    }

    /**
     * @param value  a non-null value
     * @throws SerializationException naming the Java type (never the value) when it has no Avro schema
     */
    static Schema of(Object value, String topic) {
        if (value instanceof GenericContainer container) {
            Schema schema = container.getSchema();
            if (schema == null) {
                throw new SerializationException("cannot serialize for topic=" + topic + ": "
                        + value.getClass().getName() + " returned no schema");
            }
            return schema;
        }
        if (value instanceof CharSequence) {
            return STRING;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return INT;
        }
        if (value instanceof Long) {
            return LONG;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof Float) {
            return FLOAT;
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return BYTES;
        }
        throw new SerializationException("cannot serialize for topic=" + topic + ": " + value.getClass().getName()
                + " is neither an Avro record/enum/fixed nor a supported primitive");
    }

    /** The datum Avro's writers expect for {@code value} (byte arrays as ByteBuffer, small ints as int). */
    static Object datum(Object value) {
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        if (value instanceof Short s) {
            return s.intValue();
        }
        if (value instanceof Byte b) {
            return b.intValue();
        }
        return value;
    }
}
