package io.agentdlp.events;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SystemLimitException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;

import io.agentdlp.avro.Agent;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Repo;
import io.agentdlp.avro.Severity;
import io.agentdlp.avro.ToolCategory;
import io.agentdlp.avro.User;

/**
 * Reads the {@link EventMetadata} of an {@code AgentEgressEvent} body written with exactly the current
 * schema, field by field, stepping over the content text, tool input, working directory, raw reference and
 * fingerprints without decoding them. Every value it keeps is what Avro's reader gives for that field
 * (the generated records for devices, users, agents, destinations, repos and findings, Avro's array class
 * for the findings, a {@link HashMap} for the attributes). It makes the checks Avro's reader makes on the
 * fields it steps over too (negative and oversized lengths, bytes left for an array block), so it fails on
 * every body Avro's reader fails on; {@link EventMetadataDeserializer} then reads with Avro's reader, whose
 * exception callers see.
 *
 * <p>The reader follows one version of the schema: it refuses to load when {@code AgentEgressEvent}'s
 * schema changed, so a schema change cannot silently read the old layout.
 */
final class EventMetadataReader {
    /** Parsing fingerprint (CRC-64-AVRO) of the {@code AgentEgressEvent} schema this reader follows. */
    private static final long SCHEMA_FINGERPRINT = 0x65741c7617f5e115L;
    static final Schema SCHEMA = checked(AgentEgressEvent.getClassSchema());
    private static final Schema FINDINGS = SCHEMA.getField("findings").schema();
    private static final Schema FINGERPRINTS = SCHEMA.getField("fingerprints").schema().getTypes().get(1);
    private static final Schema HASHES = FINGERPRINTS.getField("hashes").schema();
    private static final Schema LINES = FINGERPRINTS.getField("lines").schema();
    private static final EventSource[] SOURCES = EventSource.values();
    private static final EventKind[] KINDS = EventKind.values();
    private static final ToolCategory[] CATEGORIES = ToolCategory.values();
    private static final Severity[] SEVERITIES = Severity.values();

    private EventMetadataReader() {
    }

    private static Schema checked(Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        if (fingerprint != SCHEMA_FINGERPRINT) {
            throw new IllegalStateException("the AgentEgressEvent schema changed (fingerprint " + Long.toHexString(fingerprint)
                    + "): update EventMetadataReader to the new fields and its SCHEMA_FINGERPRINT");
        }
        return schema;
    }

    /** Reads one body, without any header. */
    static EventMetadata read(BinaryDecoder d) throws IOException {
        String eventId = d.readString();
        Instant eventTime = Instant.ofEpochMilli(d.readLong());
        Instant ingestTime = Instant.ofEpochMilli(d.readLong());
        EventSource source = SOURCES[d.readEnum()];
        Device device = new Device(d.readString(), optionalString(d), optionalString(d));
        User user = new User(optionalString(d), optionalString(d));
        Agent agent = new Agent(d.readString(), optionalString(d), optionalString(d));
        String sessionId = optionalString(d);
        String turnId = optionalString(d);
        String toolUseId = optionalString(d);
        EventKind kind = KINDS[d.readEnum()];
        EventMetadata.ToolInfo tool = null;
        if (present(d)) {
            String name = d.readString();
            ToolCategory category = CATEGORIES[d.readEnum()];
            skipOptionalString(d);
            tool = new EventMetadata.ToolInfo(name, category, optionalString(d));
        }
        Destination destination = present(d) ? new Destination(optionalString(d), optionalInt(d), optionalString(d)) : null;
        String filePath = optionalString(d);
        EventMetadata.ContentInfo content = null;
        if (present(d)) {
            skipOptionalString(d);
            content = new EventMetadata.ContentInfo(d.readLong(), optionalString(d), d.readBoolean(), d.readBoolean(), optionalString(d));
        }
        List<Finding> findings = findings(d);
        if (present(d)) {
            d.readInt();
            d.readInt();
            skipLongs(d, HASHES);
            skipInts(d, LINES);
        }
        boolean privacyMode = d.readBoolean();
        skipOptionalString(d);
        Repo repo = present(d) ? new Repo(optionalString(d), optionalString(d)) : null;
        boolean canBlock = d.readBoolean();
        skipOptionalString(d);
        Map<String, String> attributes = attributes(d);
        return new EventMetadata(eventId, eventTime, ingestTime, source, device, user, agent, sessionId, turnId, toolUseId, kind,
                tool, destination, filePath, content, findings, privacyMode, repo, canBlock, attributes);
    }

    private static List<Finding> findings(BinaryDecoder d) throws IOException {
        long n = arrayBlock(d, d.readArrayStart(), FINDINGS);
        GenericData.Array<Finding> values = new GenericData.Array<>(GenericDatumReader.initialCollectionCapacity(n), FINDINGS);
        for (; n > 0; n = arrayBlock(d, d.arrayNext(), FINDINGS)) {
            for (long i = 0; i < n; i++) {
                values.add(new Finding(d.readString(), d.readString(), SEVERITIES[d.readEnum()], d.readDouble(), d.readString(),
                        d.readString(), optionalString(d), optionalInt(d), optionalInt(d), present(d) ? d.readLong() : null,
                        optionalInt(d)));
            }
        }
        return values;
    }

    /** An array of longs read as Avro's reader reads it (block checks, capacity), its items dropped. */
    private static void skipLongs(BinaryDecoder d, Schema array) throws IOException {
        long n = arrayBlock(d, d.readArrayStart(), array);
        GenericDatumReader.initialCollectionCapacity(n);
        for (; n > 0; n = arrayBlock(d, d.arrayNext(), array)) {
            for (long i = 0; i < n; i++) {
                d.readLong();
            }
        }
    }

    /** An array of ints read as Avro's reader reads it (block checks, capacity), its items dropped. */
    private static void skipInts(BinaryDecoder d, Schema array) throws IOException {
        long n = arrayBlock(d, d.readArrayStart(), array);
        GenericDatumReader.initialCollectionCapacity(n);
        for (; n > 0; n = arrayBlock(d, d.arrayNext(), array)) {
            for (long i = 0; i < n; i++) {
                d.readInt();
            }
        }
    }

    /** A block's item count, after the check Avro's fast reader makes of it (enough bytes left for that many items). */
    private static long arrayBlock(BinaryDecoder d, long n, Schema array) throws IOException {
        if (n > 0) {
            GenericDatumReader.ensureAvailableCollectionBytes(d, n, array.getElementType());
        }
        return n;
    }

    private static Map<String, String> attributes(BinaryDecoder d) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (long n = d.readMapStart(); n > 0; n = d.mapNext()) {
            for (long i = 0; i < n; i++) {
                String key = d.readString();
                values.put(key, d.readString());
            }
        }
        return values;
    }

    /**
     * Steps over a {@code ["null", "string"]} value with the length checks {@link BinaryDecoder#readString()}
     * makes (its {@code skipString} would step backwards over a negative length).
     */
    private static void skipOptionalString(BinaryDecoder d) throws IOException {
        if (present(d)) {
            long length = d.readLong();
            if (length < 0L) {
                throw new IOException("negative string length " + length);
            }
            d.skipFixed(SystemLimitException.checkMaxStringLength(length));
        }
    }

    private static String optionalString(BinaryDecoder d) throws IOException {
        return present(d) ? d.readString() : null;
    }

    private static Integer optionalInt(BinaryDecoder d) throws IOException {
        return present(d) ? d.readInt() : null;
    }

    /** A {@code ["null", T]} union's branch: false for null. */
    private static boolean present(BinaryDecoder d) throws IOException {
        int branch = d.readIndex();
        if (branch != 0 && branch != 1) {
            throw new IOException("union branch " + branch + " out of range");
        }
        return branch == 1;
    }
}
