package io.agentdlp.tuning.backtest;

import java.time.Instant;
import java.util.List;

/**
 * Everything a backtest found, in a fixed order (detector, rule, alert key), so the same inputs
 * always render the same report.
 *
 * @param events         events replayed
 * @param firstEvent     earliest event time (null when the replay set is empty)
 * @param lastEvent      latest event time
 * @param labelledEvents events carrying labels
 * @param baseline       what the baseline produced
 * @param candidate      what the candidate produced
 * @param rules          per detector and rule, every rule that alerted on either side
 * @param changes        every new, gone and changed alert
 * @param scores         per label, then the micro-average {@code all} last (empty without labels)
 */
public record BacktestReport(int events, Instant firstEvent, Instant lastEvent, int labelledEvents, RunResult baseline,
                             RunResult candidate, List<RuleSummary> rules, List<AlertChange> changes,
                             List<LabelScore> scores) {
    public BacktestReport {
        rules = List.copyOf(rules);
        changes = List.copyOf(changes);
        scores = List.copyOf(scores);
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }
}
