package io.agentdlp.tuning.backtest;

/**
 * Precision and recall of one {@code <detector>:<rule>} label on both sides.
 *
 * @param label     the label ({@code all} for the micro-average over every label)
 * @param baseline  counts of the baseline run
 * @param candidate counts of the candidate run
 */
public record LabelScore(String label, LabelCounts baseline, LabelCounts candidate) {
}
