package io.agentdlp.tuning.backtest;

import java.util.List;

/**
 * How one alert differs between the baseline and the candidate.
 *
 * @param kind   new (only the candidate raises it), gone (only the baseline), changed (both, with
 *               different severity, title, timing, count or truncation)
 * @param before the baseline's alert (null when new)
 * @param after  the candidate's alert (null when gone)
 * @param fields the differing fields of a changed alert
 */
public record AlertChange(Kind kind, AlertSnapshot before, AlertSnapshot after, List<FieldChange> fields) {
    public AlertChange {
        fields = List.copyOf(fields);
    }

    public enum Kind { NEW, GONE, CHANGED }

    /** One differing field. */
    public record FieldChange(String field, String before, String after) {
    }

    /** The alert as the side that has it shows it (the candidate's when both do). */
    public AlertSnapshot alert() {
        return after != null ? after : before;
    }
}
