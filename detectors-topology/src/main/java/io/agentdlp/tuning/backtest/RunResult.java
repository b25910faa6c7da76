package io.agentdlp.tuning.backtest;

import java.util.List;

/**
 * What one side of a backtest produced.
 *
 * @param config       name of the configuration
 * @param alerts       final state of every alert, sorted by detector, rule and key
 * @param alertRecords records written to the alerts topic (first occurrences and updates)
 * @param deadLetters  records written to the dead-letter topic
 */
public record RunResult(String config, List<AlertSnapshot> alerts, long alertRecords, long deadLetters) {
    public RunResult {
        alerts = List.copyOf(alerts);
    }
}
