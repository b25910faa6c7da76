package io.agentdlp.ingest.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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

/**
 * Runs the detectors over the blocks a request adds to its conversation and combines their
 * findings with the policy decision for the destination: policy deny or findings at the enforce
 * threshold block; policy warn/ask or findings at the warn threshold warn; the rest is monitored.
 */
final class RequestInspector {
    private final TextDetector detector;
    private final Supplier<PolicyEngine> policy;
    private final Enforcement enforcement;
    private final DeviceContext device;

    RequestInspector(TextDetector detector, Supplier<PolicyEngine> policy, Enforcement enforcement, DeviceContext device) {
        this.detector = detector;
        this.policy = policy;
        this.enforcement = enforcement;
        this.device = device;
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

    InlineVerdict decide(List<Finding> findings, AgentIdentity agent, String host, String url, long contentBytes) {
        PolicyRequest request = new PolicyRequest(device.userId(), device.userEmail(), List.of(), device.deviceId(),
                agent.name(), agent.version(), null, null, null, host, url, null, null, contentBytes, !findings.isEmpty());
        PolicyDecision decision = policy.get().decide(request);
        Severity max = null;
        for (Finding f : findings) {
            if (max == null || f.severity().compareTo(max) > 0) {
                max = f.severity();
            }
        }
        if (decision.effect() == Effect.DENY) {
            return new InlineVerdict(InlineVerdict.Action.BLOCK, findings, decision,
                    "agentdlp blocked this request: " + decision.reason() + " (policy " + decision.policyId() + " v"
                            + decision.policyVersion() + (decision.ruleId() == null ? "" : ", rule " + decision.ruleId()) + ")");
        }
        if (max != null && enforcement.blocks(max)) {
            return new InlineVerdict(InlineVerdict.Action.BLOCK, findings, decision, blockReason(findings));
        }
        boolean warn = decision.effect() == Effect.WARN || decision.effect() == Effect.ASK
                || (max != null && enforcement.warns(max));
        return new InlineVerdict(warn ? InlineVerdict.Action.WARN : InlineVerdict.Action.MONITOR, findings, decision, null);
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
