package io.agentdlp.detection.fingerprint;

import java.util.Objects;

/**
 * How a {@link FingerprintIndex} is opened. Memory is bounded by {@code blockCacheBytes} (data, index
 * and filter blocks of all column families) plus {@code writeBufferBytes} (memtables, charged to the
 * same cache through a write-buffer manager) plus the in-heap presence filter (about 2 bytes per
 * distinct fingerprint) plus the row cache (about 50 bytes per entry) plus, while bulk loading,
 * {@code bulkBufferFingerprints} x 32 bytes. The postings snapshot ({@code postingsSnapshot}) is a
 * memory-mapped file: its pages live in the operating system's page cache (reclaimable, about 16 bytes
 * per distinct fingerprint plus the postings values), not in the heap.
 *
 * @param fingerprint            k-gram/window parameters for a new index; an existing index must match
 * @param blockCacheBytes        LRU block cache shared by all column families
 * @param writeBufferBytes       total memtable budget
 * @param bloomBitsPerKey        RocksDB bloom filter bits per key (10 gives about 1% false positives)
 * @param backgroundJobs         RocksDB flush/compaction threads
 * @param bulkBufferFingerprints postings held in memory by a bulk load before it writes an SST file
 * @param rowCacheEntries        postings rows cached in the heap (repeated lookups skip RocksDB); 0 disables
 * @param postingsSnapshot       write a postings snapshot at {@link FingerprintIndex#compact()} and answer
 *                               lookups from it while it is current; false leaves every lookup to RocksDB
 *                               and existing snapshot files untouched
 * @param builtInIgnore          queries treat the shapes of the built-in ignore corpus of generated
 *                               boilerplate ({@code equals}/{@code hashCode}, accessor and assignment
 *                               ladders, escape tables) like fingerprints of the user's ignore corpus:
 *                               not evidence. Query-time only: the index and the topic do not change
 */
public record IndexOptions(FingerprintConfig fingerprint, long blockCacheBytes, long writeBufferBytes,
                           int bloomBitsPerKey, int backgroundJobs, int bulkBufferFingerprints, int rowCacheEntries,
                           boolean postingsSnapshot, boolean builtInIgnore) {
    public static final IndexOptions DEFAULT = new IndexOptions(FingerprintConfig.DEFAULT, 128L << 20, 64L << 20,
            10, Math.max(2, Runtime.getRuntime().availableProcessors()), 4 << 20, 1 << 18, true, true);

    public IndexOptions {
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (blockCacheBytes < (8L << 20)) {
            throw new IllegalArgumentException("blockCacheBytes must be >= 8 MiB");
        }
        if (writeBufferBytes < (4L << 20)) {
            throw new IllegalArgumentException("writeBufferBytes must be >= 4 MiB");
        }
        if (bloomBitsPerKey < 1 || bloomBitsPerKey > 32) {
            throw new IllegalArgumentException("bloomBitsPerKey must be in 1..32");
        }
        if (backgroundJobs < 1) {
            throw new IllegalArgumentException("backgroundJobs must be >= 1");
        }
        if (bulkBufferFingerprints < 1024) {
            throw new IllegalArgumentException("bulkBufferFingerprints must be >= 1024");
        }
        if (rowCacheEntries < 0) {
            throw new IllegalArgumentException("rowCacheEntries must be >= 0");
        }
    }

    public IndexOptions withFingerprint(FingerprintConfig v) {
        return new IndexOptions(v, blockCacheBytes, writeBufferBytes, bloomBitsPerKey, backgroundJobs,
                bulkBufferFingerprints, rowCacheEntries, postingsSnapshot, builtInIgnore);
    }

    public IndexOptions withBlockCacheBytes(long v) {
        return new IndexOptions(fingerprint, v, writeBufferBytes, bloomBitsPerKey, backgroundJobs,
                bulkBufferFingerprints, rowCacheEntries, postingsSnapshot, builtInIgnore);
    }

    public IndexOptions withWriteBufferBytes(long v) {
        return new IndexOptions(fingerprint, blockCacheBytes, v, bloomBitsPerKey, backgroundJobs,
                bulkBufferFingerprints, rowCacheEntries, postingsSnapshot, builtInIgnore);
    }

    public IndexOptions withBulkBufferFingerprints(int v) {
        return new IndexOptions(fingerprint, blockCacheBytes, writeBufferBytes, bloomBitsPerKey, backgroundJobs, v,
                rowCacheEntries, postingsSnapshot, builtInIgnore);
    }

    public IndexOptions withRowCacheEntries(int v) {
        return new IndexOptions(fingerprint, blockCacheBytes, writeBufferBytes, bloomBitsPerKey, backgroundJobs,
                bulkBufferFingerprints, v, postingsSnapshot, builtInIgnore);
    }

    public IndexOptions withPostingsSnapshot(boolean v) {
        return new IndexOptions(fingerprint, blockCacheBytes, writeBufferBytes, bloomBitsPerKey, backgroundJobs,
                bulkBufferFingerprints, rowCacheEntries, v, builtInIgnore);
    }

    public IndexOptions withBuiltInIgnore(boolean v) {
        return new IndexOptions(fingerprint, blockCacheBytes, writeBufferBytes, bloomBitsPerKey, backgroundJobs,
                bulkBufferFingerprints, rowCacheEntries, postingsSnapshot, v);
    }
}
