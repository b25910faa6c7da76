package io.agentdlp.alerts.trail;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.alerts.feed.AlertJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * One record of the agent audit trail as it sits on the trail topic: an OCSF activity carrying the
 * hash-chain fields of its session. Sinks must send {@link #ocsf()} unchanged, or
 * {@code agentdlp audit verify} would reject the exported copy.
 *
 * @param ocsf the chained OCSF record
 */
public record TrailRecord(ObjectNode ocsf) {

    /** {@code metadata.uid}: the agent event id, stable across redeliveries. */
    public String id() {
        return ocsf.path("metadata").path("uid").asText();
    }

    /** Event time in epoch milliseconds. */
    public long time() {
        return ocsf.path("time").asLong();
    }

    /** OCSF class of the record. */
    public int classUid() {
        return ocsf.path("class_uid").asInt();
    }

    /** Reads the JSON bytes written by {@link TrailChainer}. */
    public static Deserializer<TrailRecord> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                JsonNode n = AlertJson.MAPPER.readTree(bytes);
                if (!n.isObject()) {
                    throw new SerializationException("audit trail record on " + topic + " is not a JSON object");
                }
                return new TrailRecord((ObjectNode) n);
            } catch (IOException e) {
                throw new SerializationException("audit trail record on " + topic + " is not JSON", e);
            }
        };
    }
}
