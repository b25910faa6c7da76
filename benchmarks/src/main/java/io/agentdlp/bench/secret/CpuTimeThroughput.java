package io.agentdlp.bench.secret;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;

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
                long target = 16L << 20;
                int rounds = (int) Math.max(2, target / bytesPerRound);
                for (int r = 0; r < rounds; r++) {
                    for (String t : texts) {
                        scanner.scan(t);
                    }
                }
                long cpu0 = mx.getCurrentThreadCpuTime();
                for (int r = 0; r < rounds; r++) {
                    for (String t : texts) {
                        scanner.scan(t);
                    }
                }
                double seconds = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
                System.out.printf(Locale.ROOT, "size=%-9d traffic=%-5s %8.1f MB per CPU-second (%d MB scanned)%n",
                        size, traffic, rounds * bytesPerRound / 1e6 / seconds, rounds * bytesPerRound >> 20);
            }
        }
    }
}
