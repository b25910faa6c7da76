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
import io.agentdlp.topology.alert.AlertContext;
import io.agentdlp.topology.alert.AlertDraft;

/** The oracle of {@link CodeMatchAlertsTest}: {@code CodeMatchAlerts.alerts} as it was before 2026-11-25 (builders, {@code String.format}). */
final class CodeMatchAlertsReference {
    private static final double HIGH_SIMILARITY = 0.8;

    private CodeMatchAlertsReference() {
    }

    static List<DlpAlert> alerts(KeyedHasher hasher, int highSeverityLines, AlertContext ctx, String kind, String field,
                                 List<CodeMatch> matches) {
        String detector = CodeMatchAlerts.DETECTOR;
        String rule = CodeMatchAlerts.RULE;
        List<DlpAlert> out = new ArrayList<>(matches.size());
        Destination dest = ctx.destination();
        for (CodeMatch m : matches) {
            Severity sev = m.sourceLines() >= highSeverityLines || m.similarity() >= HIGH_SIMILARITY ? Severity.HIGH
                    : Severity.MEDIUM;
            String file = m.repo() + "/" + m.sourcePath();
            String lines = m.sourceStartLine() + "-" + m.sourceEndLine();
            out.add(AlertDraft.of(ctx, detector, rule, sev)
                    .title("Own code from " + file + " (lines " + lines + ") in " + kind
                            + (dest == null ? "" : " sent to " + dest.getHost()))
                    .explanation(String.format(Locale.ROOT, "%d fingerprints of the %s lines %d-%d (%.0f%% of the sent code) "
                                    + "match lines %s of %s%s.", m.matchedFingerprints(),
                            field == null ? "content" : field, m.probeStartLine(), m.probeEndLine(), m.similarity() * 100,
                            lines, file, m.contiguous() ? " in one contiguous run" : ""))
                    .evidenceKey(file)
                    .evidence(Finding.newBuilder().setDetector(detector).setRuleId(rule)
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
