package io.agentdlp.tuning.backtest;

/**
 * Confusion counts of one label over the labelled events of a replay set.
 *
 * @param truePositives  events labelled with it that raised it
 * @param falsePositives events that raised it without the label
 * @param falseNegatives events labelled with it that did not raise it
 */
public record LabelCounts(long truePositives, long falsePositives, long falseNegatives) {
    public static final LabelCounts ZERO = new LabelCounts(0, 0, 0);

    public LabelCounts plus(LabelCounts o) {
        return new LabelCounts(truePositives + o.truePositives, falsePositives + o.falsePositives,
                falseNegatives + o.falseNegatives);
    }

    /** tp / (tp + fp), or NaN when nothing was raised. */
    public double precision() {
        long d = truePositives + falsePositives;
        return d == 0 ? Double.NaN : (double) truePositives / d;
    }

    /** tp / (tp + fn), or NaN when nothing was expected. */
    public double recall() {
        long d = truePositives + falseNegatives;
        return d == 0 ? Double.NaN : (double) truePositives / d;
    }
}
