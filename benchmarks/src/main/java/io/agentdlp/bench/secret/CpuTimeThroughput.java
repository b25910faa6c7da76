package io.agentdlp.bench.secret;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import io.agentdlp.detection.secret.SecretScanner;

/**
 * Secret-scanner throughput per CPU-second of the scanning thread, on the same inputs as
 * {@link SecretScanBenchmark}. Complements JMH's wall-clock figures on a shared, oversubscribed machine,
 * where wall time mostly measures waiting for a core. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.secret.CpuTimeThroughput}.
 */
public final class CpuTimeThroughput {
    private CpuTimeThroughput() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        SecretScanner scanner = TrafficSample.scanner();
        for (TrafficSample sample : TrafficSample.all()) {
            int rounds = sample.rounds(16L << 20);
            sample.scan(scanner, rounds);
            long cpu0 = mx.getCurrentThreadCpuTime();
            sample.scan(scanner, rounds);
            double seconds = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            long scanned = rounds * sample.bytesPerRound();
            System.out.printf(Locale.ROOT, "size=%-9d traffic=%-5s %8.1f MB per CPU-second (%d MB scanned)%n",
                    sample.size(), sample.traffic(), scanned / 1e6 / seconds, scanned >> 20);
        }
    }
}
