package io.agentdlp.detection.pii;

/** A validated personal value found at [start, end) of the scanned text; {@code value} never leaves the scanner. */
record PiiCandidate(PiiType type, int start, int end, String value, double confidence) {
    boolean overlaps(PiiCandidate o) {
        return start < o.end && o.start < end;
    }
}
