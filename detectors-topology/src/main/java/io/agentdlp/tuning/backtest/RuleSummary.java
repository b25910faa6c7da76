package io.agentdlp.tuning.backtest;

/**
 * Alert and hit counts of one detector and rule on both sides, with the changes between them.
 *
 * @param detector  detector
 * @param rule      rule id
 * @param baseline  alerts of the baseline
 * @param candidate alerts of the candidate
 * @param added     alerts only the candidate raises
 * @param removed   alerts only the baseline raises
 * @param changed   alerts both raise, differently
 * @param baselineHits  detections of the rule before aggregation, baseline
 * @param candidateHits detections of the rule before aggregation, candidate
 */
public record RuleSummary(String detector, String rule, int baseline, int candidate, int added, int removed,
                          int changed, long baselineHits, long candidateHits) {
    public boolean hasChanges() {
        return added + removed + changed > 0;
    }
}
