package io.agentdlp.events;

import static io.agentdlp.events.EventFields.KINDS;
import static io.agentdlp.events.EventFields.SOURCES;
import static io.agentdlp.events.EventFields.optionalString;

import java.io.IOException;
import java.time.Instant;

import org.apache.avro.io.BinaryDecoder;

import io.agentdlp.avro.Agent;
import io.agentdlp.avro.Device;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.EventSource;
import io.agentdlp.avro.User;

/**
 * The leading fields of an {@code AgentEgressEvent} body, from the event id to the kind, which both hand
 * readers keep whole ({@link EventAvroReader}, {@link EventMetadataReader}).
 */
record EventHeader(String eventId, Instant eventTime, Instant ingestTime, EventSource source, Device device, User user,
                   Agent agent, String sessionId, String turnId, String toolUseId, EventKind kind) {

    /** Reads the fields in the body's order, with the decoder calls of Avro's fast reader. */
    static EventHeader read(BinaryDecoder d) throws IOException {
        return new EventHeader(d.readString(), Instant.ofEpochMilli(d.readLong()), Instant.ofEpochMilli(d.readLong()),
                SOURCES[d.readEnum()], new Device(d.readString(), optionalString(d), optionalString(d)),
                new User(optionalString(d), optionalString(d)), new Agent(d.readString(), optionalString(d), optionalString(d)),
                optionalString(d), optionalString(d), optionalString(d), KINDS[d.readEnum()]);
    }
}
