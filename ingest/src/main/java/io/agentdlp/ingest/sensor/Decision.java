package io.agentdlp.ingest.sensor;

import java.util.List;

import io.agentdlp.avro.Finding;

/**
 * The sensor's answer to a blockable hook.
 *
 * @param verdict   allow, warn or deny
 * @param mode      the enforcement mode that produced it (from the worst finding), or null without findings
 * @param reason    text for the user and the agent (redacted previews only), or null when allowed silently
 * @param findings  every finding behind the decision (redacted)
 * @param failMode  {@code open} or {@code closed} when the verdict service failed and the policy decided; else null
 * @param failure   why the verdict service failed (timeout, unreachable, status), or null
 */
public record Decision(Verdict verdict, EnforcementMode mode, String reason, List<Finding> findings,
                       String failMode, String failure) {
    /** Allow, warn or deny. */
    public enum Verdict { ALLOW, WARN, DENY }

    public Decision {
        findings = List.copyOf(findings);
    }

    /** Nothing found, nothing failed. */
    public static Decision allow() {
        return new Decision(Verdict.ALLOW, null, null, List.of(), null, null);
    }
}
