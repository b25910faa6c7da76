package io.agentdlp.topology;

import java.util.ArrayList;
import java.util.List;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Content;
import io.agentdlp.avro.Destination;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.detection.shell.CommandAnalysis;
import io.agentdlp.detection.shell.Endpoint;
import io.agentdlp.topology.policy.Destinations;
import io.agentdlp.topology.policy.PolicyDecision;

/**
 * One egress event on its way through the detectors of a session task: the event, what was read
 * out of it once (text to scan, shell command, destinations) and what the detectors found. It
 * travels by reference between the processors of one sub-topology, which run one after another on
 * one thread; each detector adds its results, nothing else mutates it.
 */
public final class InspectedEvent {
    private final String key;
    private final AgentEgressEvent event;
    private final String text;
    private final boolean truncated;
    private final long contentBytes;
    private final String commandLine;
    private final CommandAnalysis command;
    private final List<Endpoint> endpoints;
    private boolean duplicate;
    private boolean sensitiveContent;
    private PolicyDecision decision = PolicyDecision.NO_POLICY;
    private Endpoint decidedEndpoint;
    private final List<DlpAlert> detections = new ArrayList<>(0);

    InspectedEvent(String key, AgentEgressEvent event, String text, boolean truncated, long contentBytes,
                   String commandLine, CommandAnalysis command, List<Endpoint> endpoints) {
        this.key = key;
        this.event = event;
        this.text = text;
        this.truncated = truncated;
        this.contentBytes = contentBytes;
        this.commandLine = commandLine;
        this.command = command;
        this.endpoints = List.copyOf(endpoints);
    }

    /** Record key: {@code <device.id>:<session_id>}, the aggregation scope of session detectors. */
    public String key() {
        return key;
    }

    public AgentEgressEvent event() {
        return event;
    }

    /** Content to scan, already cut to the size limit; null when the event carries no text. */
    public String text() {
        return text;
    }

    /** True when the text was cut here or by the sender. */
    public boolean truncated() {
        return truncated;
    }

    /** UTF-8 size of the untruncated content (0 without content). */
    public long contentBytes() {
        return contentBytes;
    }

    /** Shell command line of a shell tool call, or null. */
    public String commandLine() {
        return commandLine;
    }

    public CommandAnalysis command() {
        return command;
    }

    /** Every destination the event sends to. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** The first destination the event names, as the alert schema's {@link Destination}, or null. */
    public Destination firstDestination() {
        return endpoints().isEmpty() ? null : Destinations.toAvro(endpoints().get(0));
    }

    /** The event field the scanned text came from ({@code tool.input_json} when the event has no content). */
    public String contentField() {
        Content c = event.getContent();
        return c == null ? "tool.input_json" : c.getField();
    }

    /** True when the session already had this content scanned; content detectors skip it. */
    public boolean duplicate() {
        return duplicate;
    }

    public void markDuplicate() {
        this.duplicate = true;
    }

    /** True when a content detector found secrets or own code in it. */
    public boolean sensitiveContent() {
        return sensitiveContent;
    }

    public void markSensitiveContent() {
        this.sensitiveContent = true;
    }

    /** The strictest policy decision over the event's destinations ({@link PolicyDecision#NO_POLICY} without one). */
    public PolicyDecision decision() {
        return decision;
    }

    /** The destination {@link #decision()} is about; null when the event has none. */
    public Endpoint decidedEndpoint() {
        return decidedEndpoint;
    }

    public void decided(PolicyDecision d, Endpoint e) {
        this.decision = d;
        this.decidedEndpoint = e;
    }

    /** True when the event sends to a destination policy does not allow. */
    public boolean egressNotAllowed() {
        return decidedEndpoint != null && !decision.allowed();
    }

    /** Alert occurrences found so far. */
    public List<DlpAlert> detections() {
        return detections;
    }

    public void addDetection(DlpAlert a) {
        detections.add(a);
    }
}
