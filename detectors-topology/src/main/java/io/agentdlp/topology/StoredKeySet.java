package io.agentdlp.topology;

/**
 * The keys a store holds, as 64-bit fingerprints with a count each (two keys may share a fingerprint),
 * kept by the processor that alone writes the store. Where most reads are of keys never stored (new
 * alert ids, new content hashes), the read (metered, record cache, RocksDB) would find nothing:
 * {@link #certainlyAbsent} says so without it. It never says so for a key the store holds; a
 * fingerprint shared with a stored key only costs the read. Past {@code limit} keys it stops tracking
 * and answers false from then on, so its memory stays bounded (about 24 bytes per key at the limit).
 * Make a new one in the processor's {@code init} from the store's keys: Kafka Streams initialises a
 * task's processors again after restoring its stores.
 */
public final class StoredKeySet {
    private static final int INITIAL_SLOTS = 1 << 10;

    private final int limit;
    private long[] fingerprints = new long[INITIAL_SLOTS];
    private int[] counts = new int[INITIAL_SLOTS];
    private int size;
    private boolean tracking = true;

    /** @param limit most keys tracked; beyond it every key may be present */
    public StoredKeySet(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    /** True once past the limit: nothing is tracked any more (a store's key scan can stop). */
    public boolean full() {
        return !tracking;
    }

    /** True only when the store certainly does not hold {@code key}. */
    public boolean certainlyAbsent(String key) {
        return tracking && counts[slot(fingerprint(key))] == 0;
    }

    /** Records that the store now holds {@code key}, which it did not hold before. */
    public void added(String key) {
        if (!tracking) {
            return;
        }
        if (size >= limit) {
            tracking = false;
            fingerprints = null;
            counts = null;
            return;
        }
        long f = fingerprint(key);
        int s = slot(f);
        if (counts[s]++ == 0) {
            fingerprints[s] = f;
            if (++size * 2 > fingerprints.length) {
                grow();
            }
        }
    }

    /** Records that the store no longer holds {@code key}, which it held before. */
    public void removed(String key) {
        if (!tracking) {
            return;
        }
        int s = slot(fingerprint(key));
        if (counts[s] == 0) {
            throw new IllegalStateException("a key was removed that was never added");
        }
        if (--counts[s] == 0) {
            size--;
            shiftBack(s);
        }
    }

    /** The slot holding fingerprint {@code f}, or the empty slot where it would go (linear probing). */
    private int slot(long f) {
        int mask = fingerprints.length - 1;
        int s = (int) (f ^ (f >>> 32)) & mask;
        while (counts[s] != 0 && fingerprints[s] != f) {
            s = (s + 1) & mask;
        }
        return s;
    }

    /** Closes the gap at {@code gap} left by a removal, so that every probe sequence stays unbroken. */
    private void shiftBack(int gap) {
        int mask = fingerprints.length - 1;
        int s = gap;
        while (true) {
            s = (s + 1) & mask;
            if (counts[s] == 0) {
                break;
            }
            int home = (int) (fingerprints[s] ^ (fingerprints[s] >>> 32)) & mask;
            // Move the entry at s into the gap when its home does not lie cyclically in (gap, s].
            boolean homeBetween = gap <= s ? gap < home && home <= s : gap < home || home <= s;
            if (!homeBetween) {
                fingerprints[gap] = fingerprints[s];
                counts[gap] = counts[s];
                counts[s] = 0;
                gap = s;
            }
        }
        counts[gap] = 0;
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        int[] oldCounts = counts;
        fingerprints = new long[oldFingerprints.length * 2];
        counts = new int[oldCounts.length * 2];
        for (int i = 0; i < oldCounts.length; i++) {
            if (oldCounts[i] != 0) {
                int s = slot(oldFingerprints[i]);
                fingerprints[s] = oldFingerprints[i];
                counts[s] = oldCounts[i];
            }
        }
    }

    /**
     * FNV-1a over the chars of the key as the store holds it ({@link StoreKeys#stored}: keys differing in lone
     * surrogates only are one entry), then a 64-bit finaliser (MurmurHash3's) to spread the bits.
     */
    private static long fingerprint(String key) {
        String stored = StoreKeys.stored(key);
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < stored.length(); i++) {
            h ^= stored.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
