package io.agentdlp.ingest.proxy;

import java.util.List;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.Severity;
import io.agentdlp.detection.policy.PolicyDecision;

/**
 * What the proxy decided for one request before forwarding it.
 *
 * @param action   forward (monitor), forward and warn, or block
 * @param findings findings of the newly seen blocks (redacted)
 * @param policy   the policy decision for this destination, model and agent
 * @param reason   shown to the developer when blocked; never contains secret text
 * @param askFallback what a policy {@code ask} became (the proxy cannot ask): {@code deny} or {@code warn}; else null
 */
record InlineVerdict(Action action, List<Finding> findings, PolicyDecision policy, String reason, String askFallback) {
    enum Action { MONITOR, WARN, BLOCK }

    InlineVerdict {
        findings = List.copyOf(findings);
    }

    /** What the agent was told, in the sensor's words: allow, warn or deny. */
    String dlpDecision() {
        return switch (action) {
            case MONITOR -> "allow";
            case WARN -> "warn";
            case BLOCK -> "deny";
        };
    }

    Severity maxSeverity() {
        Severity max = null;
        for (Finding f : findings) {
            if (max == null || f.severity().compareTo(max) > 0) {
                max = f.severity();
            }
        }
        return max;
    }
}
