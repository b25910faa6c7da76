package io.agentdlp.topology;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.topology.metrics.DlpMetrics;

/** First stage: counts the event by source and kind and reads it once for every detector ({@link EgressInspection}). */
public final class InspectProcessor extends ContextualProcessor<String, AgentEgressEvent, String, InspectedEvent> {
    private final EgressInspection inspection;
    private final DlpMetrics metrics;

    public InspectProcessor(EgressInspection inspection, DlpMetrics metrics) {
        this.inspection = inspection;
        this.metrics = metrics;
    }

    @Override
    public void process(Record<String, AgentEgressEvent> record) {
        AgentEgressEvent e = record.value();
        if (e == null) {
            return;
        }
        metrics.eventIn(e.getSource().name(), e.getKind().name());
        InspectedEvent ie = inspection.inspect(record.key(), e);
        if (ie.truncated()) {
            metrics.contentTruncated();
        }
        context().forward(record.withValue(ie));
    }
}
