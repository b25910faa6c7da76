package io.agentdlp.bench.fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.Fingerprints;
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
 * Single-thread fingerprinting throughput with the default k/w: {@code source} is source files as
 * indexed (real code from {@link BenchCorpus}), {@code request} is the same code JSON-escaped inside an LLM
 * API request body (the probe path, with decoding). The {@code bytes} counter is UTF-8 bytes per second.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar FingerprintBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class FingerprintBenchmark {
    @Param({"source", "request"})
    public String input;

    private final Fingerprinter fingerprinter = Fingerprinter.withDefaults();
    private String[] texts;
    private long[] bytes;
    private int next;

    @Setup
    public void setup() throws IOException {
        List<BenchCorpus.Source> sources = BenchCorpus.sources(4L << 20);
        texts = new String[sources.size()];
        bytes = new long[sources.size()];
        for (int i = 0; i < texts.length; i++) {
            String t = sources.get(i).text();
            texts[i] = "request".equals(input) ? BenchCorpus.asRequestBody("Review this:\n```java\n" + t + "```\n") : t;
            bytes[i] = texts[i].getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** Bytes fingerprinted, reported by JMH as a rate. */
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
    public Fingerprints fingerprint(Throughput t) {
        int i = next;
        next = i + 1 == texts.length ? 0 : i + 1;
        t.bytes += bytes[i];
        return fingerprinter.fingerprint(texts[i]);
    }
}
