package io.agentdlp.bench.secret;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import io.agentdlp.detection.secret.SecretScanner;

/**
 * Bytes the scanning thread allocates per MB of input, on the inputs of {@link CpuTimeThroughput}: a figure
 * that, unlike time, does not depend on what else the machine runs. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.secret.ScanAllocation}.
 */
public final class ScanAllocation {
    private ScanAllocation() {
    }

    public static void main(String[] args) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SecretScanner scanner = TrafficSample.scanner();
        for (TrafficSample sample : TrafficSample.all()) {
            int rounds = sample.rounds(8L << 20);
            // warm-up: the per-thread buffers and matchers are allocated once, not per scan
            sample.scan(scanner, 1);
            long before = mx.getCurrentThreadAllocatedBytes();
            sample.scan(scanner, rounds);
            double allocated = mx.getCurrentThreadAllocatedBytes() - before;
            long scanned = rounds * sample.bytesPerRound();
            System.out.printf(Locale.ROOT, "size=%-9d traffic=%-5s %8.2f MB allocated per MB scanned (%d MB scanned)%n",
                    sample.size(), sample.traffic(), allocated / scanned, scanned >> 20);
        }
    }
}
