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
import io.agentdlp.detection.shell.Endpoint;
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
        List<Finding> evidence = raiseContentDetections(e.detections(), worst, worstEndpoint);
        long limit = (long) policies.threshold(MAX_BYTES_THRESHOLD).orElse(defaultMaxBytes);
        boolean large = !e.duplicate() && e.contentBytes() > limit;
        if (!e.sensitiveContent() && !large) {
            return;
        }
        String what = e.sensitiveContent() ? sensitiveKind(e) : String.format(Locale.ROOT, "%d KB of content", e.contentBytes() / 1024);
        AlertContext ctx = AlertContext.of(e.key(), e.event(), Destinations.toAvro(worstEndpoint), e.truncated());
        e.addDetection(policyAlert(ctx, worst, worstEndpoint.host(), what, e.sensitiveContent(), e.contentBytes(),
                large ? limit : null, evidence));
    }

    /**
     * Raises content detections (secret, own code, personal data) one severity level for a destination
     * that is not allowed and notes the policy rule on them; returns their evidence.
     */
    public static List<Finding> raiseContentDetections(List<DlpAlert> detections, PolicyDecision decision, Endpoint to) {
        List<Finding> evidence = new ArrayList<>();
        for (DlpAlert a : detections) {
            if (CONTENT_DETECTORS.contains(a.getDetector())) {
                Severity raised = Severity.parse(a.getSeverity().name()).raise();
                a.setSeverity(io.agentdlp.avro.Severity.valueOf(raised.name()));
                a.setDestination(Destinations.toAvro(to));
                Map<String, String> attrs = a.getAttributes();
                attrs.put("destination_allowed", "false");
                attrs.put("policy_rule", decision.ruleId());
                evidence.addAll(a.getEvidence());
            }
        }
        return evidence;
    }

    /** The policy alert for sensitive or large content sent to {@code host}, which {@code decision} does not allow. */
    public static DlpAlert policyAlert(AlertContext ctx, PolicyDecision decision, String host, String what,
                                       boolean sensitive, long contentBytes, Long sizeLimit, List<Finding> evidence) {
        Severity sev = sensitive ? max(decision.severity(), Severity.HIGH) : decision.severity();
        AlertDraft draft = AlertDraft.of(ctx, NAME, decision.ruleId(), sev)
                .title(capitalize(what) + " sent to " + host + ", which policy " + decision.policyId()
                        + " does not allow (" + decision.effect() + ")")
                .explanation("Rule " + decision.ruleId() + " of policy " + decision.policyId() + " v" + decision.version()
                        + (decision.reason() == null ? "" : " (" + decision.reason() + ")") + " does not allow "
                        + host + " for this agent, user and repository; the event carried " + what + ".")
                .evidenceKey(host + '|' + (sensitive ? "sensitive" : "size"))
                .attribute("policy_id", decision.policyId())
                .attribute("policy_version", String.valueOf(decision.version()))
                .attribute("effect", decision.effect().name())
                .attribute("content_bytes", String.valueOf(contentBytes))
                .attribute("size_limit", sizeLimit == null ? null : String.valueOf(sizeLimit));
        evidence.stream().limit(20).forEach(draft::evidence);
        return draft.build();
    }

    private static String sensitiveKind(InspectedEvent e) {
        List<String> kinds = new ArrayList<>(3);
        if (e.detections().stream().anyMatch(a -> a.getDetector().equals("secret"))) {
            kinds.add("secrets");
        }
        if (e.detections().stream().anyMatch(a -> a.getDetector().equals("code-fingerprint"))) {
            kinds.add("own code");
        }
        if (e.detections().stream().anyMatch(a -> a.getDetector().equals("pii"))) {
            kinds.add("personal data");
        }
        return kinds.isEmpty() ? "sensitive content" : String.join(" and ", kinds);
    }

    private static EgressRequest request(InspectedEvent e, Endpoint ep) {
        AgentEgressEvent ev = e.event();
        Tool tool = ev.getTool();
        String groups = ev.getAttributes().get("groups");
        return new EgressRequest(ev.getUser().getId(), ev.getUser().getEmail(),
                groups == null ? List.of() : List.of(groups.split("\\s*,\\s*")), ev.getDevice().getId(),
                ev.getAgent().getName(), ev.getAgent().getVersion(), tool == null ? null : tool.getName(),
                tool == null ? null : tool.getCategory().name(), tool == null ? null : tool.getMcpServer(), ep,
                ev.getAgent().getModel(),
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
