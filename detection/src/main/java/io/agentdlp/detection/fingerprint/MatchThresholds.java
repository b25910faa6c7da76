package io.agentdlp.detection.fingerprint;

/**
 * When a group of shared fingerprints counts as a code match.
 *
 * @param minMatchedFingerprints fewest hits with agreeing identifier spellings in one run of consecutive
 *                               probe fingerprints found at consecutive places of one file
 * @param minRenamedFingerprints fewest hits in one run when spellings differ (renamed code)
 * @param minSourceLines         fewest lines of the source file the match must cover
 * @param minSimilarity          lowest share (0..1) of the probe's code fingerprints found in the file
 * @param maxDocumentFrequency   fingerprints found in more indexed files than this are common code and
 *                               do not count as evidence
 * @param maxGap                 probe fingerprints without a hit that may separate two hits of the same
 *                               stretch of copied code
 * @param maxResults             most matches returned, best first
 * @param renamedCoverage        renamed code also matches, with fewer distinct shapes than
 *                               {@code minRenamedFingerprints}, when one run without a gap holds at least
 *                               this share (0..1) of the probe's code fingerprints: the probe is that code and
 *                               little else. 0 disables the rule
 * @param minCoveringFingerprints fewest hits of such a covering run (it also needs 2 distinct shapes)
 */
public record MatchThresholds(int minMatchedFingerprints, int minRenamedFingerprints, int minSourceLines,
                              double minSimilarity, int maxDocumentFrequency, int maxGap, int maxResults,
                              double renamedCoverage, int minCoveringFingerprints) {
    /**
     * Defaults chosen on the evaluation recorded in docs/fingerprint.md, for the fingerprint density of
     * {@link FingerprintConfig#DEFAULT}: the counts are fingerprints, so an index built with a larger w
     * (fewer fingerprints per line) reports less renamed code with them.
     */
    public static final MatchThresholds DEFAULT = new MatchThresholds(3, 9, 3, 0.0, 32, 8, 20, 0.9, 3);

    /** The covering rule for renamed code: share of the probe and fewest hits; coverage 0 disables it. */
    public MatchThresholds withRenamedCoverage(double coverage, int minFingerprints) {
        return new MatchThresholds(minMatchedFingerprints, minRenamedFingerprints, minSourceLines, minSimilarity,
                maxDocumentFrequency, maxGap, maxResults, coverage, minFingerprints);
    }

    public MatchThresholds {
        if (minMatchedFingerprints < 1) {
            throw new IllegalArgumentException("minMatchedFingerprints must be >= 1");
        }
        if (minRenamedFingerprints < 1) {
            throw new IllegalArgumentException("minRenamedFingerprints must be >= 1");
        }
        if (minSourceLines < 1) {
            throw new IllegalArgumentException("minSourceLines must be >= 1");
        }
        if (minSimilarity < 0 || minSimilarity > 1) {
            throw new IllegalArgumentException("minSimilarity must be in 0..1");
        }
        if (maxDocumentFrequency < 1) {
            throw new IllegalArgumentException("maxDocumentFrequency must be >= 1");
        }
        if (maxGap < 0) {
            throw new IllegalArgumentException("maxGap must be >= 0");
        }
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be >= 1");
        }
        if (renamedCoverage < 0 || renamedCoverage > 1) {
            throw new IllegalArgumentException("renamedCoverage must be in 0..1");
        }
        if (minCoveringFingerprints < 2) {
            throw new IllegalArgumentException("minCoveringFingerprints must be >= 2");
        }
    }

    public MatchThresholds withMinMatchedFingerprints(int v) {
        return new MatchThresholds(v, minRenamedFingerprints, minSourceLines, minSimilarity, maxDocumentFrequency,
                maxGap, maxResults, renamedCoverage, minCoveringFingerprints);
    }

    public MatchThresholds withMinRenamedFingerprints(int v) {
        return new MatchThresholds(minMatchedFingerprints, v, minSourceLines, minSimilarity, maxDocumentFrequency,
                maxGap, maxResults, renamedCoverage, minCoveringFingerprints);
    }

    public MatchThresholds withMinSourceLines(int v) {
        return new MatchThresholds(minMatchedFingerprints, minRenamedFingerprints, v, minSimilarity,
                maxDocumentFrequency, maxGap, maxResults, renamedCoverage, minCoveringFingerprints);
    }

    public MatchThresholds withMinSimilarity(double v) {
        return new MatchThresholds(minMatchedFingerprints, minRenamedFingerprints, minSourceLines, v,
                maxDocumentFrequency, maxGap, maxResults, renamedCoverage, minCoveringFingerprints);
    }

    public MatchThresholds withMaxDocumentFrequency(int v) {
        return new MatchThresholds(minMatchedFingerprints, minRenamedFingerprints, minSourceLines, minSimilarity, v,
                maxGap, maxResults, renamedCoverage, minCoveringFingerprints);
    }

    public MatchThresholds withMaxResults(int v) {
        return new MatchThresholds(minMatchedFingerprints, minRenamedFingerprints, minSourceLines, minSimilarity,
                maxDocumentFrequency, maxGap, v, renamedCoverage, minCoveringFingerprints);
    }
}
