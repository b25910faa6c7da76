package io.agentdlp.ingest.delivery;

/**
 * Counters of a spool since it was opened (pending and bytes are current values).
 *
 * @param pendingRecords records appended and not yet delivered
 * @param bytesOnDisk    size of all segment files
 * @param segments       number of segment files
 * @param appended       records appended
 * @param delivered      records committed as delivered
 * @param rejected       records refused because the spool was full
 * @param dropped        undelivered records deleted to make room
 * @param corrupt        records skipped because their checksum or framing was bad
 */
public record SpoolStats(long pendingRecords, long bytesOnDisk, int segments, long appended, long delivered,
                         long rejected, long dropped, long corrupt) {
}
