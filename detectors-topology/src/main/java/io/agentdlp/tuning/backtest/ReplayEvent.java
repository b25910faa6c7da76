package io.agentdlp.tuning.backtest;

import java.util.List;
import java.util.Objects;

import io.agentdlp.avro.AgentEgressEvent;

/**
 * One event of a replay set with its optional ground truth.
 *
 * @param event    the event as it was on {@code agent-egress-events}
 * @param expected the alerts this event should trigger, as {@code <detector>:<rule>} labels
 *                 (e.g. {@code secret:aws-access-key-id}); null when the event is not labelled, empty
 *                 when it is labelled as triggering nothing
 */
public record ReplayEvent(AgentEgressEvent event, List<String> expected) {
    public ReplayEvent {
        Objects.requireNonNull(event, "event");
        expected = expected == null ? null : List.copyOf(expected);
    }

    public static ReplayEvent unlabelled(AgentEgressEvent event) {
        return new ReplayEvent(event, null);
    }

    public boolean labelled() {
        return expected != null;
    }
}
