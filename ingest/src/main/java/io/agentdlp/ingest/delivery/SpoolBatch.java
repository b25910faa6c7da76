package io.agentdlp.ingest.delivery;

import java.util.List;

/**
 * Records read from the spool, oldest first, not yet committed.
 *
 * @param records    record payloads in append order
 * @param firstSeq   sequence number of the first record
 * @param end        position just after the last record; {@link Spool#commit} moves the cursor there
 * @param skipped    corrupt records passed over to get there (counted when committed)
 */
public record SpoolBatch(List<byte[]> records, long firstSeq, Spool.Position end, long skipped) {
    public SpoolBatch {
        records = List.copyOf(records);
    }

    /** True when the batch carries no record (it may still move the cursor past corrupt ones). */
    public boolean isEmpty() {
        return records.isEmpty();
    }
}
