package io.agentdlp.alerts.triage;

import java.time.Instant;
import java.util.Objects;

import io.agentdlp.avro.TriageAction;

/**
 * One triage action asked for by an analyst.
 *
 * @param action   what to do
 * @param until    suppression end (SUPPRESS only)
 * @param text     suppression reason (SUPPRESS), assignee (ASSIGN) or comment text (COMMENT)
 */
public record TriageRequest(TriageAction action, Instant until, String text) {

    public TriageRequest {
        Objects.requireNonNull(action, "action");
        if (action == TriageAction.OTHER) {
            throw new TriageException("unknown triage action");
        }
    }

    public static TriageRequest acknowledge() {
        return new TriageRequest(TriageAction.ACKNOWLEDGE, null, null);
    }

    public static TriageRequest resolve() {
        return new TriageRequest(TriageAction.RESOLVE, null, null);
    }

    public static TriageRequest reopen() {
        return new TriageRequest(TriageAction.REOPEN, null, null);
    }

    public static TriageRequest suppress(Instant until, String reason) {
        return new TriageRequest(TriageAction.SUPPRESS, until, reason);
    }

    public static TriageRequest assign(String assignee) {
        return new TriageRequest(TriageAction.ASSIGN, null, assignee);
    }

    public static TriageRequest unassign() {
        return new TriageRequest(TriageAction.UNASSIGN, null, null);
    }

    public static TriageRequest comment(String text) {
        return new TriageRequest(TriageAction.COMMENT, null, text);
    }
}
