package io.agentdlp.launcher.scan;

import io.agentdlp.detection.Finding;

/**
 * A finding of any detector in a scanned input, as reported by {@code agentdlp scan}.
 *
 * @param path       path as given, or relative to its root when found by walking a directory; {@code -} for stdin
 * @param root       the directory argument the file was found under, or null
 * @param finding    the finding (never holds the secret)
 * @param byteOffset UTF-8 byte offset of the finding in the input
 * @param truncated  true when the input was larger than {@code --max-size} and only its head was scanned
 */
public record ReportedFinding(String path, String root, Finding finding, long byteOffset, boolean truncated) {
}
