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

/** The oracle of {@link AlertBuildingTest}: alerts and evidence built with the generated builders, as before 2026-11-25. */
final class AlertBuildingReference {
    private AlertBuildingReference() {
    }

    static DlpAlert alert(AlertContext context, String detector, String ruleId, io.agentdlp.detection.Severity severity, String title,
                          String explanation, String evidenceKey, List<Finding> evidence, CodeMatch codeMatch,
                          Map<String, String> attributes) {
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

    static Finding evidence(io.agentdlp.detection.Finding f, String field) {
        return Finding.newBuilder()
                .setDetector(f.detector())
                .setRuleId(f.ruleId())
                .setSeverity(Severity.valueOf(f.severity().name()))
                .setConfidence(f.confidence())
                .setRedactedPreview(f.redactedPreview())
                .setKeyedHash(f.keyedHash())
                .setField(f.field() != null ? f.field() : field)
                .setLine(f.line() > 0 ? f.line() : null)
                .setColumn(f.column() > 0 ? f.column() : null)
                .setOffset(f.offset() >= 0 ? f.offset() : null)
                .setLength(f.length() > 0 ? f.length() : null)
                .build();
    }
}
