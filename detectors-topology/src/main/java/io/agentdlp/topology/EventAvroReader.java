package io.agentdlp.topology;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;

import io.agentdlp.avro.Agent;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.ContentFingerprints;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Repo;
import io.agentdlp.avro.Severity;
import io.agentdlp.avro.Tool;
import io.agentdlp.avro.ToolCategory;
import io.agentdlp.avro.User;
import io.agentdlp.serde.AvroBodyReader;

/**
 * Reads an {@link AgentEgressEvent}'s Avro body field by field, for the topology's event source: the
 * deserializer uses it for events written with exactly the current schema and Avro's reader for any
 * other (older or newer producers). It builds what Avro's fast reader builds: the generated records,
 * {@link Instant}s for the timestamps, Avro's array class for the lists (sized as that reader sizes
 * them) and a default {@link HashMap} for the attributes. It runs the same collection checks on the
 * same decoder calls, so it fails wherever Avro's reader fails; the deserializer then reads the body
 * again with Avro's reader, whose exception callers see.
 *
 * <p>The reader follows one version of the schema: it refuses to load when {@code AgentEgressEvent}'s
 * schema changed, so a schema change cannot silently read the old layout.
 */
public final class EventAvroReader implements AvroBodyReader<AgentEgressEvent> {
    /** Parsing fingerprint (CRC-64-AVRO) of the {@code AgentEgressEvent} schema this reader follows. */
    private static final long SCHEMA_FINGERPRINT = 0x65741c7617f5e115L;
    private static final Schema SCHEMA = checked(AgentEgressEvent.getClassSchema());
    private static final Schema FINDINGS = SCHEMA.getField("findings").schema();
    private static final Schema FINGERPRINTS = SCHEMA.getField("fingerprints").schema().getTypes().get(1);
    private static final Schema HASHES = FINGERPRINTS.getField("hashes").schema();
    private static final Schema LINES = FINGERPRINTS.getField("lines").schema();
    private static final EventSource[] SOURCES = EventSource.values();
    private static final EventKind[] KINDS = EventKind.values();
    private static final ToolCategory[] CATEGORIES = ToolCategory.values();
    private static final Severity[] SEVERITIES = Severity.values();
    private static final EventAvroReader INSTANCE = new EventAvroReader();

    private EventAvroReader() {
    }

    /** The reader; stateless, so shared by every stream thread. */
    public static EventAvroReader instance() {
        return INSTANCE;
    }

    private static Schema checked(Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        if (fingerprint != SCHEMA_FINGERPRINT) {
            throw new IllegalStateException("the AgentEgressEvent schema changed (fingerprint " + Long.toHexString(fingerprint)
                    + "): update EventAvroReader to the new fields and its SCHEMA_FINGERPRINT");
        }
        return schema;
    }

    @Override
    public Class<AgentEgressEvent> type() {
        return AgentEgressEvent.class;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public AgentEgressEvent read(BinaryDecoder d) throws IOException {
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
        Tool tool = present(d) ? new Tool(d.readString(), CATEGORIES[d.readEnum()], optionalString(d), optionalString(d)) : null;
        Destination destination = present(d) ? new Destination(optionalString(d), optionalInt(d), optionalString(d)) : null;
        String filePath = optionalString(d);
        Content content = present(d)
                ? new Content(optionalString(d), d.readLong(), optionalString(d), d.readBoolean(), d.readBoolean(), optionalString(d))
                : null;
        List<Finding> findings = findings(d);
        ContentFingerprints fingerprints = present(d) ? new ContentFingerprints(d.readInt(), d.readInt(), hashes(d), lines(d)) : null;
        boolean privacyMode = d.readBoolean();
        String cwd = optionalString(d);
        Repo repo = present(d) ? new Repo(optionalString(d), optionalString(d)) : null;
        boolean canBlock = d.readBoolean();
        String rawRef = optionalString(d);
        Map<String, String> attributes = attributes(d);
        return new AgentEgressEvent(eventId, eventTime, ingestTime, source, device, user, agent, sessionId, turnId, toolUseId, kind,
                tool, destination, filePath, content, findings, fingerprints, privacyMode, cwd, repo, canBlock, rawRef, attributes);
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

    private static List<Long> hashes(BinaryDecoder d) throws IOException {
        long n = arrayBlock(d, d.readArrayStart(), HASHES);
        GenericData.Array<Long> values = new GenericData.Array<>(GenericDatumReader.initialCollectionCapacity(n), HASHES);
        for (; n > 0; n = arrayBlock(d, d.arrayNext(), HASHES)) {
            for (long i = 0; i < n; i++) {
                values.add(d.readLong());
            }
        }
        return values;
    }

    private static List<Integer> lines(BinaryDecoder d) throws IOException {
        long n = arrayBlock(d, d.readArrayStart(), LINES);
        GenericData.Array<Integer> values = new GenericData.Array<>(GenericDatumReader.initialCollectionCapacity(n), LINES);
        for (; n > 0; n = arrayBlock(d, d.arrayNext(), LINES)) {
            for (long i = 0; i < n; i++) {
                values.add(d.readInt());
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
