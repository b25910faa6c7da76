package io.agentdlp.topology.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.agentdlp.avro.AlertStatus;
import io.agentdlp.avro.CodeMatch;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;

/**
 * Builds the {@link DlpAlert} of one occurrence (count 1, first = last seen) that detectors emit
 * and the aggregator folds. Only redacted evidence goes in; the title and explanation name rules,
 * files and hosts, never content.
 */
public final class AlertDraft {
    private final AlertContext context;
    private final String detector;
    private final String ruleId;
    private io.agentdlp.detection.Severity severity;
    private String title;
    private String explanation = "";
    private String evidenceKey = "";
    private final List<Finding> evidence = new ArrayList<>();
    private CodeMatch codeMatch;
    private final Map<String, String> attributes = new HashMap<>();

    private AlertDraft(AlertContext context, String detector, String ruleId, io.agentdlp.detection.Severity severity) {
        this.context = context;
        this.detector = detector;
        this.ruleId = ruleId;
        this.severity = severity;
        this.title = detector + " " + ruleId;
    }

    public static AlertDraft of(AlertContext context, String detector, String ruleId, io.agentdlp.detection.Severity severity) {
        return new AlertDraft(context, detector, ruleId, severity);
    }

    public AlertDraft title(String t) {
        this.title = t;
        return this;
    }

    public AlertDraft explanation(String e) {
        this.explanation = e;
        return this;
    }

    /** What distinguishes this detection from others of the same rule in the same scope (a keyed hash, a file, a host). */
    public AlertDraft evidenceKey(String k) {
        this.evidenceKey = k;
        return this;
    }

    public AlertDraft evidence(Finding f) {
        evidence.add(f);
        return this;
    }

    public AlertDraft codeMatch(CodeMatch m) {
        this.codeMatch = m;
        return this;
    }

    public AlertDraft attribute(String k, String v) {
        if (v != null) {
            attributes.put(k, v);
        }
        return this;
    }

    public AlertDraft severity(io.agentdlp.detection.Severity s) {
        this.severity = s;
        return this;
    }

    public DlpAlert build() {
        Instant t = Instant.ofEpochMilli(context.eventTime());
        return DlpAlert.newBuilder()
                .setAlertId(AlertId.of(detector, ruleId, context.scope(), evidenceKey))
                .setDetector(detector)
                .setRuleId(ruleId)
                .setSeverity(Severity.valueOf(severity.name()))
                .setTitle(title)
                .setExplanation(explanation)
                .setFirstSeen(t)
                .setLastSeen(t)
                .setOccurrenceCount(1)
                .setEventIds(context.eventId() == null ? new ArrayList<>() : new ArrayList<>(List.of(context.eventId())))
                .setSessionId(context.sessionId())
                .setDeviceId(context.deviceId())
                .setUserId(context.userId())
                .setUserEmail(context.userEmail())
                .setAgentName(context.agentName())
                .setAgentVersion(context.agentVersion())
                .setRepoRemote(context.repoRemote())
                .setDestination(context.destination())
                .setEvidence(new ArrayList<>(evidence))
                .setCodeMatch(codeMatch)
                .setStatus(AlertStatus.OPEN)
                .setContentTruncated(context.contentTruncated())
                .setAttributes(new HashMap<>(attributes))
                .build();
    }
}
