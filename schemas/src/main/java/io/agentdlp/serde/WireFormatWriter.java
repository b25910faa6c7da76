package io.agentdlp.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

import io.agentdlp.registry.client.BoundedCache;
import io.agentdlp.registry.client.RegisteredSchema;
import io.agentdlp.registry.client.SchemaRegistryClient;
import io.agentdlp.registry.client.SchemaRegistryException;
import io.agentdlp.serde.subject.SubjectNameStrategy;

/**
 * The serializing half shared by every Avro serializer: finds the subject, gets the schema id
 * (registering, looking up or taking the latest version, as configured), and writes the 5-byte
 * header followed by the Avro binary datum, written by the {@link AvroBodyWriter} when one is given
 * for the value's class and schema. Thread-safe once built.
 */
final class WireFormatWriter {
    private static final int WRITER_CACHE_CAPACITY = 1000;

    private final SchemaRegistryClient client;
    private final boolean isKey;
    private final SubjectNameStrategy subjects;
    private final boolean autoRegister;
    private final boolean useLatestVersion;
    private final boolean latestCompatibilityStrict;
    private final AvroBodyWriter<?> body;
    private final BoundedCache<WriterKey, DatumWriter<Object>> writers = new BoundedCache<>(WRITER_CACHE_CAPACITY);
    private final BoundedCache<SchemaPair, String> projectionChecks = new BoundedCache<>(WRITER_CACHE_CAPACITY);

    private record WriterKey(Schema schema, Class<?> datumClass) {
    }

    private record SchemaPair(Schema writer, Schema reader) {
    }

    private record Target(int id, Schema schema) {
    }

    /** @param body the body writer of one record class, or null to write every value with Avro's writer */
    WireFormatWriter(SchemaRegistryClient client, AvroSerdeConfig config, boolean isKey, AvroBodyWriter<?> body) {
        this.client = client;
        this.body = body;
        this.isKey = isKey;
        this.subjects = config.subjectNameStrategy(isKey);
        this.autoRegister = config.autoRegisterSchemas();
        this.useLatestVersion = config.useLatestVersion();
        this.latestCompatibilityStrict = config.latestCompatibilityStrict();
    }

    /** {@code null} for a {@code null} value (a tombstone), the wire-format bytes otherwise. */
    byte[] write(String topic, Object value) {
        if (value == null) {
            return null;
        }
        Schema schema = ValueSchemas.of(value, topic);
        String subject = subjects.subjectName(topic, isKey, schema);
        if (subject == null || subject.isEmpty()) {
            throw new SerializationException("cannot serialize for topic=" + topic + ": the subject name strategy "
                    + subjects.getClass().getName() + " returned no subject");
        }
        Object datum = ValueSchemas.datum(value);
        Target target = target(topic, subject, schema);
        if (target.schema() != schema && !target.schema().equals(schema)) {
            datum = project(topic, subject, datum, schema, target.schema());
            return encode(topic, subject, target.id(), datum, target.schema(), Object.class);
        }
        return encode(topic, subject, target.id(), datum, schema, datum.getClass());
    }

    private Target target(String topic, String subject, Schema schema) {
        try {
            if (useLatestVersion) {
                RegisteredSchema latest = client.latest(subject);
                return new Target(latest.id(), latest.schema());
            }
            if (autoRegister) {
                return new Target(client.register(subject, schema), schema);
            }
            return new Target(client.lookup(subject, schema).id(), schema);
        } catch (SchemaRegistryException e) {
            String action = useLatestVersion ? "fetch the latest schema of" : autoRegister ? "register the schema under" : "look up the schema under";
            throw new SerializationException("cannot serialize for topic=" + topic + ": cannot " + action + " subject="
                    + subject + ": " + e.getMessage(), e);
        }
    }

    private byte[] encode(String topic, String subject, int id, Object datum, Schema schema, Class<?> datumClass) {
        EncodeBuffer buffer = EncodeBuffer.ofThisThread();
        try {
            return buffer.encode(id, datum, writer(schema, datumClass, datum));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize for topic=" + topic + " subject=" + subject + " schema_id=" + id
                    + ": the value does not match schema " + schema.getFullName() + " (" + safeDescription(e) + ")", redacted(e));
        } finally {
            buffer.release();
        }
    }

    private DatumWriter<Object> writer(Schema schema, Class<?> datumClass, Object datum) {
        return writers.computeIfAbsent(new WriterKey(schema, datumClass), k -> body != null && datumClass == body.type()
                && schema.equals(body.schema())
                ? new BodyDatumWriter<>(body)
                : datum instanceof SpecificRecord
                ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(datumClass))
                : new GenericDatumWriter<>(schema, LogicalTypes.converting()));
    }

    /** An {@link AvroBodyWriter} where the encode buffer expects Avro's writer. */
    private record BodyDatumWriter<T>(AvroBodyWriter<T> body) implements DatumWriter<Object> {
        @Override
        public void setSchema(Schema schema) {
            throw new UnsupportedOperationException("a body writer writes " + body.schema().getFullName() + " only");
        }

        @Override
        public void write(Object datum, Encoder out) throws IOException {
            body.write(body.type().cast(datum), out);
        }
    }

    /**
     * Re-expresses {@code datum} (of {@code own} schema) in the {@code latest} schema by Avro schema
     * resolution: encode with its own schema, decode with the latest as reader. Needed because Avro
     * writers address record fields by position, which differs between versions.
     */
    private Object project(String topic, String subject, Object datum, Schema own, Schema latest) {
        if (latestCompatibilityStrict) {
            String problem = projectionChecks.computeIfAbsent(new SchemaPair(own, latest), k -> {
                SchemaCompatibility.SchemaPairCompatibility c = SchemaCompatibility.checkReaderWriterCompatibility(latest, own);
                return c.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE ? "" : c.getDescription();
            });
            if (!problem.isEmpty()) {
                throw new SerializationException("cannot serialize for topic=" + topic + ": use.latest.version is set and the latest schema of subject="
                        + subject + " cannot read records of schema " + own.getFullName() + ": " + problem);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer(own, datum.getClass(), datum).write(datum, encoder);
            encoder.flush();
            GenericDatumReader<Object> reader = new GenericDatumReader<>(own, latest, GenericData.get());
            return reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize for topic=" + topic + ": cannot convert a " + own.getFullName()
                    + " into the latest schema of subject=" + subject + " (" + safeDescription(e) + ")", redacted(e));
        }
    }

    /** Avro's NullPointerExceptions name the field path only; other messages may quote the value. */
    private static String safeDescription(Throwable e) {
        return e instanceof NullPointerException && e.getMessage() != null
                ? "NullPointerException: " + e.getMessage()
                : e.getClass().getSimpleName();
    }

    private static Throwable redacted(Throwable e) {
        return e instanceof NullPointerException ? e : RedactedException.of(e);
    }
}
