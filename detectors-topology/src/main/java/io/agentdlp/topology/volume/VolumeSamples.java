package io.agentdlp.topology.volume;

import org.apache.kafka.streams.KeyValue;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.EventKind;
import io.agentdlp.topology.InspectedEvent;

/**
 * Turns an inspected event into the volume detector's sample: events with a destination count
 * against that host, prompts and model requests without one against {@code model:<agent>};
 * content the session already sent (duplicates) is not new data and is not counted.
 */
public final class VolumeSamples {
    private VolumeSamples() {
    }

    /** The sample keyed by entity, or null when the event sends nothing. */
    public static KeyValue<String, VolumeSample> of(InspectedEvent e) {
        if (e.duplicate()) {
            return null;
        }
        AgentEgressEvent ev = e.event();
        String host;
        if (e.decidedEndpoint() != null) {
            host = e.decidedEndpoint().host();
        } else if (!e.endpoints().isEmpty()) {
            host = e.endpoints().get(0).host();
        } else if (ev.getKind() == EventKind.prompt || ev.getKind() == EventKind.model_request) {
            host = "model:" + ev.getAgent().getName();
        } else {
            return null;
        }
        String who = ev.getUser().getId() != null ? ev.getUser().getId()
                : ev.getUser().getEmail() != null ? ev.getUser().getEmail() : "device:" + ev.getDevice().getId();
        String entity = who + '|' + host;
        return KeyValue.pair(entity, new VolumeSample(entity, host, e.contentBytes(), ev.getEventTime().toEpochMilli(),
                ev.getEventId(), ev.getSessionId(), ev.getDevice().getId(), ev.getUser().getId(), ev.getUser().getEmail(),
                ev.getAgent().getName(), ev.getAgent().getVersion(), ev.getRepo() == null ? null : ev.getRepo().getRemote()));
    }
}
