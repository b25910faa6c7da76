package io.agentdlp.launcher.scan;

import java.io.PrintWriter;

import io.agentdlp.detection.Finding;

/** One human-readable line per finding: {@code path:line:column: SEVERITY rule preview (hash abcdef012345)}. */
public final class TextFindingWriter implements FindingWriter {
    private final PrintWriter out;

    public TextFindingWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(ReportedFinding r) {
        Finding f = r.finding();
        out.printf("%s:%d:%d: %s %s/%s %s (hash %s)%s%n", r.path(), f.line(), f.column(), f.severity(), f.detector(),
                f.ruleId(), f.redactedPreview(), f.keyedHash().substring(0, Math.min(12, f.keyedHash().length())),
                r.truncated() ? " [input truncated]" : "");
    }

    @Override
    public void finish() {
        out.flush();
    }
}
