package io.agentdlp.topology.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Tool;
import io.agentdlp.detection.Severity;
import io.agentdlp.topology.Detector;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.alert.AlertContext;
import io.agentdlp.topology.alert.AlertDraft;

/**
 * Destination policy: decides every destination of the event with the published policies and
 * keeps the strictest decision on the event (the sequence detector uses it). When a destination is
 * not allowed, content detections of the event are raised one severity level and, if the content
 * carried secrets or own code or is larger than the size limit, a policy alert names the rule.
 * Runs after the content detectors.
 */
public final class DestinationPolicyDetector implements Detector {
    public static final String NAME = "policy";
    /** Policy threshold overriding {@code policy.max.content.bytes}. */
    public static final String MAX_BYTES_THRESHOLD = "policy.max_content_bytes";
    private static final Set<String> CONTENT_DETECTORS = Set.of("secret", "code-fingerprint", "pii");

    private final long defaultMaxBytes;

    public DestinationPolicyDetector(long defaultMaxBytes) {
        this.defaultMaxBytes = defaultMaxBytes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void detect(InspectedEvent e, PolicyBook policies) {
        if (e.endpoints().isEmpty()) {
            return;
        }
        PolicyDecision worst = null;
        Endpoint worstEndpoint = null;
        for (Endpoint ep : e.endpoints()) {
            PolicyDecision d = policies.decide(request(e, ep));
            if (worst == null || d.strictness() > worst.strictness()) {
                worst = d;
                worstEndpoint = ep;
            }
        }
        e.decided(worst, worstEndpoint);
        if (worst.allowed()) {
            return;
        }
        List<Finding> evidence = new ArrayList<>();
        for (DlpAlert a : e.detections()) {
            if (CONTENT_DETECTORS.contains(a.getDetector())) {
                Severity raised = Severity.parse(a.getSeverity().name()).raise();
                a.setSeverity(io.agentdlp.avro.Severity.valueOf(raised.name()));
                a.setDestination(worstEndpoint.toAvro());
                Map<String, String> attrs = a.getAttributes();
                attrs.put("destination_allowed", "false");
                attrs.put("policy_rule", worst.ruleId());
                evidence.addAll(a.getEvidence());
            }
        }
        long limit = (long) policies.threshold(MAX_BYTES_THRESHOLD).orElse(defaultMaxBytes);
        boolean large = !e.duplicate() && e.contentBytes() > limit;
        if (!e.sensitiveContent() && !large) {
            return;
        }
        String what = e.sensitiveContent() ? sensitiveKind(e) : String.format(Locale.ROOT, "%d KB of content", e.contentBytes() / 1024);
        Severity sev = e.sensitiveContent() ? max(worst.severity(), Severity.HIGH) : worst.severity();
        AlertContext ctx = AlertContext.of(e.key(), e.event(), worstEndpoint.toAvro(), e.truncated());
        AlertDraft draft = AlertDraft.of(ctx, NAME, worst.ruleId(), sev)
                .title(capitalize(what) + " sent to " + worstEndpoint.host() + ", which policy " + worst.policyId()
                        + " does not allow (" + worst.effect() + ")")
                .explanation("Rule " + worst.ruleId() + " of policy " + worst.policyId() + " v" + worst.version()
                        + (worst.reason() == null ? "" : " (" + worst.reason() + ")") + " does not allow "
                        + worstEndpoint.host() + " for this agent, user and repository; the event carried " + what + ".")
                .evidenceKey(worstEndpoint.host() + '|' + (e.sensitiveContent() ? "sensitive" : "size"))
                .attribute("policy_id", worst.policyId())
                .attribute("policy_version", String.valueOf(worst.version()))
                .attribute("effect", worst.effect().name())
                .attribute("content_bytes", String.valueOf(e.contentBytes()))
                .attribute("size_limit", large ? String.valueOf(limit) : null);
        evidence.stream().limit(20).forEach(draft::evidence);
        e.addDetection(draft.build());
    }

    private static String sensitiveKind(InspectedEvent e) {
        boolean secret = e.detections().stream().anyMatch(a -> a.getDetector().equals("secret"));
        boolean code = e.detections().stream().anyMatch(a -> a.getDetector().equals("code-fingerprint"));
        return secret && code ? "secrets and own code" : code ? "own code" : "secrets";
    }

    private static EgressRequest request(InspectedEvent e, Endpoint ep) {
        AgentEgressEvent ev = e.event();
        Tool tool = ev.getTool();
        String groups = ev.getAttributes().get("groups");
        return new EgressRequest(ev.getUser().getId(), ev.getUser().getEmail(),
                groups == null ? List.of() : List.of(groups.split("\\s*,\\s*")), ev.getDevice().getId(),
                ev.getAgent().getName(), ev.getAgent().getVersion(), tool == null ? null : tool.getName(),
                tool == null ? null : tool.getCategory().name(), tool == null ? null : tool.getMcpServer(), ep,
                ev.getRepo() == null ? null : ev.getRepo().getRemote(), ev.getFilePath(), e.contentBytes(),
                e.sensitiveContent());
    }

    private static Severity max(Severity a, Severity b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
