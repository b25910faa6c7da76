package io.agentdlp.launcher.scan;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentdlp.detection.Finding;

/**
 * One JSON object per finding per line with {@code path, line, column, detector, rule, severity, preview,
 * hash}, plus {@code confidence, offset, byteOffset, length}, and {@code root} / {@code truncated} when they apply.
 */
public final class JsonlFindingWriter implements FindingWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Writer out;

    public JsonlFindingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(ReportedFinding r) throws IOException {
        Finding f = r.finding();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("path", r.path());
        o.put("line", f.line());
        o.put("column", f.column());
        o.put("detector", f.detector());
        o.put("rule", f.ruleId());
        o.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
        o.put("preview", f.redactedPreview());
        o.put("hash", f.keyedHash());
        o.put("confidence", f.confidence());
        o.put("offset", f.offset());
        o.put("byteOffset", r.byteOffset());
        o.put("length", f.length());
        if (r.root() != null) {
            o.put("root", r.root());
        }
        if (r.truncated()) {
            o.put("truncated", true);
        }
        out.write(JSON.writeValueAsString(o));
        out.write('\n');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
