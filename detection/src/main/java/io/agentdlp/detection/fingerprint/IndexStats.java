package io.agentdlp.detection.fingerprint;

/**
 * Size of a fingerprint index (RocksDB estimates, exact after a compaction).
 *
 * @param documents   indexed files
 * @param postingKeys distinct fingerprints
 * @param repos       repositories
 * @param diskBytes   bytes of SST files on disk
 */
public record IndexStats(long documents, long postingKeys, int repos, long diskBytes) {
}
