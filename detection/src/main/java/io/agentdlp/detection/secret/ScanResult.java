package io.agentdlp.detection.secret;

import java.util.List;

import io.agentdlp.detection.Finding;

/**
 * Outcome of scanning one text.
 *
 * @param findings  secret findings (detector {@code secret}), ordered by offset then rule id
 * @param truncated true when the text was longer than the scanner's limit and only its head was scanned
 */
public record ScanResult(List<Finding> findings, boolean truncated) {
    public ScanResult {
        findings = List.copyOf(findings);
    }

    public boolean isEmpty() {
        return findings.isEmpty();
    }
}
