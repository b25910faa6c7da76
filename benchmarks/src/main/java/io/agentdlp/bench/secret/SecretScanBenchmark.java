package io.agentdlp.bench.secret;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.secret.ScanResult;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread throughput of the secret scanner with the built-in catalogue, on generated agent traffic
 * ({@link AgentTrafficCorpus}): {@code mixed} has a planted credential in about one payload in four,
 * {@code clean} has none (hard negatives only). The {@code bytes} counter is UTF-8 bytes scanned per second.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar SecretScanBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class SecretScanBenchmark {
    /** Distinct inputs per size, so small inputs are not the same string over and over. */
    private static final int VARIANTS = 32;

    @Param({"1024", "102400", "10485760"})
    public int size;

    @Param({"mixed", "clean"})
    public String traffic;

    private SecretScanner scanner;
    private String[] texts;
    private long[] bytes;
    private int next;

    @Setup
    public void setup() {
        scanner = SecretScanner.builder().hasher(KeyedHasher.fromSecret("benchmark-hash-key-0123456789")).build();
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
        int variants = size >= 1 << 20 ? 1 : VARIANTS;
        texts = new String[variants];
        bytes = new long[variants];
        for (int i = 0; i < variants; i++) {
            texts[i] = corpus.traffic(size, "mixed".equals(traffic));
            bytes[i] = texts[i].getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** Bytes scanned, reported by JMH as a rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Throughput {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Benchmark
    public ScanResult scan(Throughput t) {
        int i = next;
        next = i + 1 == texts.length ? 0 : i + 1;
        t.bytes += bytes[i];
        return scanner.scan(texts[i]);
    }
}
