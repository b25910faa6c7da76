package io.agentdlp.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.TextDetector;
import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.detection.fingerprint.IndexException;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.RuleFileException;
import io.agentdlp.detection.secret.SecretRule;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.launcher.scan.CodeMatchScan;
import io.agentdlp.launcher.scan.FindingWriter;
import io.agentdlp.launcher.scan.HashKeys;
import io.agentdlp.launcher.scan.InputText;
import io.agentdlp.launcher.scan.JsonlFindingWriter;
import io.agentdlp.launcher.scan.ReportedFinding;
import io.agentdlp.launcher.scan.RuleDescriptions;
import io.agentdlp.launcher.scan.SarifFindingWriter;
import io.agentdlp.launcher.scan.ScanInput;
import io.agentdlp.launcher.scan.ScanInputs;
import io.agentdlp.launcher.scan.ScanProgress;
import io.agentdlp.launcher.scan.TextFindingWriter;
import io.agentdlp.launcher.scan.Utf8Positions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code agentdlp scan}: offline secret scanning of files, directories and stdin. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scan files, directories (recursively; .git/ and binary files skipped) or stdin ('-') for credentials.",
                "Findings carry a redacted preview and a keyed hash, never the secret.",
                "Exit code 0 = no findings, 1 = findings, 2 = error."})
public final class ScanCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, jsonl, sarif }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Rule file (YAML, or JSON by extension) adding to or overriding built-in rules by id; repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--max-size", defaultValue = "16MB", paramLabel = "SIZE",
            description = "Scan at most this much of each input (B, KB, MB, GB; 1 KB = 1024 B); larger inputs are scanned up to it and reported as truncated (default: ${DEFAULT-VALUE}).")
    String maxSize;

    @Option(names = "--hash-key-file", paramLabel = "FILE",
            description = "Key file for the keyed hashes (default: $AGENTDLP_HASH_KEY, else $AGENTDLP_HASH_KEY_FILE, else ~/.config/agentdlp/hash.key, created on first use).")
    Path hashKeyFile;

    @Option(names = "--threads", paramLabel = "N", description = "Files scanned in parallel (default: number of CPUs).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--index-dir", paramLabel = "DIR",
            description = "Also report own code found in the inputs, from the fingerprint index in DIR (built by 'agentdlp index').")
    Path indexDir;

    @Option(names = "--no-builtin-ignore",
            description = "With --index-dir, let generated boilerplate (IDE-generated equals/hashCode/toString, accessor and "
                    + "constructor ladders, escape tables) count as evidence of own code; by default it never does.")
    boolean noBuiltInIgnore;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories, or - for standard input.")
    List<String> paths;

    InputStream stdin = System.in;
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long maxBytes;
        RuleCatalog catalog;
        KeyedHasher hasher;
        CodeMatchScan code;
        try {
            maxBytes = parseSize(maxSize);
            catalog = RuleCatalog.load(rules.toArray(Path[]::new));
            hasher = HashKeys.resolve(environment, hashKeyFile);
            code = indexDir == null ? null : CodeMatchScan.open(indexDir, hasher, !noBuiltInIgnore);
        } catch (RuleFileException | IllegalArgumentException | IOException | IndexException e) {
            err.println("agentdlp scan: " + e.getMessage());
            return 2;
        }
        SecretScanner secrets = SecretScanner.builder().catalog(catalog).hasher(hasher)
                .maxScanChars((int) Math.min(Integer.MAX_VALUE - 16, maxBytes)).build();
        List<TextDetector> detectors = List.of(secrets);
        RuleDescriptions descriptions = (detector, ruleId) -> SecretScanner.DETECTOR.equals(detector)
                ? catalog.rule(ruleId).map(SecretRule::description).orElse(null) : null;

        ScanInputs inputs = ScanInputs.expand(paths);
        inputs.problems().forEach(p -> err.println("agentdlp scan: " + p));
        FindingWriter writer = switch (format) {
            case text -> new TextFindingWriter(out);
            case jsonl -> new JsonlFindingWriter(out);
            case sarif -> new SarifFindingWriter(out, version(), descriptions);
        };
        Tally tally = new Tally();
        tally.errors = inputs.problems().size();
        ScanProgress progress = new ScanProgress(err, System.console() != null);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "agentdlp-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<FileScan>> inFlight = new ArrayDeque<>();
            int next = 0;
            List<ScanInput> all = inputs.inputs();
            while (next < all.size() || !inFlight.isEmpty()) {
                while (next < all.size() && inFlight.size() < Math.max(2, threads * 4)) {
                    ScanInput in = all.get(next++);
                    inFlight.add(pool.submit(() -> scanOne(in, detectors, code, maxBytes)));
                }
                report(inFlight.poll().get(), writer, err, tally, code, format, out);
                progress.update(tally.files, all.size(), tally.bytes);
            }
        } catch (ExecutionException e) {
            err.println("agentdlp scan: " + e.getCause());
            tally.errors++;
        } finally {
            pool.shutdownNow();
            progress.done();
            if (code != null) {
                code.close();
            }
        }
        writer.finish();
        err.printf("agentdlp scan: %d finding(s) in %d input(s), %.1f MB scanned%s%s%s%n", tally.findings, tally.files, tally.bytes / 1e6,
                tally.binary > 0 ? ", " + tally.binary + " binary skipped" : "",
                tally.truncated > 0 ? ", " + tally.truncated + " truncated at --max-size" : "",
                tally.errors > 0 ? ", " + tally.errors + " error(s)" : "");
        err.flush();
        return tally.errors > 0 ? 2 : tally.findings > 0 ? 1 : 0;
    }

    private FileScan scanOne(ScanInput in, List<TextDetector> detectors, CodeMatchScan code, long maxBytes) {
        InputText text;
        try {
            text = InputText.read(in, stdin, maxBytes);
        } catch (IOException e) {
            return new FileScan(in, null, List.of(), e.getClass().getSimpleName() + ": " + e.getMessage(), List.of());
        }
        if (text.binary()) {
            return new FileScan(in, text, List.of(), null, List.of());
        }
        List<Finding> findings = new ArrayList<>();
        for (TextDetector d : detectors) {
            findings.addAll(d.detect(text.text()));
        }
        findings.sort(Comparator.comparingLong(Finding::offset).thenComparing(Finding::detector).thenComparing(Finding::ruleId));
        return new FileScan(in, text, findings, null, code == null ? List.of() : code.matches(text.text()));
    }

    private static void report(FileScan s, FindingWriter writer, PrintWriter err, Tally tally, CodeMatchScan code,
                               Format format, PrintWriter out) throws IOException {
        if (s.error != null) {
            err.println("agentdlp scan: " + s.input.displayPath() + ": " + s.error);
            tally.errors++;
            return;
        }
        tally.bytes += s.text.bytes();
        if (s.text.binary()) {
            tally.binary++;
            return;
        }
        tally.files++;
        if (s.text.truncated()) {
            tally.truncated++;
        }
        Utf8Positions offsets = new Utf8Positions(s.text.text());
        for (Finding f : s.findings) {
            writer.write(new ReportedFinding(s.input.displayPath(), s.input.root(), f, offsets.byteOffset((int) f.offset()), s.text.truncated()));
            tally.findings++;
        }
        for (CodeMatch m : s.codeMatches) {
            code.report(m, format.name(), s.input.displayPath(), s.input.root(), s.text.text(), s.text.truncated(), writer, out);
            tally.findings++;
        }
    }

    /** Parses {@code 512}, {@code 10KB}, {@code 16MB}, {@code 1GB} (also K, M, G, case-insensitive). */
    static long parseSize(String s) {
        String t = s.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        for (String[] u : new String[][]{{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"G", "1073741824"}, {"M", "1048576"}, {"K", "1024"}, {"B", "1"}}) {
            if (t.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - u[0].length()).strip();
                break;
            }
        }
        try {
            long v = Long.parseLong(t) * unit;
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid --max-size '" + s + "' (examples: 512KB, 16MB)");
        }
    }

    private static String version() {
        String v = ScanCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private record FileScan(ScanInput input, InputText text, List<Finding> findings, String error,
                            List<CodeMatch> codeMatches) {
    }

    private static final class Tally {
        long findings;
        long files;
        long bytes;
        long binary;
        long truncated;
        long errors;
    }
}
