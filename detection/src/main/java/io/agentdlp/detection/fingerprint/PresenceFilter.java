package io.agentdlp.detection.fingerprint;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * In-heap blocked bloom filter over the fingerprints present in the postings column family. Most probe
 * fingerprints are absent from the index; answering those in Java saves a JNI round trip each, which
 * is what takes lookups past a million per second. One 64-bit word per key, four bits set in it: a
 * single cache line is touched per lookup. Never answers "absent" for a present key; removals are not
 * reflected (the index then just checks RocksDB). Thread-safe: bits are set with atomic OR.
 */
final class PresenceFilter {
    private static final long SALT = 0x2545F4914F6CDD1DL;
    private static final int BITS_PER_KEY = 16;

    private final AtomicLongArray words;
    private final int shift;
    private final long capacity;

    private PresenceFilter(int log2Words, long capacity) {
        this.words = new AtomicLongArray(1 << log2Words);
        this.shift = 64 - log2Words;
        this.capacity = capacity;
    }

    /** A filter sized for {@code expectedKeys} distinct keys at 16 bits per key. */
    static PresenceFilter forKeys(long expectedKeys) {
        long wordsNeeded = Math.max(1024, expectedKeys * BITS_PER_KEY / 64);
        int log2 = 64 - Long.numberOfLeadingZeros(wordsNeeded - 1);
        log2 = Math.min(log2, 30);
        long capacity = (1L << log2) * 64 / BITS_PER_KEY;
        return new PresenceFilter(log2, capacity);
    }

    /** Keys the filter was sized for; beyond this the false-positive rate climbs. */
    long capacity() {
        return capacity;
    }

    void add(long key) {
        long g = Fingerprinter.mix(key ^ SALT);
        int word = (int) (g >>> shift);
        long bits = mask(g);
        long old;
        do {
            old = words.get(word);
            if ((old & bits) == bits) {
                return;
            }
        } while (!words.compareAndSet(word, old, old | bits));
    }

    boolean mightContain(long key) {
        long g = Fingerprinter.mix(key ^ SALT);
        long bits = mask(g);
        return (words.get((int) (g >>> shift)) & bits) == bits;
    }

    /**
     * Whether any of {@code keys[0, count)} might be present: what {@link #mightContain} of each, or-ed,
     * gives. Overwrites the keys with their hashes and {@code read[0, count)} with the filter words read.
     * A probe's words are in random places beyond the caches when other work ran in between, so they are
     * read in a loop of their own, with nothing else in it: the processor then has many of those misses in
     * flight at once instead of the few that fit beside the hashing (about twice as fast on cold caches).
     */
    boolean mightContainAny(long[] keys, int count, long[] read) {
        for (int i = 0; i < count; i++) {
            keys[i] = Fingerprinter.mix(keys[i] ^ SALT);
        }
        int s = shift;
        for (int i = 0; i < count; i++) {
            read[i] = words.get((int) (keys[i] >>> s));
        }
        long anyHeld = 0;
        for (int i = 0; i < count; i++) {
            long missing = mask(keys[i]) & ~read[i];
            // the sign bit of (x - 1) & ~x is set only for x == 0: every bit of the key is set
            anyHeld |= (missing - 1) & ~missing;
        }
        return anyHeld < 0;
    }

    private static long mask(long g) {
        return 1L << (g & 63) | 1L << ((g >>> 6) & 63) | 1L << ((g >>> 12) & 63) | 1L << ((g >>> 18) & 63);
    }

    void writeTo(OutputStream out, long sequence) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeLong(sequence);
        d.writeInt(64 - shift);
        d.writeLong(capacity);
        for (int i = 0; i < words.length(); i++) {
            d.writeLong(words.get(i));
        }
        d.flush();
    }

    /** Reads a filter written by {@link #writeTo}; null when it was written at another sequence number. */
    static PresenceFilter readFrom(InputStream in, long expectedSequence) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readLong() != expectedSequence) {
            return null;
        }
        int log2 = d.readInt();
        if (log2 < 1 || log2 > 30) {
            throw new IOException("corrupt presence filter: " + log2 + " words log2");
        }
        PresenceFilter f = new PresenceFilter(log2, d.readLong());
        for (int i = 0; i < f.words.length(); i++) {
            f.words.set(i, d.readLong());
        }
        return f;
    }
}
