package io.agentdlp.alerts.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;

import io.agentdlp.alerts.feed.AlertJson;
import io.agentdlp.avro.TriageAction;
import io.agentdlp.avro.TriageStatus;

/**
 * Applies a triage request to a state: validates parameters, computes the next state and appends
 * the history entry. Pure: no I/O, the caller persists the result. Free text (comments, suppression
 * reasons) goes through {@code redaction} first, so a credential pasted by an analyst is stored only
 * as a redacted preview.
 */
public final class TriageRules {
    static final int MAX_COMMENT = 4000;
    static final int MAX_REASON = 500;
    static final int MAX_ASSIGNEE = 128;
    private final Duration maxSuppression;
    private final UnaryOperator<String> redaction;

    /**
     * @param maxSuppression longest suppression accepted
     * @param redaction      replaces credentials in free text with redacted previews
     */
    public TriageRules(Duration maxSuppression, UnaryOperator<String> redaction) {
        this.maxSuppression = maxSuppression;
        this.redaction = redaction;
    }

    public TriageState apply(TriageState s, TriageRequest r, String actor, Instant now) {
        TriageStatus status = s.status();
        String assignee = s.assignee();
        Instant until = s.suppressedUntil();
        String reason = s.suppressReason();
        var comments = s.comments();
        String detail = null;
        switch (r.action()) {
            case ACKNOWLEDGE -> {
                status = TriageStatus.ACKNOWLEDGED;
                until = null;
                reason = null;
            }
            case RESOLVE -> {
                status = TriageStatus.RESOLVED;
                until = null;
                reason = null;
            }
            case REOPEN -> {
                status = TriageStatus.OPEN;
                until = null;
                reason = null;
            }
            case SUPPRESS -> {
                if (r.until() == null || !r.until().isAfter(now)) {
                    throw new TriageException("a suppression needs an end time in the future");
                }
                if (r.until().isAfter(now.plus(maxSuppression))) {
                    throw new TriageException("a suppression may last at most " + maxSuppression.toDays() + " days");
                }
                reason = redaction.apply(text(r.text(), "a suppression needs a reason", MAX_REASON));
                status = TriageStatus.SUPPRESSED;
                until = r.until();
                detail = "until " + AlertJson.iso(until) + ": " + reason;
            }
            case ASSIGN -> {
                assignee = text(r.text(), "assign needs a user name", MAX_ASSIGNEE);
                if (assignee.chars().anyMatch(Character::isISOControl)) {
                    throw new TriageException("the assignee contains control characters");
                }
                detail = assignee;
            }
            case UNASSIGN -> assignee = null;
            case COMMENT -> {
                String t = redaction.apply(text(r.text(), "a comment cannot be empty", MAX_COMMENT));
                comments = TriageState.append(comments, new TriageState.Comment(actor, now, t));
            }
            default -> throw new TriageException("unknown triage action");
        }
        var history = TriageState.append(s.history(), new TriageState.Entry(r.action(), actor, now, detail));
        return new TriageState(s.alertId(), status, assignee, until, reason, comments, history, s.version() + 1, now,
                actor);
    }

    private static String text(String v, String missing, int max) {
        if (v == null || v.isBlank()) {
            throw new TriageException(missing);
        }
        String t = v.strip();
        if (t.length() > max) {
            throw new TriageException("text longer than " + max + " characters");
        }
        return t;
    }

    /** Action name used in audit records and metrics. */
    public static String actionName(TriageAction a) {
        return a.name().toLowerCase(Locale.ROOT);
    }
}
