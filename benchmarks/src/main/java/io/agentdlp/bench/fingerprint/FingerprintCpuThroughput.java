package io.agentdlp.bench.fingerprint;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.agentdlp.detection.fingerprint.Fingerprinter;

/**
 * Fingerprinting throughput per CPU-second of the fingerprinting thread, on the inputs of
 * {@link FingerprintBenchmark}: complements JMH's wall-clock figures on a shared machine, where wall time
 * mostly measures waiting for a core. Prints the median and best of 15 rounds over ~4 MB. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.fingerprint.FingerprintCpuThroughput}.
 */
public final class FingerprintCpuThroughput {
    private static final int ROUNDS = 15;

    private FingerprintCpuThroughput() {
    }

    public static void main(String[] args) throws IOException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Fingerprinter fingerprinter = Fingerprinter.withDefaults();
        List<BenchCorpus.Source> sources = BenchCorpus.sources(4L << 20);
        System.out.println("corpus: " + (BenchCorpus.real() ? "real sources jars" : "generated code") + ", " + sources.size()
                + " files");
        for (String input : new String[] {"source", "request"}) {
            String[] texts = new String[sources.size()];
            long bytes = 0;
            for (int i = 0; i < texts.length; i++) {
                String t = sources.get(i).text();
                texts[i] = "request".equals(input) ? BenchCorpus.asRequestBody("Review this:\n```java\n" + t + "```\n") : t;
                bytes += texts[i].getBytes(StandardCharsets.UTF_8).length;
            }
            for (int warm = 0; warm < 5; warm++) {
                for (String t : texts) {
                    fingerprinter.fingerprint(t);
                }
            }
            double[] rates = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                long c0 = mx.getCurrentThreadCpuTime();
                for (String t : texts) {
                    fingerprinter.fingerprint(t);
                }
                rates[r] = bytes / 1e6 / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
            }
            java.util.Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "%-8s %.1f MB: median %.0f MB per CPU-second, best %.0f%n", input, bytes / 1e6,
                    rates[ROUNDS / 2], rates[ROUNDS - 1]);
        }
    }
}
