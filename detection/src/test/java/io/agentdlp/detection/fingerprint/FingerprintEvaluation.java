package io.agentdlp.detection.fingerprint;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.agentdlp.detection.fingerprint.LeakTransforms.Transform;

/**
 * The own-code detection evaluation: indexes a corpus, cuts leak probes (windows of N code lines) from
 * indexed files and applies each {@link Transform} (plus "several snippets in one prompt"), cuts clean
 * probes from code that is not indexed, from prose and from generated boilerplate, and reports recall,
 * correct-source rate and false-positive rate.
 */
final class FingerprintEvaluation {
    static final String MULTI = "MULTI_SNIPPET";
    /** Window sizes of clean code probes: fixed, so that a run over fewer leak windows keeps the same clean probes. */
    private static final int[] CLEAN_WINDOWS = {5, 10, 20, 50};
    private static final long CLEAN_STREAM = 0x636C65616E4C4E21L;

    /** Results of one (window, transform) cell. */
    record Cell(int windowLines, String transform, int probes, int detected, int correct) {
        double recall() {
            return probes == 0 ? 0 : detected / (double) probes;
        }

        double correctShare() {
            return detected == 0 ? 1 : correct / (double) detected;
        }
    }

    /** Everything one run measured. */
    record Report(FingerprintConfig config, MatchThresholds thresholds, long seed, List<Cell> cells, int cleanProbes,
                  int falsePositives, List<String> falsePositiveExamples, int indexedFiles, long indexedBytes,
                  long indexMillis, long fingerprints) {
        double falsePositiveRate() {
            return cleanProbes == 0 ? 0 : falsePositives / (double) cleanProbes;
        }

        Cell cell(int window, String transform) {
            return cells.stream().filter(c -> c.windowLines() == window && c.transform().equals(transform)).findFirst()
                    .orElseThrow();
        }

        double minRecall(int minWindow) {
            return cells.stream().filter(c -> c.windowLines() >= minWindow).mapToDouble(Cell::recall).min().orElse(1);
        }

        double minCorrectShare() {
            int detected = cells.stream().mapToInt(Cell::detected).sum();
            int correct = cells.stream().mapToInt(Cell::correct).sum();
            return detected == 0 ? 1 : correct / (double) detected;
        }

        String summary() {
            return String.format(Locale.ROOT, "seed=%d k=%d w=%d ms=%d m=%d r=%d c=%.2f/%d df=%d | recall5 min %.2f avg %.2f renamed %.2f | recall10+ min %.2f ren %.2f"
                            + " | correct %.3f | FP %.2f%% (%d/%d) | %d fps", seed, config.k(), config.w(), config.minStructural(),
                    thresholds.minMatchedFingerprints(), thresholds.minRenamedFingerprints(),
                    thresholds.renamedCoverage(), thresholds.minCoveringFingerprints(),
                    thresholds.maxDocumentFrequency(), minRecallAt(5), avgRecallAt(5), cell(5, "RENAMED").recall(),
                    minRecall(10), renamedRecallFrom(10), minCorrectShare(), 100 * falsePositiveRate(), falsePositives, cleanProbes, fingerprints);
        }

        /** Lowest renamed recall over windows of at least {@code minWindow} lines; 1 when none was evaluated. */
        double renamedRecallFrom(int minWindow) {
            return cells.stream().filter(c -> c.windowLines() >= minWindow && c.transform().equals("RENAMED"))
                    .mapToDouble(Cell::recall).min().orElse(1);
        }

        double minRecallAt(int window) {
            return cells.stream().filter(c -> c.windowLines() == window).mapToDouble(Cell::recall).min().orElse(0);
        }

        double avgRecallAt(int window) {
            return cells.stream().filter(c -> c.windowLines() == window).mapToDouble(Cell::recall).average().orElse(0);
        }

        String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "seed=%d k=%d w=%d (t=%d) minStructural=%d, minRun=%d/%d maxDF=%d: %d files, "
                            + "%.1f MB indexed in %d ms, %d fingerprints; false positives %d/%d = %.2f%%%n", seed, config.k(),
                    config.w(), config.guaranteeThreshold(), config.minStructural(), thresholds.minMatchedFingerprints(),
                    thresholds.minRenamedFingerprints(), thresholds.maxDocumentFrequency(), indexedFiles, indexedBytes / 1e6, indexMillis, fingerprints,
                    falsePositives, cleanProbes, 100 * falsePositiveRate()));
            Map<String, Map<Integer, Cell>> byTransform = new LinkedHashMap<>();
            for (Cell c : cells) {
                byTransform.computeIfAbsent(c.transform(), t -> new LinkedHashMap<>()).put(c.windowLines(), c);
            }
            List<Integer> windows = cells.stream().map(Cell::windowLines).distinct().sorted().toList();
            sb.append("| transform |");
            for (int w : windows) {
                sb.append(' ').append(w).append(" lines |");
            }
            sb.append("\n|---|").append("---|".repeat(windows.size())).append('\n');
            for (Map.Entry<String, Map<Integer, Cell>> e : byTransform.entrySet()) {
                sb.append("| ").append(e.getKey().toLowerCase(Locale.ROOT)).append(" |");
                for (int w : windows) {
                    Cell c = e.getValue().get(w);
                    sb.append(String.format(Locale.ROOT, " %.2f (%.2f) |", c.recall(), c.correctShare()));
                }
                sb.append('\n');
            }
            sb.append("recall (correct-source share of detections); correct-source overall ")
                    .append(String.format(Locale.ROOT, "%.3f", minCorrectShare())).append('\n');
            return sb.toString();
        }
    }

    private final List<SourceFile> indexed;
    private final List<SourceFile> ignoreCorpus;
    private final List<SourceFile> clean;
    private final List<String> prose;
    private final int[] windows;
    private final int probesPerCell;
    private final int cleanProbes;

    FingerprintEvaluation(List<SourceFile> indexed, List<SourceFile> ignoreCorpus, List<SourceFile> clean,
                          List<String> prose, int[] windows, int probesPerCell, int cleanProbes) {
        this.indexed = indexed;
        this.ignoreCorpus = ignoreCorpus;
        this.clean = clean;
        this.prose = prose;
        this.windows = windows;
        this.probesPerCell = probesPerCell;
        this.cleanProbes = cleanProbes;
    }

    /** One index build, evaluated for each seed's probes under each of {@code thresholdsList}. */
    List<Report> run(FingerprintConfig config, List<MatchThresholds> thresholdsList, List<Long> seeds, Path dir) {
        IndexOptions options = IndexOptions.DEFAULT.withFingerprint(config).withBlockCacheBytes(64 << 20)
                .withWriteBufferBytes(32 << 20).withBuiltInIgnore(!Boolean.getBoolean("agentdlp.eval.noBuiltInIgnore"));
        try (FingerprintIndex index = FingerprintIndex.open(dir, options)) {
            long t0 = System.nanoTime();
            Fingerprinter f = index.fingerprinter();
            List<IndexedDocument> docs = new ArrayList<>(indexed.parallelStream().map(s -> IndexedDocument.create(s.repo(),
                    s.path(), s.text().getBytes(StandardCharsets.UTF_8), f, false, null, 1)).toList());
            docs.addAll(ignoreCorpus.parallelStream().map(s -> IndexedDocument.create("ignore-" + s.repo(), s.path(),
                    s.text().getBytes(StandardCharsets.UTF_8), f, true, null, 1)).toList());
            long bytes = indexed.stream().mapToLong(s -> s.text().length()).sum();
            long prints = docs.stream().filter(d -> !d.ignoreCorpus()).mapToLong(IndexedDocument::size).sum();
            try (BulkLoad load = index.bulkLoad()) {
                docs.forEach(load::add);
            }
            long indexMillis = (System.nanoTime() - t0) / 1_000_000;
            List<Report> reports = new ArrayList<>();
            for (long seed : seeds) {
                for (MatchThresholds thresholds : thresholdsList) {
                    reports.add(evaluate(index, config, thresholds, seed, bytes, prints, indexMillis));
                }
            }
            return reports;
        }
    }

    private Report evaluate(FingerprintIndex index, FingerprintConfig config, MatchThresholds thresholds, long seed,
                            long bytes, long prints, long indexMillis) {
        List<Cell> cells = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int w : windows) {
            for (Transform t : Transform.values()) {
                cells.add(leakCell(index, thresholds, w, t, random.split()));
            }
            cells.add(multiCell(index, thresholds, w, random.split()));
        }
        int fp = 0;
        List<String> examples = new ArrayList<>();
        // a stream of its own: the clean probes of a seed do not depend on which leak windows were evaluated
        List<CleanProbe> cleanTexts = cleanProbes(new SplittableRandom(seed ^ CLEAN_STREAM));
        Map<String, int[]> bySource = new java.util.TreeMap<>();
        for (CleanProbe probe : cleanTexts) {
            List<CodeMatch> m = index.query(probe.text(), thresholds);
            int[] counts = bySource.computeIfAbsent(probe.source(), x -> new int[2]);
            counts[0]++;
            if (!m.isEmpty()) {
                fp++;
                counts[1]++;
                if (examples.size() < 12 || Boolean.getBoolean("agentdlp.eval.verbose")) {
                    examples.add(m.get(0) + " <- " + abbreviate(probe.text()));
                }
                if (Boolean.getBoolean("agentdlp.eval.dumpFalsePositives")) {
                    System.out.println("FALSE POSITIVE seed=" + seed + " " + probe.source() + " " + m + "\n" + probe.text()
                            + "\n----");
                }
            }
        }
        bySource.forEach((k, v) -> examples.add(k + ": " + v[1] + "/" + v[0]));
        return new Report(config, thresholds, seed, cells, cleanTexts.size(), fp, examples, indexed.size(), bytes,
                indexMillis, prints);
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', '⏎');
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    private Cell leakCell(FingerprintIndex index, MatchThresholds th, int lines, Transform t, SplittableRandom random) {
        int detected = 0;
        int correct = 0;
        for (int i = 0; i < probesPerCell; i++) {
            SourceFile file = pickFile(indexed, lines, random);
            Window window = window(file, lines, random);
            String probe = LeakTransforms.apply(t, window.text(), file.language(), window.firstLine(), random);
            List<CodeMatch> matches = index.query(probe, th);
            if (!matches.isEmpty()) {
                detected++;
                if (isCorrect(matches, file)) {
                    correct++;
                }
            } else if ((t.name() + ":" + lines).equals(System.getProperty("agentdlp.eval.dumpMisses"))) {
                System.out.println("MISS " + file.repo() + ":" + file.path() + "@" + window.firstLine() + " relaxed="
                        + index.query(probe, th.withMinRenamedFingerprints(1).withMinMatchedFingerprints(1)
                        .withMinSourceLines(1)) + "\n" + probe + "\n----");
            }
        }
        return new Cell(lines, t.name(), probesPerCell, detected, correct);
    }

    /** Three windows of three files in one chat prompt; each snippet must be attributed to its file. */
    private Cell multiCell(FingerprintIndex index, MatchThresholds th, int lines, SplittableRandom random) {
        int snippets = 0;
        int detected = 0;
        for (int i = 0; i < Math.max(1, probesPerCell / 3); i++) {
            List<SourceFile> files = new ArrayList<>();
            StringBuilder prompt = new StringBuilder("I have three related problems.\n\n");
            for (int s = 0; s < 3; s++) {
                SourceFile file = pickFile(indexed, lines, random);
                files.add(file);
                prompt.append("Number ").append(s + 1).append(" is in ").append(file.path()).append(":\n```")
                        .append(file.language()).append('\n').append(window(file, lines, random).text()).append("```\n\n");
            }
            prompt.append("What do they have in common?\n");
            List<CodeMatch> matches = index.query(prompt.toString(), th.withMaxResults(50));
            for (SourceFile file : files) {
                snippets++;
                if (matches.stream().anyMatch(m -> m.repo().equals(file.repo()) && m.sourcePath().equals(file.path()))) {
                    detected++;
                }
            }
        }
        return new Cell(lines, MULTI, snippets, detected, detected);
    }

    private static boolean isCorrect(List<CodeMatch> matches, SourceFile file) {
        int best = matches.get(0).matchedFingerprints();
        for (CodeMatch m : matches) {
            if (m.matchedFingerprints() < best) {
                break;
            }
            if (m.repo().equals(file.repo()) && m.sourcePath().equals(file.path())) {
                return true;
            }
        }
        return false;
    }

    /** A probe that must not match, and where it came from. */
    record CleanProbe(String source, String text) {
    }

    /**
     * Files of clean libraries known to be copies of indexed code: jackson-databind's ISO8601Utils is
     * gson's, so matching it is right.
     */
    private static boolean knownCopy(SourceFile f) {
        return f.repo().equals("gson") && f.path().endsWith("ISO8601Utils.java");
    }

    private List<CleanProbe> cleanProbes(SplittableRandom random) {
        List<CleanProbe> out = new ArrayList<>();
        for (int i = 0; i < cleanProbes; i++) {
            int kind = random.nextInt(10);
            if (kind < 6 && !clean.isEmpty()) {
                int lines = CLEAN_WINDOWS[random.nextInt(CLEAN_WINDOWS.length)];
                SourceFile file = pickFile(clean, lines, random);
                if (knownCopy(file)) {
                    i--;
                    continue;
                }
                String text = window(file, lines, random).text();
                out.add(new CleanProbe(file.repo(), kind < 3 ? text : LeakTransforms.chat(text, file.language(), random)));
            } else if (kind < 8 && !prose.isEmpty()) {
                out.add(new CleanProbe("prose", prose.get(random.nextInt(prose.size()))));
            } else {
                out.add(new CleanProbe("boilerplate", Boilerplate.any(random)));
            }
        }
        return out;
    }

    private static SourceFile pickFile(List<SourceFile> files, int lines, SplittableRandom random) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            SourceFile f = files.get(random.nextInt(files.size()));
            if (codeLines(f.text()) >= lines + 5) {
                return f;
            }
        }
        throw new IllegalStateException("no file with " + lines + " code lines");
    }

    /** A window of the text and the line it starts on. */
    record Window(String text, int firstLine) {
    }

    /** A line that counts toward a window's size: code with at least one word (lone braces come along). */
    private static boolean isCodeLine(String line) {
        String t = line.strip();
        return t.chars().anyMatch(Character::isLetterOrDigit) && !t.startsWith("//") && !t.startsWith("*") && !t.startsWith("/*")
                && !t.startsWith("import ") && !t.startsWith("package ") && !t.startsWith("#");
    }

    private static int codeLines(String text) {
        int n = 0;
        for (String l : text.split("\n")) {
            if (isCodeLine(l)) {
                n++;
            }
        }
        return n;
    }

    /** {@code lines} code lines (blank and comment lines in between come along) from a random start. */
    static Window window(SourceFile file, int lines, SplittableRandom random) {
        String[] all = file.text().split("\n", -1);
        List<Integer> code = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            if (isCodeLine(all[i])) {
                code.add(i);
            }
        }
        int startIdx = random.nextInt(code.size() - lines + 1);
        int from = code.get(startIdx);
        int to = code.get(startIdx + lines - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(all[i]).append('\n');
        }
        return new Window(sb.toString(), from + 1);
    }
}
