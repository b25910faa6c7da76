package io.agentdlp.topology.policy;

import io.agentdlp.detection.Severity;
import io.agentdlp.detection.policy.Effect;

/**
 * The effect policy assigns to one egress and why.
 *
 * @param effect   ALLOW, WARN, ASK or DENY
 * @param policyId policy document that decided ({@code none} when no policy is published)
 * @param version  version of that document
 * @param ruleId   rule that matched, {@code allowed-destinations} or {@code default}
 * @param severity severity of alerts this decision raises
 * @param reason   reason text (may be null)
 */
public record PolicyDecision(Effect effect, String policyId, long version, String ruleId, Severity severity, String reason) {
    /** When no policy is published: everything is allowed. */
    public static final PolicyDecision NO_POLICY = new PolicyDecision(Effect.ALLOW, "none", 0, "default", Severity.INFO, null);

    public boolean allowed() {
        return effect == Effect.ALLOW;
    }

    /** Larger is stricter: ALLOW &lt; WARN &lt; ASK &lt; DENY. */
    public int strictness() {
        return effect.ordinal();
    }
}
