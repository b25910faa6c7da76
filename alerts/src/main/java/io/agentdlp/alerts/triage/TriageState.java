package io.agentdlp.alerts.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.agentdlp.avro.TriageAction;
import io.agentdlp.avro.TriageStatus;

/**
 * The triage state of one alert, as stored (whole) on the compacted dlp-alert-status topic.
 *
 * @param alertId         alert id
 * @param status          status set by the latest status-changing action
 * @param assignee        assigned console user, or null
 * @param suppressedUntil end of the suppression when status is SUPPRESSED, else null
 * @param suppressReason  reason given for the suppression, else null
 * @param comments        comments, oldest first
 * @param history         actions, oldest first
 * @param version         number of actions applied
 * @param updatedAt       time of the latest action
 * @param updatedBy       user who took the latest action
 */
public record TriageState(String alertId, TriageStatus status, String assignee, Instant suppressedUntil,
                          String suppressReason, List<Comment> comments, List<Entry> history, long version,
                          Instant updatedAt, String updatedBy) {

    /** Most comments and history entries kept per alert; older ones are dropped first. */
    public static final int MAX_ENTRIES = 200;

    public TriageState {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(status, "status");
        comments = List.copyOf(comments);
        history = List.copyOf(history);
    }

    /** An alert nobody has triaged yet. */
    public static TriageState untouched(String alertId) {
        return new TriageState(alertId, TriageStatus.OPEN, null, null, null, List.of(), List.of(), 0, null, null);
    }

    /** True while a suppression is in force at {@code now}. */
    public boolean suppressedAt(Instant now) {
        return status == TriageStatus.SUPPRESSED && suppressedUntil != null && suppressedUntil.isAfter(now);
    }

    /** One analyst comment. */
    public record Comment(String author, Instant at, String text) {
    }

    /** One action in the history. */
    public record Entry(TriageAction action, String actor, Instant at, String detail) {
    }

    /** Appends to a bounded list, dropping the oldest entries past {@link #MAX_ENTRIES}. */
    static <T> List<T> append(List<T> list, T item) {
        List<T> l = new ArrayList<>(list);
        l.add(item);
        return l.size() > MAX_ENTRIES ? l.subList(l.size() - MAX_ENTRIES, l.size()) : l;
    }
}
