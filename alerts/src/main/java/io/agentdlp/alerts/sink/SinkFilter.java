package io.agentdlp.alerts.sink;

import java.util.Set;
import java.util.function.Predicate;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Severity;

/**
 * Which alerts a sink forwards: at least a minimum severity, optionally only some detectors, and
 * optionally not alerts an analyst has suppressed (suppression mutes notifications until it expires).
 *
 * @param minSeverity    lowest severity forwarded
 * @param detectors      detectors forwarded; empty means all
 * @param skipSuppressed true to drop alerts currently suppressed in the console
 * @param suppressed     tells whether an alert id is currently suppressed
 */
public record SinkFilter(Severity minSeverity, Set<String> detectors, boolean skipSuppressed,
                         Predicate<String> suppressed) implements Predicate<DlpAlert> {

    public SinkFilter {
        detectors = Set.copyOf(detectors);
    }

    /** Everything passes. */
    public static SinkFilter all() {
        return new SinkFilter(Severity.INFO, Set.of(), false, id -> false);
    }

    @Override
    public boolean test(DlpAlert a) {
        return accepts(a);
    }

    public boolean accepts(DlpAlert a) {
        if (a.getSeverity().ordinal() < minSeverity.ordinal()) {
            return false;
        }
        if (!detectors.isEmpty() && !detectors.contains(a.getDetector())) {
            return false;
        }
        return !(skipSuppressed && suppressed.test(a.getAlertId()));
    }
}
