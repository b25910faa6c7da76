package io.agentdlp.launcher.scan;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.agentdlp.detection.Finding;
import io.agentdlp.detection.Severity;

/**
 * SARIF 2.1.0 log (one run) for code-scanning tools. Paths under a scanned directory are relative to a
 * {@code uriBaseId} per directory argument ({@code ROOT0}, {@code ROOT1}, ...) declared in
 * {@code originalUriBaseIds}; the keyed hash is the {@code partialFingerprints} entry, so the same secret
 * correlates across runs without being exposed.
 */
public final class SarifFindingWriter implements FindingWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Writer out;
    private final String version;
    private final RuleDescriptions descriptions;
    private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    private final List<Map<String, Object>> rules = new ArrayList<>();
    private final List<Map<String, Object>> results = new ArrayList<>();
    private final Map<String, String> baseIds = new LinkedHashMap<>();

    public SarifFindingWriter(Writer out, String toolVersion, RuleDescriptions descriptions) {
        this.out = out;
        this.version = toolVersion;
        this.descriptions = descriptions;
    }

    @Override
    public void write(ReportedFinding r) {
        Finding f = r.finding();
        String key = f.detector() + "/" + f.ruleId();
        Integer idx = ruleIndex.get(key);
        if (idx == null) {
            idx = rules.size();
            ruleIndex.put(key, idx);
            rules.add(rule(f));
        }
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("uri", r.path().replace('\\', '/'));
        if (r.root() != null) {
            artifact.put("uriBaseId", baseIds.computeIfAbsent(r.root(), k -> "ROOT" + baseIds.size()));
        }
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", f.line());
        region.put("startColumn", f.column());
        region.put("charOffset", f.offset());
        region.put("charLength", f.length());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", f.ruleId());
        result.put("ruleIndex", idx);
        result.put("level", level(f.severity()));
        result.put("message", Map.of("text", describe(f) + " (" + f.redactedPreview() + ")"));
        result.put("locations", List.of(Map.of("physicalLocation", Map.of("artifactLocation", artifact, "region", region))));
        result.put("partialFingerprints", Map.of("agentdlpKeyedHash/v1", f.keyedHash()));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("detector", f.detector());
        props.put("confidence", f.confidence());
        if (r.truncated()) {
            props.put("inputTruncated", true);
        }
        result.put("properties", props);
        results.add(result);
    }

    @Override
    public void finish() throws IOException {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "agentdlp");
        driver.put("version", version);
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("columnKind", "utf16CodeUnits");
        if (!baseIds.isEmpty()) {
            Map<String, Object> bases = new LinkedHashMap<>();
            baseIds.forEach((root, id) -> bases.put(id, Map.of("uri", rootUri(root))));
            run.put("originalUriBaseIds", bases);
        }
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        JSON.writeValue(new NonClosingWriter(out), log);
        out.write('\n');
        out.flush();
    }

    private Map<String, Object> rule(Finding f) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", f.ruleId());
        rule.put("name", f.ruleId());
        rule.put("shortDescription", Map.of("text", describe(f)));
        rule.put("defaultConfiguration", Map.of("level", level(f.severity())));
        rule.put("properties", Map.of("tags", List.of("security", f.detector()), "security-severity", securitySeverity(f.severity())));
        return rule;
    }

    private String describe(Finding f) {
        String d = descriptions.describe(f.detector(), f.ruleId());
        return d == null || d.isBlank() ? f.detector() + " " + f.ruleId() : d;
    }

    private static String rootUri(String root) {
        String uri = Path.of(root).toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            default -> "note";
        };
    }

    private static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            default -> "1.0";
        };
    }

    /** Jackson closes the target after writing a value; the caller owns this stream. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
