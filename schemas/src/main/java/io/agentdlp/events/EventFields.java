package io.agentdlp.events;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;
import io.agentdlp.avro.ToolCategory;

/**
 * The {@code AgentEgressEvent} body layout both hand readers follow ({@link EventAvroReader},
 * {@link EventMetadataReader}), and the fields they read alike, each with the decoder calls and checks of
 * Avro's fast reader. Loading it fails when {@code AgentEgressEvent}'s schema changed, so a schema change
 * cannot silently read the old layout.
 */
final class EventFields {
    /** Parsing fingerprint (CRC-64-AVRO) of the {@code AgentEgressEvent} schema the readers follow. */
    private static final long SCHEMA_FINGERPRINT = 0x65741c7617f5e115L;
    static final Schema SCHEMA = checked(AgentEgressEvent.getClassSchema());
    static final Schema FINDINGS = SCHEMA.getField("findings").schema();
    static final Schema FINGERPRINTS = SCHEMA.getField("fingerprints").schema().getTypes().get(1);
    static final Schema HASHES = FINGERPRINTS.getField("hashes").schema();
    static final Schema LINES = FINGERPRINTS.getField("lines").schema();
    static final EventSource[] SOURCES = EventSource.values();
    static final EventKind[] KINDS = EventKind.values();
    static final ToolCategory[] CATEGORIES = ToolCategory.values();
    private static final Severity[] SEVERITIES = Severity.values();

    private EventFields() {
    }

    private static Schema checked(Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        if (fingerprint != SCHEMA_FINGERPRINT) {
            throw new IllegalStateException("the AgentEgressEvent schema changed (fingerprint " + Long.toHexString(fingerprint)
                    + "): update EventAvroReader and EventMetadataReader to the new fields and EventFields.SCHEMA_FINGERPRINT");
        }
        return schema;
    }

    static List<Finding> findings(BinaryDecoder d) throws IOException {
        return array(d, FINDINGS, EventFields::finding, true);
    }

    private static Finding finding(BinaryDecoder d) throws IOException {
        return new Finding(d.readString(), d.readString(), SEVERITIES[d.readEnum()], d.readDouble(), d.readString(),
                d.readString(), optionalString(d), optionalInt(d), optionalInt(d), present(d) ? d.readLong() : null,
                optionalInt(d));
    }

    /** Reads one array item. */
    interface ItemReader<T> {
        T read(BinaryDecoder d) throws IOException;
    }

    /**
     * An array read as Avro's fast reader reads it (block checks, capacity), each item with {@code item}: into Avro's
     * array class when {@code keep}, else read and dropped (null returned), so a skipped array fails where Avro fails.
     */
    static <T> List<T> array(BinaryDecoder d, Schema schema, ItemReader<T> item, boolean keep) throws IOException {
        long n = arrayBlock(d, d.readArrayStart(), schema);
        int capacity = GenericDatumReader.initialCollectionCapacity(n);
        GenericData.Array<T> values = keep ? new GenericData.Array<>(capacity, schema) : null;
        for (; n > 0; n = arrayBlock(d, d.arrayNext(), schema)) {
            for (long i = 0; i < n; i++) {
                T value = item.read(d);
                if (keep) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** A block's item count, after the check Avro's fast reader makes of it (enough bytes left for that many items). */
    private static long arrayBlock(BinaryDecoder d, long n, Schema array) throws IOException {
        if (n > 0) {
            GenericDatumReader.ensureAvailableCollectionBytes(d, n, array.getElementType());
        }
        return n;
    }

    static Map<String, String> attributes(BinaryDecoder d) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (long n = d.readMapStart(); n > 0; n = d.mapNext()) {
            for (long i = 0; i < n; i++) {
                String key = d.readString();
                values.put(key, d.readString());
            }
        }
        return values;
    }

    static String optionalString(BinaryDecoder d) throws IOException {
        return present(d) ? d.readString() : null;
    }

    static Integer optionalInt(BinaryDecoder d) throws IOException {
        return present(d) ? d.readInt() : null;
    }

    /** A {@code ["null", T]} union's branch: false for null. */
    static boolean present(BinaryDecoder d) throws IOException {
        int branch = d.readIndex();
        if (branch != 0 && branch != 1) {
            throw new IOException("union branch " + branch + " out of range");
        }
        return branch == 1;
    }
}
