package io.agentdlp.ingest.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.Severity;
import io.agentdlp.detection.TextDetector;
import io.agentdlp.detection.policy.Effect;
import io.agentdlp.detection.policy.PolicyDecision;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.detection.policy.PolicyRequest;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.policy.PolicySettings;

/**
 * Runs the detectors over the blocks a request adds to its conversation and combines their
 * findings with the policy decision for the destination and model: policy deny or findings at the enforce
 * threshold block; policy warn or findings at the warn threshold warn; policy ask blocks or warns per
 * the ask fallback (the proxy cannot ask the developer); the rest is monitored.
 */
final class RequestInspector {
    private final TextDetector detector;
    private final Supplier<PolicyEngine> policy;
    private final Enforcement enforcement;
    private final DeviceContext device;
    private final PolicySettings.AskFallback askFallback;

    /** @param askFallback what a policy {@code ask} becomes: the proxy has no way to ask the developer */
    RequestInspector(TextDetector detector, Supplier<PolicyEngine> policy, Enforcement enforcement, DeviceContext device,
                     PolicySettings.AskFallback askFallback) {
        this.detector = detector;
        this.policy = policy;
        this.enforcement = enforcement;
        this.device = device;
        this.askFallback = askFallback;
    }

    /** Findings per new block, in block order. */
    Map<ContentBlock, List<Finding>> scan(List<ContentBlock> newBlocks) {
        Map<ContentBlock, List<Finding>> out = new LinkedHashMap<>();
        for (ContentBlock b : newBlocks) {
            List<Finding> found = new ArrayList<>();
            for (Finding f : detector.detect(b.text())) {
                found.add(f.withField(b.field()));
            }
            out.put(b, found);
        }
        return out;
    }

    InlineVerdict decide(List<Finding> findings, AgentIdentity agent, String host, String url, String model,
                         long contentBytes) {
        PolicyRequest request = new PolicyRequest(device.userId(), device.userEmail(), List.of(), device.deviceId(),
                agent.name(), agent.version(), null, null, null, host, url, model, null, null, contentBytes, !findings.isEmpty());
        PolicyDecision decision = policy.get().decide(request);
        Severity max = null;
        for (Finding f : findings) {
            if (max == null || f.severity().compareTo(max) > 0) {
                max = f.severity();
            }
        }
        boolean ask = decision.effect() == Effect.ASK;
        String fallback = ask ? askFallback.name().toLowerCase(Locale.ROOT) : null;
        if (decision.effect() == Effect.DENY || (ask && askFallback == PolicySettings.AskFallback.DENY)) {
            return new InlineVerdict(InlineVerdict.Action.BLOCK, findings, decision,
                    "agentdlp blocked this request" + (ask ? " (policy asks for confirmation, which the proxy cannot ask)" : "")
                            + ": " + decision.reason() + " (policy " + decision.policyId() + " v" + decision.policyVersion()
                            + (decision.ruleId() == null ? "" : ", rule " + decision.ruleId()) + ")", fallback);
        }
        if (max != null && enforcement.blocks(max)) {
            return new InlineVerdict(InlineVerdict.Action.BLOCK, findings, decision, blockReason(findings), fallback);
        }
        boolean warn = decision.effect() == Effect.WARN || ask || (max != null && enforcement.warns(max));
        return new InlineVerdict(warn ? InlineVerdict.Action.WARN : InlineVerdict.Action.MONITOR, findings, decision, null, fallback);
    }

    private String blockReason(List<Finding> findings) {
        StringBuilder sb = new StringBuilder("agentdlp blocked this request because it contains sensitive data: ");
        Set<String> rules = new LinkedHashSet<>();
        for (Finding f : findings) {
            if (enforcement.blocks(f.severity())) {
                rules.add(f.ruleId() + " (" + f.redactedPreview() + " in " + f.field() + ")");
            }
        }
        sb.append(String.join(", ", rules));
        sb.append(". Remove it from the conversation (or ask your security team) and try again.");
        return sb.toString();
    }
}
