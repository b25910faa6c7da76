package io.agentdlp.detection.pii;

/**
 * Tunables of the personal-data detector.
 *
 * @param bulkMinDistinctValues distinct personal values in one text at which a {@code pii.bulk} finding is raised
 * @param phoneRegion           ISO 3166 region used to read phone numbers written without a country code
 * @param maxScanChars          texts longer than this are scanned up to it and flagged truncated
 * @param maxFindings           per-value findings kept per text (bulk counts still cover everything scanned)
 */
public record PiiOptions(int bulkMinDistinctValues, String phoneRegion, int maxScanChars, int maxFindings) {
    public PiiOptions {
        if (bulkMinDistinctValues < 2) {
            throw new IllegalArgumentException("bulkMinDistinctValues must be >= 2");
        }
        if (maxScanChars < 1 || maxFindings < 1) {
            throw new IllegalArgumentException("maxScanChars and maxFindings must be >= 1");
        }
    }

    /** 10 distinct values make a bulk finding; US phone numbering; 4 MiB; 200 findings. */
    public static PiiOptions defaults() {
        return new PiiOptions(10, "US", 4 * 1024 * 1024, 200);
    }
}
