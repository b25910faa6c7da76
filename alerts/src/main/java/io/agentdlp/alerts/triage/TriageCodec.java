package io.agentdlp.alerts.triage;

import io.agentdlp.avro.AlertTriage;
import io.agentdlp.avro.TriageComment;
import io.agentdlp.avro.TriageEntry;

/** Converts between {@link TriageState} and its Avro record on dlp-alert-status. */
public final class TriageCodec {
    private TriageCodec() {
    }

    public static AlertTriage toAvro(TriageState s) {
        return AlertTriage.newBuilder()
                .setAlertId(s.alertId())
                .setStatus(s.status())
                .setAssignee(s.assignee())
                .setSuppressedUntil(s.suppressedUntil())
                .setSuppressReason(s.suppressReason())
                .setComments(s.comments().stream()
                        .map(c -> TriageComment.newBuilder().setAuthor(c.author()).setAt(c.at()).setText(c.text()).build())
                        .toList())
                .setHistory(s.history().stream()
                        .map(e -> TriageEntry.newBuilder().setAction(e.action()).setActor(e.actor()).setAt(e.at())
                                .setDetail(e.detail()).build())
                        .toList())
                .setVersion(s.version())
                .setUpdatedAt(s.updatedAt())
                .setUpdatedBy(s.updatedBy())
                .build();
    }

    public static TriageState fromAvro(AlertTriage a) {
        return new TriageState(a.getAlertId(), a.getStatus(), a.getAssignee(), a.getSuppressedUntil(),
                a.getSuppressReason(),
                a.getComments().stream().map(c -> new TriageState.Comment(c.getAuthor(), c.getAt(), c.getText())).toList(),
                a.getHistory().stream().map(e -> new TriageState.Entry(e.getAction(), e.getActor(), e.getAt(), e.getDetail()))
                        .toList(),
                a.getVersion(), a.getUpdatedAt(), a.getUpdatedBy());
    }
}
