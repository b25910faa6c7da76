package io.agentdlp.topology.code;

import java.util.concurrent.atomic.AtomicLong;

import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.IndexStats;

/**
 * Size and freshness of the materialised code index, for gauges: documents, latest
 * {@code published_at} and {@code index_version} applied, and counts of applied, removed and
 * rejected records. Written by the index's updater thread, read by metric scrapes.
 */
public final class CodeIndexStats {
    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong lastPublishedAt = new AtomicLong();
    private final AtomicLong lastVersion = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong removed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    void opened(IndexStats s) {
        documents.set(s.documents());
    }

    void applied(FingerprintIndex.PutResult r, long publishedAt, long version) {
        applied.incrementAndGet();
        if (r == FingerprintIndex.PutResult.ADDED) {
            documents.incrementAndGet();
        }
        lastPublishedAt.accumulateAndGet(publishedAt, Math::max);
        lastVersion.accumulateAndGet(version, Math::max);
    }

    void removed() {
        removed.incrementAndGet();
        documents.updateAndGet(d -> Math.max(0, d - 1));
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    /** Indexed files (RocksDB's estimate at open, then counted exactly). */
    public long documents() {
        return documents.get();
    }

    /** {@code published_at} of the newest applied record (epoch ms, 0 before any). */
    public long lastPublishedAt() {
        return lastPublishedAt.get();
    }

    public long lastVersion() {
        return lastVersion.get();
    }

    public long appliedRecords() {
        return applied.get();
    }

    public long removedRecords() {
        return removed.get();
    }

    public long rejectedRecords() {
        return rejected.get();
    }
}
