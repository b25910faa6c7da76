package io.agentdlp.detection.secret;

import java.util.Arrays;

/**
 * A stable sort of items by a tuple of up to four non-negative ints, done as one primitive sort of longs: each
 * item's fields and its index are packed into one long, most significant field first and the index last, so the
 * longs' order is the tuple's order with ties kept in index order. Only when the fields' widths and the index fit
 * in 63 bits; the caller sorts otherwise. Sorting objects with a comparator cost the findings step a few per cent
 * of the scan for a dozen candidates. Reused by one thread.
 */
final class PackedOrder {
    private long[] keys = new long[16];
    private int count;
    private int bitsB;
    private int bitsC;
    private int bitsD;
    private int indexBits;

    /** Bits needed for values from 0 to {@code max} ({@code max >= 0}). */
    static int bits(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }

    /**
     * Starts an order of {@code n} items whose fields take the given bits; false (and no order started) when
     * they and the index do not fit in 63 bits.
     */
    boolean begin(int n, int bitsA, int bitsB, int bitsC, int bitsD) {
        int index = bits(Math.max(0, n - 1));
        if (bitsA + bitsB + bitsC + bitsD + index > 63) {
            return false;
        }
        if (keys.length < n) {
            keys = new long[Math.max(n, keys.length * 2)];
        }
        this.bitsB = bitsB;
        this.bitsC = bitsC;
        this.bitsD = bitsD;
        this.indexBits = index;
        this.count = 0;
        return true;
    }

    /** Adds the next item (index 0, 1, …); each field must fit its bits. */
    void add(int a, int b, int c, int d) {
        long key = (long) a << bitsB | b;
        key = key << bitsC | c;
        key = key << bitsD | d;
        keys[count] = key << indexBits | count;
        count++;
    }

    void sort() {
        Arrays.sort(keys, 0, count);
    }

    /** The index of the item at {@code rank} of the order. */
    int indexAt(int rank) {
        return (int) (keys[rank] & ((1L << indexBits) - 1));
    }
}
