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
                    .explanation(explanation(m, field, lines, file))
                    .evidenceKey(file)
                    .evidence(new Finding(DETECTOR, RULE, io.agentdlp.avro.Severity.valueOf(sev.name()), m.similarity(),
                            file + "#L" + lines, hasher.hash(m.repo() + '\0' + m.sourcePath()), field, m.probeStartLine(), null,
                            null, null))
                    .codeMatch(new io.agentdlp.avro.CodeMatch(m.repo(), m.sourcePath(), m.sourceStartLine(), m.sourceEndLine(),
                            m.probeStartLine(), m.probeEndLine(), m.similarity(), m.matchedFingerprints(), m.contiguous()))
                    .attribute("repo", m.repo())
                    .attribute("source_path", m.sourcePath())
                    .build());
        }
        return out;
    }

    /**
     * What {@code String.format(Locale.ROOT, "%d fingerprints of the %s lines %d-%d (%.0f%% of the sent code) match
     * lines %s of %s%s.", ...)} gives, without parsing the format on every alert.
     */
    private static String explanation(CodeMatch m, String field, String lines, String file) {
        StringBuilder sb = new StringBuilder(128).append(m.matchedFingerprints()).append(" fingerprints of the ")
                .append(field == null ? "content" : field).append(" lines ").append(m.probeStartLine()).append('-')
                .append(m.probeEndLine()).append(" (");
        appendWhole(sb, m.similarity() * 100);
        return sb.append("% of the sent code) match lines ").append(lines).append(" of ").append(file)
                .append(m.contiguous() ? " in one contiguous run" : "").append('.').toString();
    }

    /**
     * Appends {@code v} as {@code %.0f} formats it in {@link Locale#ROOT}. That rounds the decimal digits of
     * {@code v} half up; those digits read back as {@code v}, so they lie on the same side of every half as
     * {@code v} itself and give {@link Math#round}'s result wherever it is exact: from +0 up to 10^15. Other
     * values (signed zero, negatives, NaN, infinities, huge ones) go through the formatter.
     */
    static void appendWhole(StringBuilder sb, double v) {
        if ((v > 0 && v < 1e15) || Double.doubleToRawLongBits(v) == 0L) {
            sb.append(Math.round(v));
        } else {
            sb.append(String.format(Locale.ROOT, "%.0f", v));
        }
    }
}
