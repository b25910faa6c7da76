package io.agentdlp.topology.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

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
    private static final Schema.Field DETECTOR_FIELD = DlpAlert.getClassSchema().getField("detector");
    private static final Schema.Field RULE_ID_FIELD = DlpAlert.getClassSchema().getField("rule_id");
    private static final Schema.Field TITLE_FIELD = DlpAlert.getClassSchema().getField("title");
    private static final Schema.Field EXPLANATION_FIELD = DlpAlert.getClassSchema().getField("explanation");

    private final AlertContext context;
    private final String detector;
    private final String ruleId;
    private io.agentdlp.detection.Severity severity;
    private String title;
    /** False until {@link #title} is called: most detectors replace the default title, so it is made only in {@link #build}. */
    private boolean titled;
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
    }

    public static AlertDraft of(AlertContext context, String detector, String ruleId, io.agentdlp.detection.Severity severity) {
        return new AlertDraft(context, detector, ruleId, severity);
    }

    public AlertDraft title(String t) {
        this.title = t;
        this.titled = true;
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

    /**
     * The occurrence as an alert. Built with the all-args constructor: the generated builder gives the
     * same alert but costs a field array, set flags and a validation per field on every detection; the
     * string fields without a null branch fail on null as the builder's validation fails them.
     */
    public DlpAlert build() {
        Instant t = Instant.ofEpochMilli(context.eventTime());
        return new DlpAlert(AlertId.of(detector, ruleId, context.scope(), evidenceKey), required(detector, DETECTOR_FIELD),
                required(ruleId, RULE_ID_FIELD), Severity.valueOf(severity.name()), required(titled ? title : detector + " " + ruleId, TITLE_FIELD),
                required(explanation, EXPLANATION_FIELD), t, t, 1L,
                context.eventId() == null ? new ArrayList<>() : new ArrayList<>(List.of(context.eventId())),
                context.sessionId(), context.deviceId(), context.userId(), context.userEmail(), context.agentName(),
                context.agentVersion(), context.repoRemote(), context.destination(), new ArrayList<>(evidence), codeMatch,
                AlertStatus.OPEN, context.contentTruncated(), new HashMap<>(attributes));
    }

    private static String required(String value, Schema.Field field) {
        if (value == null) {
            throw new AvroRuntimeException("Field " + field + " does not accept null values");
        }
        return value;
    }
}
