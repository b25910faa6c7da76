package io.agentdlp.detection.policy;

import io.agentdlp.detection.Severity;

/**
 * The outcome for one action: the effect, which rule decided it (null = the policy default), why,
 * and the policy version that decided, so every decision can be audited.
 */
public record PolicyDecision(Effect effect, String ruleId, String reason, Severity severity, String policyId,
                             long policyVersion) {
    public boolean byDefault() {
        return ruleId == null;
    }
}
