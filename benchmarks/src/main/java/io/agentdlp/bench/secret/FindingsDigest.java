package io.agentdlp.bench.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.secret.ScanResult;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;
import io.agentdlp.detection.secret.eval.LabeledSample;

/**
 * Count and SHA-256 of every finding (rule, location, severity, confidence, preview, keyed hash) the
 * secret scanner reports on the evaluation corpus and on the benchmark traffic. Two builds that print
 * the same lines report the same findings; performance rounds compare them before and after each step.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.agentdlp.bench.secret.FindingsDigest}.
 */
public final class FindingsDigest {
    private FindingsDigest() {
    }

    public static void main(String[] args) throws NoSuchAlgorithmException {
        SecretScanner scanner = SecretScanner.builder().hasher(KeyedHasher.fromSecret("benchmark-hash-key-0123456789")).build();
        Digest eval = new Digest();
        for (LabeledSample s : new AgentTrafficCorpus(20250301L).generate(3000)) {
            eval.add(scanner.scan(s.text()));
        }
        eval.print("evaluation corpus (seed 20250301, 3000 samples)");
        for (int size : new int[]{1024, 102400, 1048576, 10485760}) {
            for (boolean mixed : new boolean[]{true, false}) {
                AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
                Digest d = new Digest();
                for (int i = 0, n = size >= 1 << 20 ? 1 : 32; i < n; i++) {
                    d.add(scanner.scan(corpus.traffic(size, mixed)));
                }
                d.print("size=" + size + " traffic=" + (mixed ? "mixed" : "clean"));
            }
        }
    }

    private static final class Digest {
        private final MessageDigest sha = MessageDigest.getInstance("SHA-256");
        private long findings;
        private long texts;

        Digest() throws NoSuchAlgorithmException {
        }

        void add(ScanResult r) {
            texts++;
            List<Finding> fs = r.findings();
            for (Finding f : fs) {
                findings++;
                String line = String.join("\t", f.ruleId(), f.severity().name(), Double.toString(f.confidence()),
                        f.redactedPreview(), f.keyedHash(), Integer.toString(f.line()), Integer.toString(f.column()),
                        Long.toString(f.offset()), Integer.toString(f.length())) + "\n";
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
            sha.update((r.truncated() ? "truncated\n" : "end\n").getBytes(StandardCharsets.UTF_8));
        }

        void print(String label) {
            System.out.printf("%-48s texts=%-5d findings=%-6d sha256=%s%n", label, texts, findings,
                    HexFormat.of().formatHex(sha.digest()));
        }
    }
}
