package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.KeyedHasher;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per personal-data type on a generated labeled corpus (fixed seed, so the
 * figures in docs/pii.md are reproducible). Writes the table to target/pii-evaluation.md.
 */
class PiiEvaluationTest {
    private static final int DOCUMENTS = 3000;

    @Test
    void precisionAndRecallPerTypeMeetTargets() throws IOException {
        PiiScanner scanner = new PiiScanner(KeyedHasher.fromSecret("eval-key-0123456789abcdef"), PiiOptions.defaults());
        PiiCorpus corpus = new PiiCorpus(20261124L);
        Map<PiiType, int[]> counts = new EnumMap<>(PiiType.class); // tp, fp, fn
        for (PiiType t : PiiType.values()) {
            counts.put(t, new int[3]);
        }
        for (int i = 0; i < DOCUMENTS; i++) {
            PiiCorpus.LabeledDoc doc = corpus.document();
            List<Finding> findings = scanner.scan(doc.text()).findings().stream()
                    .filter(f -> !f.ruleId().equals(PiiScanner.BULK_RULE)).toList();
            boolean[] used = new boolean[findings.size()];
            for (PiiCorpus.Label label : doc.labels()) {
                int at = doc.text().indexOf(label.value());
                boolean hit = false;
                for (int j = 0; j < findings.size() && !hit; j++) {
                    Finding f = findings.get(j);
                    if (!used[j] && f.ruleId().equals(label.type().ruleId()) && f.offset() == at) {
                        used[j] = true;
                        hit = true;
                    }
                }
                counts.get(label.type())[hit ? 0 : 2]++;
            }
            for (int j = 0; j < findings.size(); j++) {
                if (!used[j]) {
                    counts.get(typeOf(findings.get(j)))[1]++;
                }
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        StringBuilder table = new StringBuilder("| type | TP | FP | FN | precision | recall |\n|---|---|---|---|---|---|\n");
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f |%n", e.getKey().id(), c[0], c[1], c[2],
                    ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2])));
        }
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        table.append(String.format(Locale.ROOT, "| **all** | %d | %d | %d | %.3f | %.3f |%n", tp, fp, fn, precision, recall));
        Path out = Path.of("target", "pii-evaluation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "Documents: " + DOCUMENTS + ", seed 20261124\n\n" + table);
        System.out.println(table);

        assertThat(precision).as("overall precision").isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("overall recall").isGreaterThanOrEqualTo(0.95);
        counts.forEach((type, c) -> assertThat(ratio(c[0], c[0] + c[2])).as("recall of " + type).isGreaterThanOrEqualTo(0.9));
    }

    private static PiiType typeOf(Finding f) {
        for (PiiType t : PiiType.values()) {
            if (t.ruleId().equals(f.ruleId())) {
                return t;
            }
        }
        throw new IllegalStateException("unknown rule " + f.ruleId());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
