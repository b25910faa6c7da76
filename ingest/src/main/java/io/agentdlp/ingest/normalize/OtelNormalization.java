package io.agentdlp.ingest.normalize;

import java.util.List;

import io.agentdlp.avro.AgentEgressEvent;

/**
 * The events made from one OTLP log export, and the records that could not be used.
 *
 * @param events   one event per accepted log record
 * @param rejected number of log records rejected (OTLP partial success)
 * @param errors   why, per rejected record (first few), naming the record's position, never its content
 */
public record OtelNormalization(List<AgentEgressEvent> events, int rejected, List<String> errors) {
    public OtelNormalization {
        events = List.copyOf(events);
        errors = List.copyOf(errors);
    }
}
