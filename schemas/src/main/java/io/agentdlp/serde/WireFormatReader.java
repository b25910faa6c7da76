package io.agentdlp.serde;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SystemLimitException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;

import io.agentdlp.registry.client.BoundedCache;
import io.agentdlp.registry.client.SchemaNotFoundException;
import io.agentdlp.registry.client.SchemaRegistryClient;
import io.agentdlp.registry.client.SchemaRegistryException;
import io.agentdlp.serde.AvroDeserializationException.Reason;
import io.agentdlp.serde.subject.SubjectNameStrategy;

/**
 * The deserializing half shared by every Avro deserializer: checks the header, fetches the writer
 * schema by id, picks the reader schema (a generated class, the subject's latest version, or the
 * writer schema itself) and resolves one into the other. Every failure is an
 * {@link AvroDeserializationException}; no other exception type escapes. Thread-safe once built.
 */
final class WireFormatReader {
    private static final int READER_CACHE_CAPACITY = 1000;

    private final SchemaRegistryClient client;
    private final boolean isKey;
    private final boolean specific;
    private final Class<?> specificClass;
    private final Class<?> resultType;
    private final boolean useLatestVersion;
    private final SubjectNameStrategy subjects;
    private final GenericData genericModel;
    private final AvroBodyReader<?> body;
    private final BoundedCache<ReaderKey, DatumReader<Object>> readers = new BoundedCache<>(READER_CACHE_CAPACITY);

    private record ReaderKey(Schema writer, Schema reader) {
    }

    /**
     * @param specificClass  the generated class to read into, or null to use the writer schema's name
     *                       (when {@code specific}) or generic records (otherwise)
     * @param resultType     what every datum must be an instance of (boxed types for primitives)
     * @param body           the body reader of one generated class, or null to read every record with Avro's reader
     */
    WireFormatReader(SchemaRegistryClient client, AvroSerdeConfig config, boolean isKey, boolean specific, Class<?> specificClass,
                     Class<?> resultType, AvroBodyReader<?> body) {
        AvroClassTrust.trust(config.trustedClasses());
        this.client = client;
        this.isKey = isKey;
        this.specificClass = specificClass;
        this.resultType = resultType;
        this.specific = specific || specificClass != null;
        this.useLatestVersion = config.useLatestVersion();
        this.subjects = config.subjectNameStrategy(isKey);
        this.genericModel = config.useLogicalTypeConverters() ? LogicalTypes.converting() : LogicalTypes.plain();
        this.body = body;
        if (specificClass != null && !SpecificRecord.class.isAssignableFrom(specificClass)) {
            throw new IllegalArgumentException(specificClass.getName() + " is not a generated Avro SpecificRecord class");
        }
    }

    /**
     * @param partition  the record's partition when the caller knows it, else null
     * @param offset     the record's offset when the caller knows it, else null
     * @return null for null data (a tombstone)
     */
    Object read(String topic, Integer partition, Long offset, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        ByteBuffer buf = data.duplicate();
        if (buf.remaining() < WireFormat.HEADER_SIZE) {
            throw new AvroDeserializationException(topic, partition, offset, null, Reason.TRUNCATED_HEADER,
                    buf.remaining() + " bytes, the header alone needs " + WireFormat.HEADER_SIZE, null);
        }
        byte magic = buf.get();
        if (magic != WireFormat.MAGIC_BYTE) {
            throw new AvroDeserializationException(topic, partition, offset, null, Reason.UNKNOWN_MAGIC_BYTE,
                    String.format("byte 0 is 0x%02x, Confluent wire format starts with 0x00", magic & 0xff), null);
        }
        int id = buf.getInt();
        Schema writer = writerSchema(topic, partition, offset, id);
        DatumReader<Object> reader = reader(topic, partition, offset, id, writer);
        Object datum = decode(topic, partition, offset, id, reader, buf);
        Object result = datum instanceof Utf8 ? datum.toString() : datum;
        if (result != null && !resultType.isInstance(result)) {
            throw new AvroDeserializationException(topic, partition, offset, id, Reason.UNEXPECTED_TYPE,
                    "writer schema " + writer.getFullName() + " reads as " + result.getClass().getName() + ", expected "
                            + resultType.getName(), null);
        }
        return result;
    }

    private Schema writerSchema(String topic, Integer partition, Long offset, int id) {
        try {
            return client.schemaById(id);
        } catch (SchemaNotFoundException e) {
            throw new AvroDeserializationException(topic, partition, offset, id, Reason.UNKNOWN_SCHEMA_ID,
                    "the registry has no schema with this id", e);
        } catch (SchemaRegistryException e) {
            throw new AvroDeserializationException(topic, partition, offset, id, Reason.REGISTRY_ERROR,
                    "cannot fetch the writer schema: " + e.getMessage(), e);
        }
    }

    private DatumReader<Object> reader(String topic, Integer partition, Long offset, int id, Schema writer) {
        Schema readerSchema;
        SpecificData specificData = null;
        if (specific && isNamed(writer)) {
            Class<?> cls = specificClass != null ? specificClass : generatedClass(topic, partition, offset, id, writer);
            specificData = SpecificData.getForClass(cls);
            readerSchema = specificData.getSchema(cls);
        } else if (useLatestVersion) {
            readerSchema = latestSchema(topic, partition, offset, id, writer);
        } else {
            readerSchema = writer;
        }
        ReaderKey key = new ReaderKey(writer, readerSchema);
        DatumReader<Object> cached = readers.get(key);
        if (cached != null) {
            return cached;
        }
        if (readerSchema != writer) {
            SchemaCompatibility.SchemaPairCompatibility c = SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
            if (c.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new AvroDeserializationException(topic, partition, offset, id, Reason.UNRESOLVABLE_SCHEMA,
                        "writer schema " + writer.getFullName() + " cannot be read as " + readerSchema.getFullName() + ": " + c.getDescription(), null);
            }
        }
        DatumReader<Object> created = specificData != null
                ? new SpecificDatumReader<>(writer, readerSchema, specificData)
                : new GenericDatumReader<>(writer, readerSchema, genericModel);
        if (readsByHand(specificData, readerSchema, writer)) {
            created = new HandReader(body, created);
        }
        readers.put(key, created);
        return created;
    }

    /** The body reader's conditions: its class and schema on both sides, and Avro's fast reader, whose objects it builds. */
    private boolean readsByHand(SpecificData specificData, Schema readerSchema, Schema writer) {
        return body != null && specificData != null && specificData.isFastReaderEnabled()
                && specificData.getClass(readerSchema) == body.type() && readerSchema.equals(body.schema())
                && writer.equals(body.schema());
    }

    private Class<?> generatedClass(String topic, Integer partition, Long offset, int id, Schema writer) {
        Class<?> cls;
        try {
            cls = SpecificData.get().getClass(writer);
        } catch (SecurityException e) {
            throw new AvroDeserializationException(topic, partition, offset, id, Reason.UNRESOLVABLE_SCHEMA,
                    "Avro refuses to load " + writer.getFullName() + "; add it or its package to "
                            + AvroSerdeConfig.AVRO_TRUSTED_CLASSES_CONFIG, e);
        }
        if (cls == null || !SpecificRecord.class.isAssignableFrom(cls)) {
            throw new AvroDeserializationException(topic, partition, offset, id, Reason.UNRESOLVABLE_SCHEMA,
                    "no generated class " + writer.getFullName() + " on the class path for a specific reader", null);
        }
        return cls;
    }

    private Schema latestSchema(String topic, Integer partition, Long offset, int id, Schema writer) {
        String subject = subjects.subjectName(topic, isKey, writer);
        try {
            return client.latest(subject).schema();
        } catch (SchemaRegistryException e) {
            throw new AvroDeserializationException(topic, partition, offset, id, Reason.REGISTRY_ERROR,
                    "use.latest.version is set and the latest schema of subject=" + subject + " cannot be fetched: " + e.getMessage(), e);
        }
    }

    private static boolean isNamed(Schema s) {
        return s.getType() == Schema.Type.RECORD || s.getType() == Schema.Type.ENUM || s.getType() == Schema.Type.FIXED;
    }

    private Object decode(String topic, Integer partition, Long offset, int id, DatumReader<Object> reader, ByteBuffer body) {
        byte[] array;
        int start;
        int length = body.remaining();
        if (body.hasArray()) {
            array = body.array();
            start = body.arrayOffset() + body.position();
        } else {
            array = new byte[length];
            body.get(array);
            start = 0;
        }
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(array, start, length, null);
        try {
            if (reader instanceof HandReader hand) {
                Object datum = hand.readOrNull(decoder);
                if (datum != null) {
                    return datum;
                }
                decoder = DecoderFactory.get().binaryDecoder(array, start, length, decoder);
                return hand.avro().read(null, decoder);
            }
            return reader.read(null, decoder);
        } catch (IOException | SystemLimitException e) {
            throw new AvroDeserializationException(topic, partition, offset, id, Reason.CORRUPT_BODY,
                    "the Avro body is truncated or corrupt (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        } catch (SecurityException e) {
            throw new AvroDeserializationException(topic, partition, offset, id, Reason.UNRESOLVABLE_SCHEMA,
                    "Avro refuses to instantiate a class of the reader schema; add it or its package to "
                            + AvroSerdeConfig.AVRO_TRUSTED_CLASSES_CONFIG, e);
        } catch (RuntimeException e) {
            throw new AvroDeserializationException(topic, partition, offset, id, Reason.CORRUPT_BODY,
                    "the Avro body does not match the writer schema (" + e.getClass().getSimpleName() + ")", RedactedException.of(e));
        }
    }

    /**
     * A body reader with Avro's reader for the same schemas beside it. Only {@link WireFormatReader#decode}
     * reads with it, since falling back means reading the body again from its start.
     */
    private record HandReader(AvroBodyReader<?> body, DatumReader<Object> avro) implements DatumReader<Object> {
        /**
         * The body, or null when the body reader fails on it: Avro's reader then reads the same bytes
         * and fails with its own exception, the one every caller and dead letter has always seen.
         */
        Object readOrNull(BinaryDecoder decoder) {
            try {
                return body.read(decoder);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public void setSchema(Schema schema) {
            throw new UnsupportedOperationException("a hand reader reads one fixed schema");
        }

        @Override
        public Object read(Object reuse, Decoder in) {
            throw new UnsupportedOperationException("read through WireFormatReader.decode, which can restart the body");
        }
    }
}
