package io.agentdlp.topology.sensor;

import java.util.HashSet;
import java.util.Set;

import io.agentdlp.avro.Destination;
import io.agentdlp.avro.Finding;
import io.agentdlp.detection.Severity;
import io.agentdlp.topology.Detector;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.alert.AlertContext;
import io.agentdlp.topology.alert.AlertDraft;
import io.agentdlp.topology.policy.PolicyBook;

/**
 * Alerts from the redacted findings a sensor or proxy attached to an event, used when the event
 * carries no text the topology could scan itself (privacy mode, source-redacted content): then they
 * are the only evidence. Events with text are scanned here, so their sensor findings are not
 * counted twice.
 */
public final class SensorFindingsDetector implements Detector {
    public static final String NAME = "sensor";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void detect(InspectedEvent e, PolicyBook policies) {
        if (e.text() != null || e.duplicate() || e.event().getFindings().isEmpty()) {
            return;
        }
        Destination dest = e.firstDestination();
        AlertContext ctx = AlertContext.of(e.key(), e.event(), dest, e.truncated());
        Set<String> seen = new HashSet<>();
        boolean sensitive = false;
        for (Finding f : e.event().getFindings()) {
            if (!seen.add(f.getDetector() + '\0' + f.getRuleId() + '\0' + f.getKeyedHash())) {
                continue;
            }
            sensitive |= f.getDetector().equals("secret") || f.getDetector().equals("code-fingerprint");
            e.addDetection(AlertDraft.of(ctx, f.getDetector(), f.getRuleId(), Severity.parse(f.getSeverity().name()))
                    .title(f.getDetector() + " (" + f.getRuleId() + ") reported by the " + e.event().getSource()
                            + " sensor in " + e.event().getKind())
                    .explanation("The sensor found a value matching " + f.getRuleId() + " (preview " + f.getRedactedPreview()
                            + ") and sent only the redacted finding (privacy mode or source-redacted content).")
                    .evidenceKey(f.getKeyedHash())
                    .evidence(f)
                    .attribute("reported_by", "sensor")
                    .build());
        }
        if (sensitive) {
            e.markSensitiveContent();
        }
    }
}
