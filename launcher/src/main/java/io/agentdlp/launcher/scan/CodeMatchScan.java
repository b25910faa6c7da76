package io.agentdlp.launcher.scan;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentdlp.detection.Finding;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.IndexException;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.MatchThresholds;

/**
 * The own-code part of {@code agentdlp scan --index-dir}: queries the fingerprint index with each
 * input and reports matches as {@code code-fingerprint} findings. In JSON lines a match carries
 * {@code repo}, {@code source_path}, {@code source_lines} and {@code lines} ({@code [first, last]}),
 * {@code similarity}, {@code matched_fingerprints} and {@code contiguous}; the text and SARIF formats
 * get it as an ordinary finding whose preview names the source file and lines. Thread-safe.
 */
public final class CodeMatchScan implements AutoCloseable {
    public static final String DETECTOR = "code-fingerprint";
    public static final String RULE = "own-code";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BLOCK_CACHE = 64L << 20;
    private static final long WRITE_BUFFER = 8L << 20;

    private final FingerprintIndex index;
    private final MatchThresholds thresholds;
    private final KeyedHasher hasher;

    private CodeMatchScan(FingerprintIndex index, MatchThresholds thresholds, KeyedHasher hasher) {
        this.index = index;
        this.thresholds = thresholds;
        this.hasher = hasher;
    }

    /**
     * Opens the index built by {@code agentdlp index} in {@code dir} for reading; it must exist. A
     * reader does not take RocksDB's lock, so {@code agentdlp index} may write the same directory
     * meanwhile; the scan then sees the index as it was when opened. {@code builtInIgnore} false lets
     * generated boilerplate count as evidence ({@link IndexOptions#withBuiltInIgnore}).
     */
    public static CodeMatchScan open(Path dir, KeyedHasher hasher, boolean builtInIgnore) {
        if (!Files.isDirectory(dir)) {
            throw new IndexException(dir, "no fingerprint index here; build one with 'agentdlp index --index-dir "
                    + dir + " --repo NAME PATH...'");
        }
        FingerprintIndex index = FingerprintIndex.openReader(dir, IndexOptions.DEFAULT.withBlockCacheBytes(BLOCK_CACHE)
                .withWriteBufferBytes(WRITE_BUFFER).withBuiltInIgnore(builtInIgnore));
        return new CodeMatchScan(index, MatchThresholds.DEFAULT, hasher);
    }

    public List<CodeMatch> matches(CharSequence text) {
        return index.query(text, thresholds);
    }

    /**
     * Writes one match of input {@code path}: as a JSON line of its own for {@code jsonl}, otherwise
     * through {@code writer} as a finding.
     */
    public void report(CodeMatch m, String format, String path, String root, String text, boolean truncated,
                       FindingWriter writer, PrintWriter out) throws IOException {
        if ("jsonl".equals(format)) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("path", path);
            o.put("line", m.probeStartLine());
            o.put("detector", DETECTOR);
            o.put("rule", RULE);
            o.put("severity", m.severity().name().toLowerCase(Locale.ROOT));
            o.put("repo", m.repo());
            o.put("source_path", m.sourcePath());
            o.put("source_lines", List.of(m.sourceStartLine(), m.sourceEndLine()));
            o.put("lines", List.of(m.probeStartLine(), m.probeEndLine()));
            o.put("similarity", Math.round(m.similarity() * 1000) / 1000.0);
            o.put("matched_fingerprints", m.matchedFingerprints());
            o.put("contiguous", m.contiguous());
            if (root != null) {
                o.put("root", root);
            }
            if (truncated) {
                o.put("truncated", true);
            }
            out.write(JSON.writeValueAsString(o));
            out.write('\n');
            return;
        }
        Finding f = asFinding(m, text);
        writer.write(new ReportedFinding(path, root, f, new Utf8Positions(text).byteOffset((int) f.offset()), truncated));
    }

    /** The match as a generic finding: located at the matched lines of the input, previewing the source. */
    Finding asFinding(CodeMatch m, String text) {
        int start = lineOffset(text, m.probeStartLine());
        int end = lineOffset(text, m.probeEndLine() + 1);
        String preview = String.format(Locale.ROOT, "%s:%s lines %d-%d, similarity %.2f", m.repo(), m.sourcePath(),
                m.sourceStartLine(), m.sourceEndLine(), m.similarity());
        return new Finding(DETECTOR, RULE, m.severity(), m.similarity(), preview,
                hasher.hash(DETECTOR + '\0' + m.repo() + '\0' + m.sourcePath()), m.probeStartLine(), 1, start,
                Math.max(0, end - start), null);
    }

    /** Char offset where 1-based {@code line} starts (the text length past the last line). */
    static int lineOffset(String text, int line) {
        int l = 1;
        for (int i = 0; i < text.length() && l < line; i++) {
            if (text.charAt(i) == '\n') {
                l++;
                if (l == line) {
                    return i + 1;
                }
            }
        }
        return l >= line ? 0 : text.length();
    }

    @Override
    public void close() {
        index.close();
    }
}
