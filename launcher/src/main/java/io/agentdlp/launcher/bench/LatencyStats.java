package io.agentdlp.launcher.bench;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Latencies of one benchmark step, recorded concurrently into an HdrHistogram (1 µs .. 5 min, 3 digits). */
public final class LatencyStats {
    private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(5), 3);

    void recordMillis(double millis) {
        recorder.recordValue(Math.max(0, Math.min((long) (millis * 1000), TimeUnit.MINUTES.toMicros(5))));
    }

    /** Percentiles in milliseconds of everything recorded so far (resets the recorder). */
    Summary summary() {
        Histogram h = recorder.getIntervalHistogram();
        return new Summary(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** Latency percentiles in milliseconds. */
    public record Summary(long count, double p50, double p90, double p99, double p999, double max) {
    }
}
