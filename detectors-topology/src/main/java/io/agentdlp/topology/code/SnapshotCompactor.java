package io.agentdlp.topology.code;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.IndexException;

/**
 * Keeps a postings snapshot under a materialised {@link FingerprintIndex}, so that lookups of present
 * fingerprints read a memory-mapped file instead of RocksDB through JNI: compacts the index (which
 * writes the snapshot) on a background thread once its restore is done, and again whenever the index
 * has stopped using its snapshot (too many rows changed since) and was written since the last
 * compaction, checked every {@code interval}. Between compactions the index's own "changed since the
 * snapshot" filter sends changed rows to RocksDB, so lookups stay exact.
 *
 * <p>{@link FingerprintIndex} is thread-safe: the stream threads keep querying during a compaction, and
 * only the writer (the index's updater) waits while the snapshot file itself is written.
 */
final class SnapshotCompactor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SnapshotCompactor.class);

    private final FingerprintIndex index;
    private final String storeName;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean written = new AtomicBoolean();
    private final AtomicLong compactions = new AtomicLong();

    /**
     * @param interval how often to check whether a new snapshot is due (positive)
     */
    SnapshotCompactor(FingerprintIndex index, String storeName, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("snapshot check interval must be positive, was " + interval);
        }
        this.index = index;
        this.storeName = storeName;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "code-index-compaction-" + storeName);
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        executor.scheduleWithFixedDelay(() -> compactIf(false), ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Records that the writer changed the index (a put that added or replaced, or a removal). */
    void changed() {
        written.set(true);
    }

    /** The restore is done: compacts now (in the background) unless a snapshot is already in use. */
    void restored() {
        executor.execute(() -> compactIf(true));
    }

    /** Compactions run so far. */
    long compactions() {
        return compactions.get();
    }

    private void compactIf(boolean afterRestore) {
        if (index.snapshotInUse() || !(afterRestore || written.get())) {
            return;
        }
        // cleared before compacting: a write during the compaction may not be in the snapshot
        written.set(false);
        long t0 = System.nanoTime();
        try {
            index.compact();
            compactions.incrementAndGet();
            log.info("event=code_index_compacted store={} snapshot={} ms={}", storeName, index.snapshotInUse(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (IndexException e) {
            // lookups keep reading RocksDB; the next check retries
            written.set(true);
            log.warn("event=code_index_compaction_failed store={} exception={} error={}", storeName,
                    e.getClass().getName(), e.getMessage());
        }
    }

    /** Stops the checks; waits for a running compaction to finish. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            while (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.info("event=code_index_compaction_wait store={}", storeName);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
