package io.agentdlp.topology.pii;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.agentdlp.avro.Content;
import io.agentdlp.avro.Destination;
import io.agentdlp.detection.Finding;
import io.agentdlp.detection.Severity;
import io.agentdlp.detection.pii.PiiScanResult;
import io.agentdlp.detection.pii.PiiScanner;
import io.agentdlp.detection.pii.PiiType;
import io.agentdlp.topology.Detector;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.alert.AlertContext;
import io.agentdlp.topology.alert.AlertDraft;
import io.agentdlp.topology.alert.Evidence;
import io.agentdlp.topology.policy.PolicyBook;

/**
 * Personal data in event content, with the library's {@link PiiScanner}. A text carrying at least the
 * bulk threshold of distinct values is one incident: a single {@code pii.bulk} occurrence with counts
 * by type ({@code pii_count_<type>} attributes) and a few of the most severe values as evidence,
 * rather than one alert per row of a dump. Otherwise each distinct value at or above the minimum
 * severity is an occurrence of its type's rule (evidence key = its keyed hash, so the same value
 * aggregates). Content at HIGH or above counts as sensitive for the destination policy.
 */
public final class PiiDetector implements Detector {
    public static final String NAME = PiiScanner.DETECTOR;
    /** Value findings kept as evidence of a bulk occurrence. */
    static final int BULK_EVIDENCE = 5;

    private final PiiScanner scanner;
    private final Severity minValueSeverity;

    /**
     * @param scanner          shared, thread-safe scanner
     * @param minValueSeverity value findings below this severity only count toward bulk
     */
    public PiiDetector(PiiScanner scanner, Severity minValueSeverity) {
        this.scanner = scanner;
        this.minValueSeverity = minValueSeverity;
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
        PiiScanResult r = scanner.scan(e.text());
        if (r.findings().isEmpty()) {
            return;
        }
        String field = e.contentField();
        Destination dest = e.firstDestination();
        AlertContext ctx = AlertContext.of(e.key(), e.event(), dest, e.truncated() || r.truncated());
        Severity worst = r.bulk() ? bulk(e, ctx, r, field, dest) : values(e, ctx, r, field, dest);
        if (worst != null && worst.ordinal() >= Severity.HIGH.ordinal()) {
            e.markSensitiveContent();
        }
    }

    private Severity bulk(InspectedEvent e, AlertContext ctx, PiiScanResult r, String field, Destination dest) {
        Finding bulk = r.findings().stream().filter(f -> f.ruleId().equals(PiiScanner.BULK_RULE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("bulk result without a " + PiiScanner.BULK_RULE + " finding"));
        int total = r.distinctCounts().values().stream().mapToInt(Integer::intValue).sum();
        AlertDraft draft = AlertDraft.of(ctx, NAME, PiiScanner.BULK_RULE, bulk.severity())
                .title("Personal data in bulk (" + total + " distinct values) in " + e.event().getKind() + where(dest))
                .explanation("A " + e.event().getKind() + " event from " + e.event().getAgent().getName() + " carried "
                        + bulk.redactedPreview() + " in its " + (field == null ? "content" : field)
                        + ". A table or dump of personal data left the machine or was about to.")
                .evidenceKey(bulk.keyedHash())
                .evidence(Evidence.of(bulk, field))
                .attribute("pii_distinct_values", String.valueOf(total));
        for (Map.Entry<PiiType, Integer> t : r.distinctCounts().entrySet()) {
            draft.attribute("pii_count_" + t.getKey().id(), String.valueOf(t.getValue()));
        }
        Set<String> seen = new HashSet<>();
        r.findings().stream().filter(f -> !f.ruleId().equals(PiiScanner.BULK_RULE))
                .sorted(Comparator.comparing(Finding::severity).reversed())
                .filter(f -> seen.add(f.keyedHash()))
                .limit(BULK_EVIDENCE)
                .forEach(f -> draft.evidence(Evidence.of(f, field)));
        e.addDetection(draft.build());
        return bulk.severity();
    }

    private Severity values(InspectedEvent e, AlertContext ctx, PiiScanResult r, String field, Destination dest) {
        Severity worst = null;
        Set<String> seen = new HashSet<>();
        for (Finding f : r.findings()) {
            if (f.severity().ordinal() < minValueSeverity.ordinal() || !seen.add(f.ruleId() + '\0' + f.keyedHash())) {
                continue;
            }
            e.addDetection(AlertDraft.of(ctx, NAME, f.ruleId(), f.severity())
                    .title("Personal data (" + f.ruleId() + ") in " + e.event().getKind() + where(dest))
                    .explanation("A value of type " + f.ruleId() + " (preview " + f.redactedPreview() + ") was in the "
                            + (field == null ? "content" : field) + " of a " + e.event().getKind() + " event from "
                            + e.event().getAgent().getName() + ".")
                    .evidenceKey(f.keyedHash())
                    .evidence(Evidence.of(f, field))
                    .build());
            worst = worst == null || f.severity().ordinal() > worst.ordinal() ? f.severity() : worst;
        }
        return worst;
    }

    private static String where(Destination d) {
        return d != null ? " sent to " + d.getHost() : "";
    }

}
