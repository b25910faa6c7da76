package io.agentdlp.alerts.feed;

import java.time.Instant;

import io.agentdlp.alerts.triage.TriageState;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.TriageStatus;

/**
 * An alert as the console shows it: the latest alert record joined with its triage state.
 *
 * @param alert    latest record from dlp-alerts
 * @param triage   triage state (untouched when nobody acted yet)
 * @param sequence store change number of the latest change to this alert (live-feed event id)
 */
public record AlertView(DlpAlert alert, TriageState triage, long sequence) {

    /**
     * Status the analyst sees at {@code now}: an expired suppression counts as OPEN again, and so does
     * a resolved alert that fired again after it was resolved.
     */
    public TriageStatus effectiveStatus(Instant now) {
        TriageStatus s = triage.version() == 0 ? TriageStatus.valueOf(alert.getStatus().name()) : triage.status();
        if (s == TriageStatus.SUPPRESSED && !triage.suppressedAt(now)) {
            return TriageStatus.OPEN;
        }
        if (reoccurred()) {
            return TriageStatus.OPEN;
        }
        return s;
    }

    /** True when the alert fired again after an analyst resolved it. */
    public boolean reoccurred() {
        return triage.status() == TriageStatus.RESOLVED && triage.updatedAt() != null
                && alert.getLastSeen().isAfter(triage.updatedAt());
    }

    public String id() {
        return alert.getAlertId();
    }
}
