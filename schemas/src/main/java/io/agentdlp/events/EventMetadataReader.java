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

import org.apache.avro.SystemLimitException;
import org.apache.avro.io.BinaryDecoder;

import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Repo;
import io.agentdlp.avro.ToolCategory;

/**
 * Reads the {@link EventMetadata} of an {@code AgentEgressEvent} body written with exactly the current
 * schema, field by field, stepping over the content text, tool input, working directory, raw reference and
 * fingerprints without decoding them. Every value it keeps is what Avro's reader gives for that field
 * (the generated records for devices, users, agents, destinations, repos and findings, Avro's array class
 * for the findings, a {@link java.util.HashMap} for the attributes). It makes the checks Avro's reader makes on the
 * fields it steps over too (negative and oversized lengths, bytes left for an array block), so it fails on
 * every body Avro's reader fails on; {@link EventMetadataDeserializer} then reads with Avro's reader, whose
 * exception callers see. The layout, and the fields it reads as {@link EventAvroReader} does, are
 * {@link EventFields}'.
 */
final class EventMetadataReader {
    private EventMetadataReader() {
    }

    /** Reads one body, without any header. */
    static EventMetadata read(BinaryDecoder d) throws IOException {
        EventHeader h = EventHeader.read(d);
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
            array(d, HASHES, BinaryDecoder::readLong, false);
            array(d, LINES, BinaryDecoder::readInt, false);
        }
        boolean privacyMode = d.readBoolean();
        skipOptionalString(d);
        Repo repo = present(d) ? new Repo(optionalString(d), optionalString(d)) : null;
        boolean canBlock = d.readBoolean();
        skipOptionalString(d);
        Map<String, String> attributes = attributes(d);
        return new EventMetadata(h.eventId(), h.eventTime(), h.ingestTime(), h.source(), h.device(), h.user(), h.agent(),
                h.sessionId(), h.turnId(), h.toolUseId(), h.kind(),
                tool, destination, filePath, content, findings, privacyMode, repo, canBlock, attributes);
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
}
