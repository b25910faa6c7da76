package io.agentdlp.topology.secret;

import java.util.HashSet;
import java.util.Set;

import io.agentdlp.avro.Content;
import io.agentdlp.avro.Destination;
import io.agentdlp.detection.Finding;
import io.agentdlp.detection.secret.ScanResult;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.topology.Detector;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.alert.AlertContext;
import io.agentdlp.topology.alert.AlertDraft;
import io.agentdlp.topology.alert.Evidence;
import io.agentdlp.topology.metrics.DlpMetrics;
import io.agentdlp.topology.policy.PolicyBook;

/**
 * Secrets in event content, with the library's {@link SecretScanner}: one occurrence per distinct
 * (rule, keyed hash) in the event, so the same secret in the same session aggregates into one
 * alert. Content the session already had scanned is skipped.
 */
public final class SecretDetector implements Detector {
    public static final String NAME = SecretScanner.DETECTOR;

    private final SecretScanner scanner;
    private final DlpMetrics metrics;

    public SecretDetector(SecretScanner scanner, DlpMetrics metrics) {
        this.scanner = scanner;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void detect(InspectedEvent e, PolicyBook policies) {
        if (e.text() == null || e.duplicate()) {
            return;
        }
        metrics.bytesScanned(e.text().length());
        ScanResult r = scanner.scan(e.text());
        if (r.findings().isEmpty()) {
            return;
        }
        String field = e.contentField();
        Destination dest = e.firstDestination();
        AlertContext ctx = AlertContext.of(e.key(), e.event(), dest, e.truncated() || r.truncated());
        Set<String> seen = new HashSet<>();
        for (Finding f : r.findings()) {
            if (!seen.add(f.ruleId() + '\0' + f.keyedHash())) {
                continue;
            }
            e.addDetection(AlertDraft.of(ctx, NAME, f.ruleId(), f.severity())
                    .title("Secret (" + f.ruleId() + ") in " + e.event().getKind() + where(e, dest))
                    .explanation("A value matching the " + f.ruleId() + " rule (preview " + f.redactedPreview()
                            + ") was in the " + (field == null ? "content" : field) + " of a " + e.event().getKind()
                            + " event from " + e.event().getAgent().getName() + ". Rotate the credential if it left the machine.")
                    .evidenceKey(f.keyedHash())
                    .evidence(Evidence.of(f, field))
                    .build());
        }
        e.markSensitiveContent();
    }

    private static String where(InspectedEvent e, Destination d) {
        return d != null ? " sent to " + d.getHost() : "";
    }
}
