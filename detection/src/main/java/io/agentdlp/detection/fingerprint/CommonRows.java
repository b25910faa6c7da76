package io.agentdlp.detection.fingerprint;

/**
 * Postings rows already found to be common code, so a query skips decoding them again. A common
 * shape's row is the longest there is (in the benchmark corpus about 1,250 entries and 40 KB, every
 * one read before the 33rd distinct file shows it is common) and the same boilerplate shapes come back
 * in almost every text, so without this each query decoded the same long rows to throw them away.
 *
 * <p>Entries are keyed by the row array itself, not only by its shape: a row that changes (a file added
 * or removed) comes back as another array from the row cache, so a stale verdict is never used. Direct
 * mapped; entries are immutable, so concurrent queries see a whole entry or none. Thread-safe.
 */
final class CommonRows {
    private record Entry(long shape, byte[] row, int commonUpTo) {
    }

    private final Entry[] slots;
    private final int mask;

    /** @param entries capacity, a power of two */
    CommonRows(int entries) {
        if (Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + entries);
        }
        this.slots = new Entry[entries];
        this.mask = entries - 1;
    }

    private int slot(long shape) {
        return (int) Fingerprinter.mix(shape ^ 0x632BE59BD9B4E019L) & mask;
    }

    /** True when {@code row} (this very array) is known to be common code at {@code maxFiles}. */
    boolean isCommon(long shape, byte[] row, int maxFiles) {
        Entry e = slots[slot(shape)];
        return e != null && e.row() == row && e.shape() == shape && e.commonUpTo() >= maxFiles;
    }

    /**
     * Remembers that {@code row} is common code for every threshold up to {@code commonUpTo}: a row that
     * holds an ignore-corpus entry is common at any threshold, one with more than {@code maxFiles}
     * distinct files at any threshold up to {@code maxFiles}.
     */
    void remember(long shape, byte[] row, int commonUpTo) {
        slots[slot(shape)] = new Entry(shape, row, commonUpTo);
    }
}
