package io.agentdlp.events;

import static io.agentdlp.events.EventFields.CATEGORIES;
import static io.agentdlp.events.EventFields.HASHES;
import static io.agentdlp.events.EventFields.LINES;
import static io.agentdlp.events.EventFields.array;
import static io.agentdlp.events.EventFields.attributes;
import static io.agentdlp.events.EventFields.findings;
import static io.agentdlp.events.EventFields.optionalInt;
import static io.agentdlp.events.EventFields.optionalString;
import static io.agentdlp.events.EventFields.present;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.ContentFingerprints;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Repo;
import io.agentdlp.avro.Tool;
import io.agentdlp.serde.AvroBodyReader;

/**
 * Reads an {@link AgentEgressEvent}'s Avro body field by field, for the topology's event source: the
 * deserializer uses it for events written with exactly the current schema and Avro's reader for any
 * other (older or newer producers). It builds what Avro's fast reader builds: the generated records,
 * {@link java.time.Instant}s for the timestamps, Avro's array class for the lists (sized as that reader sizes
 * them) and a default {@link java.util.HashMap} for the attributes. It runs the same collection checks on
 * the same decoder calls, so it fails wherever Avro's reader fails; the deserializer then reads the body
 * again with Avro's reader, whose exception callers see. Readers that never look at the content read
 * {@link EventMetadata} instead ({@link EventMetadataReader}).
 */
public final class EventAvroReader implements AvroBodyReader<AgentEgressEvent> {
    private static final EventAvroReader INSTANCE = new EventAvroReader();

    private EventAvroReader() {
    }

    /** The reader; stateless, so shared by every stream thread. */
    public static EventAvroReader instance() {
        return INSTANCE;
    }

    @Override
    public Class<AgentEgressEvent> type() {
        return AgentEgressEvent.class;
    }

    @Override
    public Schema schema() {
        return EventFields.SCHEMA;
    }

    @Override
    public AgentEgressEvent read(BinaryDecoder d) throws IOException {
        EventHeader h = EventHeader.read(d);
        Tool tool = present(d) ? new Tool(d.readString(), CATEGORIES[d.readEnum()], optionalString(d), optionalString(d)) : null;
        Destination destination = present(d) ? new Destination(optionalString(d), optionalInt(d), optionalString(d)) : null;
        String filePath = optionalString(d);
        Content content = present(d)
                ? new Content(optionalString(d), d.readLong(), optionalString(d), d.readBoolean(), d.readBoolean(), optionalString(d))
                : null;
        List<Finding> findings = findings(d);
        ContentFingerprints fingerprints = present(d) ? new ContentFingerprints(d.readInt(), d.readInt(),
                array(d, HASHES, BinaryDecoder::readLong, true), array(d, LINES, BinaryDecoder::readInt, true)) : null;
        boolean privacyMode = d.readBoolean();
        String cwd = optionalString(d);
        Repo repo = present(d) ? new Repo(optionalString(d), optionalString(d)) : null;
        boolean canBlock = d.readBoolean();
        String rawRef = optionalString(d);
        Map<String, String> attributes = attributes(d);
        return new AgentEgressEvent(h.eventId(), h.eventTime(), h.ingestTime(), h.source(), h.device(), h.user(), h.agent(),
                h.sessionId(), h.turnId(), h.toolUseId(), h.kind(),
                tool, destination, filePath, content, findings, fingerprints, privacyMode, cwd, repo, canBlock, rawRef, attributes);
    }
}
