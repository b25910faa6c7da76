package io.agentdlp.topology.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.agentdlp.avro.Destination;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.Severity;
import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.alert.AlertContext;
import io.agentdlp.topology.alert.AlertDraft;

/**
 * Turns code matches into alert occurrences: one per matched file, keyed by repository and path
 * within the session, with the match (file, line ranges, similarity) on the alert and a finding
 * whose keyed hash identifies the file. The severity is HIGH for a match of at least the configured
 * number of source lines or a similarity of 0.8, else MEDIUM; a non-allowed destination raises it.
 */
public final class CodeMatchAlerts {
    public static final String DETECTOR = "code-fingerprint";
    public static final String RULE = "own-code";
    private static final double HIGH_SIMILARITY = 0.8;

    private final KeyedHasher hasher;
    private final int highSeverityLines;

    public CodeMatchAlerts(KeyedHasher hasher, int highSeverityLines) {
        this.hasher = hasher;
        this.highSeverityLines = highSeverityLines;
    }

    /** Adds the occurrences of {@code matches} to the event and marks its content sensitive. */
    public void addAll(InspectedEvent e, List<CodeMatch> matches) {
        if (matches.isEmpty()) {
            return;
        }
        Destination dest = e.firstDestination();
        AlertContext ctx = AlertContext.of(e.key(), e.event(), dest, e.truncated());
        String field = e.event().getContent() == null ? "fingerprints" : e.event().getContent().getField();
        alerts(ctx, e.event().getKind().name(), field, matches).forEach(e::addDetection);
        e.markSensitiveContent();
    }

    /** One occurrence per matched file. */
    public List<DlpAlert> alerts(AlertContext ctx, String kind, String field, List<CodeMatch> matches) {
        List<DlpAlert> out = new ArrayList<>(matches.size());
        Destination dest = ctx.destination();
        for (CodeMatch m : matches) {
            Severity sev = m.sourceLines() >= highSeverityLines || m.similarity() >= HIGH_SIMILARITY ? Severity.HIGH
                    : Severity.MEDIUM;
            String file = m.repo() + "/" + m.sourcePath();
            String lines = m.sourceStartLine() + "-" + m.sourceEndLine();
            out.add(AlertDraft.of(ctx, DETECTOR, RULE, sev)
                    .title("Own code from " + file + " (lines " + lines + ") in " + kind
                            + (dest == null ? "" : " sent to " + dest.getHost()))
                    .explanation(String.format(Locale.ROOT, "%d fingerprints of the %s lines %d-%d (%.0f%% of the sent code) "
                                    + "match lines %s of %s%s.", m.matchedFingerprints(),
                            field == null ? "content" : field, m.probeStartLine(), m.probeEndLine(), m.similarity() * 100,
                            lines, file, m.contiguous() ? " in one contiguous run" : ""))
                    .evidenceKey(file)
                    .evidence(Finding.newBuilder().setDetector(DETECTOR).setRuleId(RULE)
                            .setSeverity(io.agentdlp.avro.Severity.valueOf(sev.name())).setConfidence(m.similarity())
                            .setRedactedPreview(file + "#L" + lines).setKeyedHash(hasher.hash(m.repo() + '\0' + m.sourcePath()))
                            .setField(field).setLine(m.probeStartLine()).build())
                    .codeMatch(io.agentdlp.avro.CodeMatch.newBuilder().setRepo(m.repo()).setSourcePath(m.sourcePath())
                            .setSourceStartLine(m.sourceStartLine()).setSourceEndLine(m.sourceEndLine())
                            .setProbeStartLine(m.probeStartLine()).setProbeEndLine(m.probeEndLine())
                            .setSimilarity(m.similarity()).setMatchedFingerprints(m.matchedFingerprints())
                            .setContiguous(m.contiguous()).build())
                    .attribute("repo", m.repo())
                    .attribute("source_path", m.sourcePath())
                    .build());
        }
        return out;
    }
}
