package io.agentdlp.bench.secret;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import io.agentdlp.detection.secret.SecretScanner;

/**
 * Secret-scanner throughput per CPU-second of the scanning thread, on the same inputs as
 * {@link SecretScanBenchmark}, at steady state. Complements JMH's wall-clock figures on a shared,
 * oversubscribed machine, where wall time mostly measures waiting for a core. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.secret.CpuTimeThroughput [warm-up CPU seconds]}.
 *
 * <p>Each input is scanned for {@value #DEFAULT_WARMUP_SECONDS} CPU-seconds before it is measured: the
 * scanner's large methods reach their final compiled form only after several seconds of scanning (about
 * 150 MB of mixed traffic on the project machine), and a warm-up of 16 MB, this tool's earlier one,
 * measured 49 MB per CPU-second at 100 KB mixed where the warm scanner does 128. The figure is the median of
 * {@value #BATCHES} batches of 16 MB; their spread is printed beside it.
 */
public final class CpuTimeThroughput {
    private static final int DEFAULT_WARMUP_SECONDS = 10;
    private static final int BATCHES = 5;
    private static final long BATCH_BYTES = 16L << 20;

    private CpuTimeThroughput() {
    }

    public static void main(String[] args) {
        double warmupSeconds = args.length > 0 ? Double.parseDouble(args[0]) : DEFAULT_WARMUP_SECONDS;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        SecretScanner scanner = TrafficSample.scanner();
        for (TrafficSample sample : TrafficSample.all()) {
            int rounds = sample.rounds(BATCH_BYTES);
            long warmupStart = mx.getCurrentThreadCpuTime();
            while ((mx.getCurrentThreadCpuTime() - warmupStart) / 1e9 < warmupSeconds) {
                sample.scan(scanner, rounds);
            }
            double[] rates = new double[BATCHES];
            long scanned = rounds * sample.bytesPerRound();
            for (int b = 0; b < BATCHES; b++) {
                long cpu0 = mx.getCurrentThreadCpuTime();
                sample.scan(scanner, rounds);
                rates[b] = scanned / 1e6 / ((mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
            }
            Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "size=%-9d traffic=%-5s %8.1f MB per CPU-second (median of %d batches of %d MB, %.1f-%.1f)%n",
                    sample.size(), sample.traffic(), rates[BATCHES / 2], BATCHES, scanned >> 20, rates[0], rates[BATCHES - 1]);
        }
    }
}
