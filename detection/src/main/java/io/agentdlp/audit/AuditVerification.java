package io.agentdlp.audit;

import java.util.List;

/**
 * Result of verifying an exported audit trail.
 *
 * @param records      records read
 * @param sessions     distinct sessions
 * @param violations   broken links; empty means the trail is intact
 * @param partialStarts sessions whose first exported record is not their first record (an export
 *                     window): their first link cannot be checked against the previous record
 */
public record AuditVerification(long records, int sessions, List<AuditViolation> violations, List<String> partialStarts) {
    public AuditVerification {
        violations = List.copyOf(violations);
        partialStarts = List.copyOf(partialStarts);
    }

    public boolean intact() {
        return violations.isEmpty();
    }
}
