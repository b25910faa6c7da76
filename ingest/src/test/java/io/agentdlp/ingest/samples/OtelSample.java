package io.agentdlp.ingest.samples;

import java.util.function.Consumer;

import io.agentdlp.avro.AgentEgressEvent;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

/** One OTLP log record shape of the formats document (in a one-record export) and what its event must hold. */
public record OtelSample(String name, ExportLogsServiceRequest request, Consumer<AgentEgressEvent> expect) {
    @Override
    public String toString() {
        return name;
    }
}
