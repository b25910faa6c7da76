package io.agentdlp.topology.alert;

import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;

/** Converts the detection library's findings into the Avro evidence of alerts (redacted fields only). */
public final class Evidence {
    private Evidence() {
    }

    public static Finding of(io.agentdlp.detection.Finding f, String field) {
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
