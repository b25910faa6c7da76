package io.agentdlp.ingest.sensor;

import java.util.List;

import io.agentdlp.avro.Finding;
import io.agentdlp.detection.policy.PolicyDecision;

/**
 * The sensor's answer to a blockable hook.
 *
 * @param verdict   allow, warn, ask or deny
 * @param mode      the enforcement mode that produced it (from the worst finding), or null without findings
 * @param reason    text for the user and the agent (redacted previews only), or null when allowed silently
 * @param findings  every finding behind the decision (redacted)
 * @param failMode  {@code open} or {@code closed} when the verdict service failed and the policy decided; else null
 * @param failure   why the verdict service failed (timeout, unreachable, status), or null
 * @param policy    the access-policy decision that took part (rule, policy id and version), or null when no policy ran
 */
public record Decision(Verdict verdict, EnforcementMode mode, String reason, List<Finding> findings,
                       String failMode, String failure, PolicyDecision policy) {
    /** Allow, warn, ask (the user confirms) or deny; declared from weakest to strictest. */
    public enum Verdict {
        ALLOW, WARN, ASK, DENY;

        /** The stricter of two verdicts. */
        public Verdict max(Verdict other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }

    public Decision {
        findings = List.copyOf(findings);
    }

    public Decision(Verdict verdict, EnforcementMode mode, String reason, List<Finding> findings, String failMode, String failure) {
        this(verdict, mode, reason, findings, failMode, failure, null);
    }

    /** Nothing found, nothing failed. */
    public static Decision allow() {
        return new Decision(Verdict.ALLOW, null, null, List.of(), null, null, null);
    }
}
