package io.agentdlp.topology;

import org.apache.kafka.streams.processor.api.ProcessorContext;

import io.agentdlp.topology.policy.PolicyBook;

/**
 * One stateless detector of the content stage: it looks at an inspected event and adds alert
 * occurrences to it. Instances are created per task (a detector may hold task-local handles such
 * as a state store); the expensive parts they share (scanners, rule sets) are thread-safe.
 */
public interface Detector {
    /** Detector name used in alerts, metrics and dead-letter headers. */
    String name();

    /** Called once when the task starts. */
    default void init(ProcessorContext<?, ?> context) {
    }

    /** Adds this detector's occurrences to {@code event}. */
    void detect(InspectedEvent event, PolicyBook policies);
}
