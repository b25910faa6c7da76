package io.agentdlp.topology;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Policy;
import io.agentdlp.topology.metrics.DlpMetrics;
import io.agentdlp.topology.policy.PolicyBook;
import io.agentdlp.topology.policy.PolicyView;

/**
 * Runs the stateless detectors in order (content detectors first, the destination policy last
 * since it needs to know whether the content was sensitive), times each, counts rule hits and
 * forwards the event. A detector that throws (or overflows its stack on a pathological input)
 * does not stop the others: after forwarding, the first
 * failure is rethrown as {@link DetectorFailedException} so the record is dead-lettered.
 */
public final class ContentDetection extends ContextualProcessor<String, InspectedEvent, String, InspectedEvent> {
    private final List<Detector> detectors;
    private final Timer[] timers;
    private final PolicyView policies;
    private final DlpMetrics metrics;
    private PolicyView.Reader policyReader;

    public ContentDetection(List<Detector> detectors, PolicyView policies, DlpMetrics metrics) {
        this.detectors = List.copyOf(detectors);
        this.timers = this.detectors.stream().map(d -> metrics.detectorTimer(d.name())).toArray(Timer[]::new);
        this.policies = policies;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, InspectedEvent> context) {
        super.init(context);
        ReadOnlyKeyValueStore<String, ValueAndTimestamp<Policy>> p = context.getStateStore(policies.storeName());
        policyReader = policies.reader(p);
        detectors.forEach(d -> d.init(context));
    }

    @Override
    public void process(Record<String, InspectedEvent> record) {
        InspectedEvent e = record.value();
        PolicyBook book = policyReader.current();
        DetectorFailedException failure = null;
        for (int di = 0; di < timers.length; di++) {
            Detector d = detectors.get(di);
            int before = e.detections().size();
            long start = metrics.detectorClock();
            try {
                d.detect(e, book);
            } catch (RuntimeException | StackOverflowError ex) {
                // A pathological input can overflow a regex's stack: that is the input's fault, not the process's.
                if (failure == null) {
                    failure = new DetectorFailedException(d.name(), e.event().getEventId(), ex);
                }
            }
            timers[di].record(metrics.detectorClock() - start, TimeUnit.NANOSECONDS);
            List<DlpAlert> found = e.detections();
            for (int i = before; i < found.size(); i++) {
                metrics.ruleHit(found.get(i).getDetector(), found.get(i).getRuleId());
            }
        }
        context().forward(record);
        if (failure != null) {
            throw failure;
        }
    }
}
