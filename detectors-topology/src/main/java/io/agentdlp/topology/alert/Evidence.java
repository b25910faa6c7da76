package io.agentdlp.topology.alert;

import io.agentdlp.avro.Finding;
import io.agentdlp.avro.Severity;

/** Converts the detection library's findings into the Avro evidence of alerts (redacted fields only). */
public final class Evidence {
    private Evidence() {
    }

    /**
     * The finding as alert evidence, built with the all-args constructor (the same record as the
     * generated builder's, without its per-field flags and default copies; the library's finding
     * never holds null where the Avro record does not take it).
     */
    public static Finding of(io.agentdlp.detection.Finding f, String field) {
        return new Finding(f.detector(), f.ruleId(), Severity.valueOf(f.severity().name()), f.confidence(), f.redactedPreview(),
                f.keyedHash(), f.field() != null ? f.field() : field, f.line() > 0 ? f.line() : null,
                f.column() > 0 ? f.column() : null, f.offset() >= 0 ? f.offset() : null, f.length() > 0 ? f.length() : null);
    }
}
