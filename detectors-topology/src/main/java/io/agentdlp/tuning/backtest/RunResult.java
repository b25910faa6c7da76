package io.agentdlp.tuning.backtest;

import java.util.List;
import java.util.Map;

/**
 * What one side of a backtest produced.
 *
 * @param config       name of the configuration
 * @param alerts       final state of every alert, sorted by detector, rule and key
 * @param alertRecords records written to the alerts topic (first occurrences and updates)
 * @param deadLetters  records written to the dead-letter topic
 * @param ruleHits     detections before aggregation per {@code <detector>:<rule>} (the topology's
 *                     {@code dlp_rule_hits_total} counter)
 */
public record RunResult(String config, List<AlertSnapshot> alerts, long alertRecords, long deadLetters,
                        Map<String, Long> ruleHits) {
    public RunResult {
        alerts = List.copyOf(alerts);
        ruleHits = Map.copyOf(ruleHits);
    }
}
