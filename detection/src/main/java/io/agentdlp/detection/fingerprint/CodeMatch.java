package io.agentdlp.detection.fingerprint;

import java.util.Objects;

import io.agentdlp.detection.Severity;

/**
 * Evidence that a probe contains code of one indexed file.
 *
 * @param repo                repository of the matched file
 * @param sourcePath          matched file, relative to its indexed root
 * @param sourceStartLine     first matched line in the source file
 * @param sourceEndLine       last matched line in the source file
 * @param probeStartLine      first matched line in the probe
 * @param probeEndLine        last matched line in the probe
 * @param similarity          share (0..1) of the probe's code fingerprints found in this file
 * @param matchedFingerprints probe fingerprints found in this file
 * @param contiguous          true when the matched fingerprints form one unbroken run in the probe
 */
public record CodeMatch(String repo, String sourcePath, int sourceStartLine, int sourceEndLine, int probeStartLine,
                        int probeEndLine, double similarity, int matchedFingerprints, boolean contiguous) {
    public CodeMatch {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(sourcePath, "sourcePath");
    }

    /** Lines of the source file covered by the match. */
    public int sourceLines() {
        return sourceEndLine - sourceStartLine + 1;
    }

    /** MEDIUM under 10 source lines, HIGH from 10, CRITICAL from 50: how much of the file left. */
    public Severity severity() {
        int lines = sourceLines();
        return lines >= 50 ? Severity.CRITICAL : lines >= 10 ? Severity.HIGH : Severity.MEDIUM;
    }
}
