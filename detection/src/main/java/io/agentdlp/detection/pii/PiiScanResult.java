package io.agentdlp.detection.pii;

import java.util.List;
import java.util.Map;

import io.agentdlp.detection.Finding;

/**
 * Personal data found in one text.
 *
 * @param findings       one finding per value occurrence (capped), plus a {@code pii.bulk} finding when the
 *                       text carries many distinct values
 * @param distinctCounts distinct values per type over the whole scanned text
 * @param bulk           true when the bulk threshold was reached
 * @param truncated      true when the text was longer than the scan limit
 */
public record PiiScanResult(List<Finding> findings, Map<PiiType, Integer> distinctCounts, boolean bulk,
                            boolean truncated) {
    public PiiScanResult {
        findings = List.copyOf(findings);
        distinctCounts = Map.copyOf(distinctCounts);
    }
}
