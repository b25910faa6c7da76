package io.agentdlp.topology.volume;

/**
 * Exponentially weighted mean and variance of one measure over closed windows
 * (West's incremental EWMA: {@code mean += a*d; var = (1-a)*(var + a*d*d)}).
 *
 * @param windows closed windows folded in so far
 * @param mean    weighted mean
 * @param var     weighted variance
 */
public record Baseline(int windows, double mean, double var) {
    public static final Baseline EMPTY = new Baseline(0, 0, 0);

    public Baseline fold(double x, double alpha) {
        if (windows == 0) {
            return new Baseline(1, x, 0);
        }
        double d = x - mean;
        double incr = alpha * d;
        return new Baseline(windows + 1, mean + incr, (1 - alpha) * (var + d * incr));
    }

    /**
     * Standard deviation used for scoring, floored at a tenth of the mean (and 1) so that a perfectly
     * regular history does not make every small increase look infinitely anomalous.
     */
    public double scoringStddev() {
        return Math.max(Math.sqrt(Math.max(var, 0)), Math.max(mean * 0.1, 1));
    }

    /** Standard score of {@code x} against this baseline. */
    public double zscore(double x) {
        return (x - mean) / scoringStddev();
    }
}
