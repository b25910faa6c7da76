package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full evaluation on real open-source code downloaded at run time (see docs/fingerprint.md). Opt-in,
 * because it downloads ~10 MB and indexes ~25 MB of source once per configuration:
 * <pre>./mvnw -pl detection test -Dtest=RealCorpusEvaluationTest -Dagentdlp.eval=real
 *     [-Dagentdlp.eval.configs=12x8,15x8] [-Dagentdlp.eval.thresholds=df32m3r6,df8m4r8c0.9h3] [-Dagentdlp.eval.probes=100]
 *     [-Dagentdlp.eval.seeds=42,7,1]</pre>
 * Skips (assumption) when the registries cannot be reached. Writes the tables to
 * {@code target/fingerprint-evaluation.md}.
 */
@EnabledIfSystemProperty(named = "agentdlp.eval", matches = "real")
class RealCorpusEvaluationTest {
    static final List<String> INDEXED_MAVEN = List.of("org.apache.commons:commons-lang3:3.17.0",
            "com.fasterxml.jackson.core:jackson-databind:2.18.2", "com.squareup.okhttp3:okhttp:4.12.0",
            "org.scala-lang:scala-library:2.13.15");
    static final List<String> INDEXED_NPM = List.of("express@4.21.2", "lodash@4.17.21");
    /** Independent libraries of the same languages: code that must not match. */
    static final List<String> CLEAN_MAVEN = List.of("org.jsoup:jsoup:1.18.3", "com.google.code.gson:gson:2.11.0",
            "org.yaml:snakeyaml:2.3", "org.jetbrains.kotlinx:kotlinx-serialization-core-jvm:1.7.3",
            "org.scala-lang.modules:scala-parser-combinators_2.13:2.4.0");
    static final List<String> CLEAN_NPM = List.of("axios@1.7.9", "commander@12.1.0");
    /**
     * Sibling projects of indexed ones (same authors, shared templates, code copied between them):
     * reported separately, since matching them is arguably right.
     */
    static final List<String> SIBLING_MAVEN = List.of("commons-io:commons-io:2.18.0",
            "org.apache.commons:commons-collections4:4.4", "com.squareup.moshi:moshi:1.15.1");
    static final List<String> SIBLING_NPM = List.of("underscore@1.13.7", "koa@2.15.3");
    /** Public code in the ignore corpus, as a user would add it: teaches the index what common code looks like. */
    static final List<String> IGNORE_MAVEN = List.of("com.google.guava:guava:33.4.0-jre",
            "org.springframework:spring-core:6.2.1", "org.jetbrains.kotlin:kotlin-stdlib:2.1.0");
    static final List<String> IGNORE_NPM = List.of("async@3.2.6", "bluebird@3.7.2");
    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern SPEC = Pattern.compile("df(\\d+)m(\\d+)r(\\d+)(?:c([0-9.]+)h(\\d+))?");

    @TempDir
    Path tmp;

    @Test
    void evaluate() throws Exception {
        List<SourceFile> indexed = new ArrayList<>();
        List<SourceFile> clean = new ArrayList<>();
        List<SourceFile> ignore = new ArrayList<>();
        boolean siblings = Boolean.getBoolean("agentdlp.eval.siblings");
        boolean useIgnore = !Boolean.getBoolean("agentdlp.eval.noIgnore");
        try {
            for (String gav : INDEXED_MAVEN) {
                indexed.addAll(CorpusDownloads.mavenSources(gav));
            }
            for (String pkg : INDEXED_NPM) {
                indexed.addAll(CorpusDownloads.npmSources(pkg));
            }
            for (String gav : CLEAN_MAVEN) {
                clean.addAll(CorpusDownloads.mavenSources(gav));
            }
            for (String pkg : CLEAN_NPM) {
                clean.addAll(CorpusDownloads.npmSources(pkg));
            }
            if (siblings) {
                clean.clear();
                for (String gav : SIBLING_MAVEN) {
                    clean.addAll(CorpusDownloads.mavenSources(gav));
                }
                for (String pkg : SIBLING_NPM) {
                    clean.addAll(CorpusDownloads.npmSources(pkg));
                }
            }
            if (useIgnore) {
                for (String gav : IGNORE_MAVEN) {
                    ignore.addAll(CorpusDownloads.mavenSources(gav));
                }
                for (String pkg : IGNORE_NPM) {
                    ignore.addAll(CorpusDownloads.npmSources(pkg));
                }
            }
        } catch (IOException e) {
            Assumptions.abort("corpus not reachable: " + e.getMessage());
        }
        List<String> prose = prose(clean);
        int probes = Integer.getInteger("agentdlp.eval.probes", 100);
        int cleanProbes = Integer.getInteger("agentdlp.eval.cleanProbes", probes * 8);
        List<Long> seeds = new ArrayList<>();
        for (String seed : System.getProperty("agentdlp.eval.seeds", System.getProperty("agentdlp.eval.seed", "42,7,1"))
                .split(",")) {
            seeds.add(Long.parseLong(seed.trim()));
        }
        int[] windows = java.util.Arrays.stream(System.getProperty("agentdlp.eval.windows", "5,10,20,50").split(","))
                .mapToInt(w -> Integer.parseInt(w.trim())).toArray();
        FingerprintEvaluation eval = new FingerprintEvaluation(indexed, ignore, clean, prose, windows,
                probes, cleanProbes);
        StringBuilder report = new StringBuilder("# Fingerprint evaluation\n\nindexed: " + INDEXED_MAVEN + " " + INDEXED_NPM
                + "\nignore corpus: " + (useIgnore ? IGNORE_MAVEN + " " + IGNORE_NPM : "none")
                + "\nclean: " + (siblings ? SIBLING_MAVEN + " " + SIBLING_NPM : CLEAN_MAVEN + " " + CLEAN_NPM) + ", "
                + prose.size() + " prose paragraphs, boilerplate\n\n");
        List<MatchThresholds> thresholds = new ArrayList<>();
        for (String spec : System.getProperty("agentdlp.eval.thresholds", "").split(",")) {
            if (spec.isBlank()) {
                continue;
            }
            // df<maxDocumentFrequency>m<minMatched>r<minRenamed>[c<renamedCoverage>h<minCoveringFingerprints>]
            Matcher m = SPEC.matcher(spec.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("bad threshold spec " + spec);
            }
            MatchThresholds t = MatchThresholds.DEFAULT.withMaxDocumentFrequency(Integer.parseInt(m.group(1)))
                    .withMinMatchedFingerprints(Integer.parseInt(m.group(2)))
                    .withMinRenamedFingerprints(Integer.parseInt(m.group(3)));
            if (m.group(4) != null) {
                t = t.withRenamedCoverage(Double.parseDouble(m.group(4)), Integer.parseInt(m.group(5)));
            }
            thresholds.add(t);
        }
        if (thresholds.isEmpty()) {
            thresholds.add(MatchThresholds.DEFAULT);
        }
        String configs = System.getProperty("agentdlp.eval.configs",
                FingerprintConfig.DEFAULT.k() + "x" + FingerprintConfig.DEFAULT.w());
        int run = 0;
        for (String spec : configs.split(",")) {
            String[] kw = spec.trim().split("x");
            FingerprintConfig config = kw.length == 3
                    ? new FingerprintConfig(Integer.parseInt(kw[0]), Integer.parseInt(kw[1]), Integer.parseInt(kw[2]))
                    : FingerprintConfig.of(Integer.parseInt(kw[0]), Integer.parseInt(kw[1]));
            for (FingerprintEvaluation.Report r : eval.run(config, thresholds, seeds, tmp.resolve("index-" + run++))) {
                report.append(r.table()).append('\n');
                r.falsePositiveExamples().forEach(e -> report.append("- FP: ").append(e).append('\n'));
                report.append('\n');
                System.out.println("SUMMARY " + r.summary());
                if (Boolean.getBoolean("agentdlp.eval.verbose")) {
                    System.out.println(r.table());
                }
                r.falsePositiveExamples().forEach(e -> System.out.println("  " + e));
            }
        }
        Path out = Path.of("target", "fingerprint-evaluation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        assertThat(indexed).isNotEmpty();
    }

    /** Javadoc paragraphs of the clean corpus, tags and markup removed: real technical English. */
    static List<String> prose(List<SourceFile> files) {
        List<String> out = new ArrayList<>();
        for (SourceFile f : files) {
            Matcher m = JAVADOC.matcher(f.text());
            while (m.find() && out.size() < 400) {
                String text = m.group(1).replaceAll("(?m)^\\s*\\*", " ").replaceAll("@\\w+", " ").replaceAll("<[^>]+>", " ")
                        .replaceAll("\\{@\\w+\\s*([^}]*)}", "$1").replaceAll("\\s+", " ").trim();
                if (text.length() >= 200) {
                    out.add(text);
                }
            }
        }
        return out;
    }
}
