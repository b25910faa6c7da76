package io.agentdlp.ingest.sensor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;
import io.agentdlp.detection.TextDetector;
import io.agentdlp.detection.policy.PolicyDecision;
import io.agentdlp.ingest.policy.EnforcedPolicy;
import io.agentdlp.ingest.policy.PolicySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides blockable hooks on the developer machine: runs the local detectors over each event's
 * content and tool input, optionally asks the central verdict service (own-code matches, central
 * policy) within a time budget, maps the worst finding's severity to monitor / warn / enforce, and
 * evaluates the access policy for every event. The strictest of the finding verdict and the policy
 * effects answers. When the verdict service fails, the configured fail-open or fail-closed policy
 * decides, and the decision records it. Every event carries the decision, the policy rule and the
 * policy version in its {@code dlp.*} attributes, so the audit trail shows why. Thread-safe.
 */
public final class InlineDecider {
    private static final Logger LOG = LoggerFactory.getLogger(InlineDecider.class);
    private static final int REASON_FINDINGS = 3;

    private final TextDetector detector;
    private final VerdictService remote;
    private final Duration remoteTimeout;
    private final boolean failClosed;
    private final SeverityModes modes;
    private final EnforcedPolicy policy;
    private final PolicySettings.AskFallback askFallback;

    /** Without an access policy. */
    public InlineDecider(TextDetector detector, VerdictService remote, Duration remoteTimeout, boolean failClosed,
                         SeverityModes modes) {
        this(detector, remote, remoteTimeout, failClosed, modes, null, PolicySettings.AskFallback.DENY);
    }

    /**
     * @param detector      local detectors (secrets, personal data)
     * @param remote        verdict service, or null to decide locally only
     * @param remoteTimeout budget for the verdict service
     * @param failClosed    deny when the verdict service fails (else allow)
     * @param modes         enforcement mode per severity
     * @param policy        the access policy in force (null: none)
     * @param askFallback   what {@code ask} becomes where the agent cannot ask
     */
    public InlineDecider(TextDetector detector, VerdictService remote, Duration remoteTimeout, boolean failClosed,
                         SeverityModes modes, EnforcedPolicy policy, PolicySettings.AskFallback askFallback) {
        this.detector = detector;
        this.remote = remote;
        this.remoteTimeout = remoteTimeout;
        this.failClosed = failClosed;
        this.modes = modes;
        this.policy = policy;
        this.askFallback = askFallback;
    }

    /** Attaches local findings to the events (in place, no decision): for non-blockable events in privacy mode. */
    public List<AgentEgressEvent> scan(List<AgentEgressEvent> events) {
        List<AgentEgressEvent> out = new ArrayList<>(events.size());
        for (AgentEgressEvent e : events) {
            List<Finding> f = localFindings(e);
            out.add(f.isEmpty() ? e : withFindings(e, f));
        }
        return out;
    }

    /** Decides a blockable hook of an agent that can ask the user; see {@link #decide(List, boolean)}. */
    public Decided decide(List<AgentEgressEvent> events) {
        return decide(events, true);
    }

    /**
     * Decides a blockable hook; annotates the events in place with findings and the decision.
     *
     * @param askSupported whether this hook's answer can ask the user to confirm; else {@code ask}
     *                     becomes the configured fallback
     */
    public Decided decide(List<AgentEgressEvent> events, boolean askSupported) {
        Map<String, Finding> all = new LinkedHashMap<>();
        List<List<Finding>> perEvent = new ArrayList<>();
        for (AgentEgressEvent e : events) {
            List<Finding> f = localFindings(e);
            perEvent.add(f);
            f.forEach(x -> all.putIfAbsent(x.getRuleId() + "\0" + x.getKeyedHash(), x));
        }
        String failMode = null;
        String failure = null;
        RemoteVerdict rv = null;
        if (remote != null) {
            try {
                rv = remote.verdict(events, remoteTimeout);
                rv.findings().forEach(x -> all.putIfAbsent(x.getRuleId() + "\0" + x.getKeyedHash(), x));
            } catch (VerdictUnavailableException ex) {
                failure = ex.kind();
                failMode = failClosed ? "closed" : "open";
                LOG.warn("event=verdict_unavailable kind={} fail_mode={}", ex.kind(), failMode);
            }
        }
        List<Finding> findings = new ArrayList<>(all.values());
        Decision decision = decision(findings, rv, failMode, failure);
        List<PolicyDecision> policies = new ArrayList<>(events.size());
        PolicyDecision strictest = null;
        for (int i = 0; i < events.size(); i++) {
            boolean sensitive = !perEvent.get(i).isEmpty() || (rv != null && !rv.findings().isEmpty());
            PolicyDecision pd = policy == null ? null : policy.decide(events.get(i), sensitive);
            policies.add(pd);
            if (pd != null && (strictest == null || pd.effect().ordinal() > strictest.effect().ordinal())) {
                strictest = pd;
            }
        }
        decision = withPolicy(decision, strictest, askSupported);
        String fallback = askSupported ? null : askFallback.name().toLowerCase(java.util.Locale.ROOT);
        List<AgentEgressEvent> annotated = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            List<Finding> f = new ArrayList<>(perEvent.get(i));
            if (rv != null) {
                rv.findings().stream().filter(x -> !f.contains(x)).forEach(f::add);
            }
            annotated.add(annotate(events.get(i), f, decision, policies.get(i), fallback));
        }
        return new Decided(decision, annotated);
    }

    /** The stricter of the finding decision and the policy's effect; {@code ask} falls back where it cannot be asked. */
    private Decision withPolicy(Decision d, PolicyDecision pd, boolean askSupported) {
        if (pd == null) {
            return d;
        }
        Decision.Verdict pv = switch (pd.effect()) {
            case ALLOW -> Decision.Verdict.ALLOW;
            case WARN -> Decision.Verdict.WARN;
            case ASK -> askSupported ? Decision.Verdict.ASK
                    : askFallback == PolicySettings.AskFallback.DENY ? Decision.Verdict.DENY : Decision.Verdict.WARN;
            case DENY -> Decision.Verdict.DENY;
        };
        if (pv.ordinal() <= d.verdict().ordinal()) {
            return new Decision(d.verdict(), d.mode(), d.reason(), d.findings(), d.failMode(), d.failure(), pd);
        }
        String prefix = switch (pv) {
            case DENY -> pd.effect() == io.agentdlp.detection.policy.Effect.ASK
                    ? "agentdlp blocked this (policy asks for confirmation, which this agent cannot ask here): "
                    : "agentdlp blocked this: ";
            case ASK -> "agentdlp asks you to confirm: ";
            default -> "agentdlp warning: ";
        };
        String reason = prefix + pd.reason() + " [policy " + pd.policyId() + " v" + pd.policyVersion() + ", rule "
                + (pd.ruleId() == null ? "default" : pd.ruleId()) + "]";
        EnforcementMode mode = pv == Decision.Verdict.WARN ? EnforcementMode.WARN : EnforcementMode.ENFORCE;
        return new Decision(pv, mode, reason, d.findings(), d.failMode(), d.failure(), pd);
    }

    /** A decision and the events it annotated. */
    public record Decided(Decision decision, List<AgentEgressEvent> events) {
    }

    private Decision decision(List<Finding> findings, RemoteVerdict rv, String failMode, String failure) {
        if (failMode != null && failClosed) {
            return new Decision(Decision.Verdict.DENY, EnforcementMode.ENFORCE,
                    "agentdlp: the DLP verdict service is unavailable (" + failure + ") and this machine is configured to fail closed",
                    findings, failMode, failure);
        }
        Severity worst = null;
        for (Finding f : findings) {
            if (worst == null || f.getSeverity().ordinal() > worst.ordinal()) {
                worst = f.getSeverity();
            }
        }
        EnforcementMode mode = worst == null ? null : modes.modeFor(io.agentdlp.detection.Severity.valueOf(worst.name()));
        Decision.Verdict verdict = mode == null ? Decision.Verdict.ALLOW : switch (mode) {
            case ENFORCE -> Decision.Verdict.DENY;
            case WARN -> Decision.Verdict.WARN;
            case MONITOR -> Decision.Verdict.ALLOW;
        };
        String reason = null;
        if (rv != null && "deny".equalsIgnoreCase(rv.verdict())) {
            verdict = Decision.Verdict.DENY;
            mode = EnforcementMode.ENFORCE;
            reason = "agentdlp blocked this: " + (rv.reason() != null ? rv.reason() : "central policy");
        } else if (rv != null && "warn".equalsIgnoreCase(rv.verdict()) && verdict == Decision.Verdict.ALLOW) {
            verdict = Decision.Verdict.WARN;
            mode = EnforcementMode.WARN;
            reason = "agentdlp warning: " + (rv.reason() != null ? rv.reason() : "central policy");
        }
        if (reason == null && verdict != Decision.Verdict.ALLOW) {
            reason = reason(verdict, findings);
        }
        return new Decision(verdict, mode, reason, findings, failMode, failure);
    }

    static String reason(Decision.Verdict verdict, List<Finding> findings) {
        StringBuilder sb = new StringBuilder(verdict == Decision.Verdict.DENY ? "agentdlp blocked this: " : "agentdlp warning: ");
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> b.getSeverity().ordinal() - a.getSeverity().ordinal());
        for (int i = 0; i < Math.min(REASON_FINDINGS, sorted.size()); i++) {
            Finding f = sorted.get(i);
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(f.getDetector()).append(' ').append(f.getRuleId()).append(" (").append(f.getSeverity()).append(')');
            if (f.getField() != null) {
                sb.append(" in ").append(f.getField());
            }
            sb.append(": ").append(f.getRedactedPreview());
        }
        if (sorted.size() > REASON_FINDINGS) {
            sb.append("; and ").append(sorted.size() - REASON_FINDINGS).append(" more");
        }
        return sb.toString();
    }

    private List<Finding> localFindings(AgentEgressEvent e) {
        Map<String, Finding> out = new LinkedHashMap<>();
        if (e.getContent() != null && e.getContent().getText() != null) {
            String field = e.getContent().getField() == null ? "content" : e.getContent().getField();
            for (io.agentdlp.detection.Finding f : detector.detect(e.getContent().getText())) {
                Finding a = toAvro(f.withField(field));
                out.putIfAbsent(a.getRuleId() + "\0" + a.getKeyedHash(), a);
            }
        }
        if (e.getTool() != null && e.getTool().getInputJson() != null) {
            for (io.agentdlp.detection.Finding f : detector.detect(e.getTool().getInputJson())) {
                Finding a = toAvro(f.withField("tool_input"));
                out.putIfAbsent(a.getRuleId() + "\0" + a.getKeyedHash(), a);
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Adds findings to the event in place: events are fresh from the normalizer and owned by one request. */
    private static AgentEgressEvent withFindings(AgentEgressEvent e, List<Finding> findings) {
        List<Finding> all = new ArrayList<>(e.getFindings());
        all.addAll(findings);
        e.setFindings(all);
        return e;
    }

    /** @param fallback what {@code ask} became because the hook cannot ask, or null */
    private static AgentEgressEvent annotate(AgentEgressEvent e, List<Finding> findings, Decision d, PolicyDecision pd,
                                             String fallback) {
        AgentEgressEvent copy = withFindings(e, findings);
        Map<String, String> attrs = new LinkedHashMap<>(copy.getAttributes());
        attrs.put("dlp.decision", d.verdict().name().toLowerCase(java.util.Locale.ROOT));
        if (pd != null) {
            attrs.put("dlp.policy.id", pd.policyId());
            attrs.put("dlp.policy.version", Long.toString(pd.policyVersion()));
            attrs.put("dlp.policy.rule", pd.ruleId() == null ? "default" : pd.ruleId());
            attrs.put("dlp.policy.effect", pd.effect().name().toLowerCase(java.util.Locale.ROOT));
            if (fallback != null && pd.effect() == io.agentdlp.detection.policy.Effect.ASK) {
                attrs.put("dlp.policy.ask_fallback", fallback);
            }
        }
        if (d.mode() != null) {
            attrs.put("dlp.mode", d.mode().id());
        }
        if (d.failMode() != null) {
            attrs.put("dlp.fail_mode", d.failMode());
            attrs.put("dlp.verdict_error", d.failure());
        }
        copy.setAttributes(attrs);
        return copy;
    }

    /** Converts a detection-library finding to its Avro form. */
    public static Finding toAvro(io.agentdlp.detection.Finding f) {
        return new Finding(f.detector(), f.ruleId(), Severity.valueOf(f.severity().name()), f.confidence(),
                f.redactedPreview(), f.keyedHash(), f.field(), f.line() > 0 ? f.line() : null,
                f.column() > 0 ? f.column() : null, f.offset() >= 0 ? f.offset() : null, f.length() > 0 ? f.length() : null);
    }
}
