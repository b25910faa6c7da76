package io.agentdlp.detection.fingerprint.sourcetree;

/**
 * What one {@link RepoIndexer} run did.
 *
 * @param files     files selected by the walk
 * @param added     new documents
 * @param replaced  documents whose content changed
 * @param unchanged documents skipped because their content hash was already indexed
 * @param removed   documents of the repo whose files disappeared
 * @param skipped   binary or generated files
 * @param bytes     bytes read
 * @param millis    wall-clock time
 * @param bulk      whether the run loaded through SST ingestion
 */
public record IndexRunSummary(long files, long added, long replaced, long unchanged, long removed, long skipped,
                              long bytes, long millis, boolean bulk) {
}
