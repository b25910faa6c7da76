package io.agentdlp.bench.secret;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;

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
        SecretScanner scanner = SecretScanner.builder().hasher(KeyedHasher.fromSecret("benchmark-hash-key-0123456789")).build();
        for (int size : new int[]{1024, 102400, 10485760}) {
            for (String traffic : new String[]{"mixed", "clean"}) {
                AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
                int variants = size >= 1 << 20 ? 1 : 32;
                String[] texts = new String[variants];
                long bytesPerRound = 0;
                for (int i = 0; i < variants; i++) {
                    texts[i] = corpus.traffic(size, "mixed".equals(traffic));
                    bytesPerRound += texts[i].getBytes(StandardCharsets.UTF_8).length;
                }
                int rounds = (int) Math.max(2, (8L << 20) / bytesPerRound);
                // warm-up: the per-thread buffers and matchers are allocated once, not per scan
                for (String t : texts) {
                    scanner.scan(t);
                }
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int r = 0; r < rounds; r++) {
                    for (String t : texts) {
                        scanner.scan(t);
                    }
                }
                double allocated = mx.getCurrentThreadAllocatedBytes() - before;
                System.out.printf(Locale.ROOT, "size=%-9d traffic=%-5s %8.2f MB allocated per MB scanned (%d MB scanned)%n",
                        size, traffic, allocated / (rounds * (double) bytesPerRound), rounds * bytesPerRound >> 20);
            }
        }
    }
}
