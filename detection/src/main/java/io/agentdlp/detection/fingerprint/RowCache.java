package io.agentdlp.detection.fingerprint;

import java.util.concurrent.atomic.AtomicLong;

/**
 * In-heap, direct-mapped cache of postings rows by fingerprint shape (including "absent" for bloom
 * false positives). Agents resend the same context on every turn of a session, so the same fingerprints
 * are looked up again and again; a cached row costs a few tens of nanoseconds instead of a JNI round trip.
 *
 * <p>Consistency with writers follows a sequence lock: a writer calls {@link #beginWrite()}, writes
 * RocksDB, {@link #invalidate(long) invalidates} the shapes it touched, then {@link #endWrite()}. A
 * reader takes {@link #stamp()} before reading RocksDB and {@link #store} keeps the row only if no
 * write began or ended meanwhile, re-checking after publishing. Entries are immutable, so a reader
 * never sees a torn row. Thread-safe.
 */
final class RowCache {
    /** A cached row; {@code row == null} means the shape is not in the index. */
    record Entry(long shape, byte[] row) {
    }

    private final Entry[] slots;
    private final int mask;
    private final AtomicLong sequence = new AtomicLong();

    /** @param entries capacity, rounded up to a power of two; 0 disables the cache */
    RowCache(int entries) {
        int size = entries <= 0 ? 0 : Integer.highestOneBit(Math.max(1, entries - 1)) << 1;
        this.slots = new Entry[size];
        this.mask = size - 1;
    }

    private int slot(long shape) {
        return (int) Fingerprinter.mix(shape ^ 0x9E3779B97F4A7C15L) & mask;
    }

    /** The cached entry of {@code shape}, or null when not cached. */
    Entry get(long shape) {
        if (slots.length == 0) {
            return null;
        }
        Entry e = slots[slot(shape)];
        return e != null && e.shape() == shape ? e : null;
    }

    /** Sequence to pass to {@link #store}; odd while a write is in progress. */
    long stamp() {
        return sequence.get();
    }

    /** Caches a row read after {@code stamp} was taken, unless a write interfered. */
    void store(long stamp, long shape, byte[] row) {
        if (slots.length == 0 || (stamp & 1) != 0 || sequence.get() != stamp) {
            return;
        }
        int s = slot(shape);
        Entry e = new Entry(shape, row);
        slots[s] = e;
        if (sequence.get() != stamp && slots[s] == e) {
            slots[s] = null;
        }
    }

    void beginWrite() {
        sequence.incrementAndGet();
    }

    void invalidate(long shape) {
        if (slots.length == 0) {
            return;
        }
        int s = slot(shape);
        Entry e = slots[s];
        if (e != null && e.shape() == shape) {
            slots[s] = null;
        }
    }

    void endWrite() {
        sequence.incrementAndGet();
    }
}
