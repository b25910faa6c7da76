package io.agentdlp.detection.secret;

/** Counts of the work one scan did; used to bound the engine's cost in tests. Not thread-safe. */
final class ScanWork {
    long views;
    long keywordHits;
    long windows;
    long windowChars;
    long regexFinds;
    long candidates;
    /** Regex calls answered by an {@link AssignmentMatcher} or a {@link PrefixTokenMatcher} instead of the regex engine. */
    long handMatched;
    /** Candidate checks run, and those answered by an earlier check of the same value and check profile. */
    long valueChecks;
    long valueChecksReused;
}
