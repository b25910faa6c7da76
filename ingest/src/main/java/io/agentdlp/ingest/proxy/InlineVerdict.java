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
 */
record InlineVerdict(Action action, List<Finding> findings, PolicyDecision policy, String reason) {
    enum Action { MONITOR, WARN, BLOCK }

    InlineVerdict {
        findings = List.copyOf(findings);
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
