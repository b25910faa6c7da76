package io.agentdlp.detection.fingerprint.sourcetree;

import java.nio.file.Path;

/**
 * A file the walker selected.
 *
 * @param file         absolute path
 * @param relativePath path relative to the indexed root, {@code /} separators
 * @param size         bytes
 */
public record SourceCandidate(Path file, String relativePath, long size) {
}
