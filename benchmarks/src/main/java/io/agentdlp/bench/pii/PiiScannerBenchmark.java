package io.agentdlp.bench.pii;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.pii.PiiOptions;
import io.agentdlp.detection.pii.PiiScanResult;
import io.agentdlp.detection.pii.PiiScanner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Personal-data scan time of agent-like text (code with numbers, prose, a few contact lines). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PiiScannerBenchmark {
    @Param({"10240", "204800"})
    int bytes;

    private PiiScanner scanner;
    private String text;

    @Setup
    public void setup() {
        scanner = new PiiScanner(KeyedHasher.fromSecret("bench-key-0123456789abcdef"), PiiOptions.defaults());
        Random rnd = new Random(1);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < bytes) {
            switch (rnd.nextInt(5)) {
                case 0 -> sb.append("    int total").append(rnd.nextInt(1000)).append(" = items.get(").append(rnd.nextInt(50))
                        .append(").qty() * 1024 + 365;\n");
                case 1 -> sb.append("INFO 2026-11-24T10:15:02Z worker-3 processed batch=").append(rnd.nextInt(100000))
                        .append(" records=5000 ms=231\n");
                case 2 -> sb.append("Please update the retry policy so it backs off for 250 ms then 1000 ms.\n");
                case 3 -> sb.append("contact: jonas.berg").append(rnd.nextInt(99)).append("@mailbox.org, +49 30 ")
                        .append(20000000 + rnd.nextInt(7000000)).append('\n');
                default -> sb.append("SELECT id, amount FROM payments WHERE created_at > '2024-03-01' LIMIT 100;\n");
            }
        }
        text = sb.toString();
    }

    @Benchmark
    public PiiScanResult scan() {
        return scanner.scan(text);
    }
}
