package io.agentdlp.topology.risky;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.Tool;
import io.agentdlp.topology.Detector;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.alert.AlertContext;
import io.agentdlp.topology.alert.AlertDraft;
import io.agentdlp.topology.policy.Destinations;
import io.agentdlp.topology.policy.PolicyBook;

/**
 * The risky-action rules as a content-stage detector: runs on tool calls (not on tool results,
 * which would alert twice for one action) and on shell commands; one occurrence per rule, keyed by
 * rule and destination host within the session.
 */
public final class RiskyActionStage implements Detector {
    public static final String NAME = "risky-action";

    private final RiskyActionDetector detector;

    public RiskyActionStage(RiskyActionDetector detector) {
        this.detector = detector;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void detect(InspectedEvent e, PolicyBook policies) {
        AgentEgressEvent ev = e.event();
        Tool tool = ev.getTool();
        if (ev.getKind() == EventKind.tool_result || (tool == null && e.commandLine() == null)) {
            return;
        }
        String remote = ev.getRepo() == null ? null : ev.getRepo().getRemote();
        RiskyActionDetector.Input in = new RiskyActionDetector.Input(e.commandLine(), e.command(),
                tool == null ? null : tool.getInputJson(), ev.getFilePath(), remote);
        for (RiskyActionRule r : detector.detect(in)) {
            Destination dest = e.command().endpoints().isEmpty() ? e.firstDestination()
                    : Destinations.toAvro(e.command().endpoints().get(0));
            AlertContext ctx = AlertContext.of(e.key(), ev, dest, e.truncated());
            String program = e.command().commands().isEmpty() ? (tool == null ? "tool" : tool.getName())
                    : e.command().commands().get(0).program();
            e.addDetection(AlertDraft.of(ctx, NAME, r.id(), r.severity())
                    .title("Risky action (" + r.id() + ") by " + ev.getAgent().getName() + " via " + program)
                    .explanation(r.description() + ".")
                    .evidenceKey(dest == null ? "" : dest.getHost())
                    .attribute("tool", tool == null ? null : tool.getName())
                    .attribute("program", program)
                    .build());
        }
    }
}
