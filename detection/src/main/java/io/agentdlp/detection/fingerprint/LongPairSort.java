package io.agentdlp.detection.fingerprint;

/**
 * Sorts two parallel long arrays by the first, as unsigned values (the byte order of big-endian RocksDB
 * keys), then by the second: an in-place introsort-free quicksort with insertion sort for small ranges,
 * so millions of postings sort without boxing.
 */
final class LongPairSort {
    private static final int INSERTION = 24;

    private LongPairSort() {
    }

    static void sort(long[] keys, long[] values, int n) {
        for (int i = 0; i < n; i++) {
            keys[i] ^= Long.MIN_VALUE;
        }
        quicksort(keys, values, 0, n - 1);
        for (int i = 0; i < n; i++) {
            keys[i] ^= Long.MIN_VALUE;
        }
    }

    private static boolean less(long[] k, long[] v, int i, long pk, long pv) {
        return k[i] < pk || (k[i] == pk && v[i] < pv);
    }

    private static void quicksort(long[] k, long[] v, int lo, int hi) {
        while (hi - lo > INSERTION) {
            int mid = (lo + hi) >>> 1;
            median(k, v, lo, mid, hi);
            long pk = k[mid];
            long pv = v[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (less(k, v, i, pk, pv)) {
                    i++;
                }
                while (k[j] > pk || (k[j] == pk && v[j] > pv)) {
                    j--;
                }
                if (i <= j) {
                    swap(k, v, i++, j--);
                }
            }
            if (j - lo < hi - i) {
                quicksort(k, v, lo, j);
                lo = i;
            } else {
                quicksort(k, v, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && less(k, v, j, k[j - 1], v[j - 1]); j--) {
                swap(k, v, j, j - 1);
            }
        }
    }

    private static void median(long[] k, long[] v, int a, int b, int c) {
        if (less(k, v, b, k[a], v[a])) {
            swap(k, v, a, b);
        }
        if (less(k, v, c, k[b], v[b])) {
            swap(k, v, b, c);
            if (less(k, v, b, k[a], v[a])) {
                swap(k, v, a, b);
            }
        }
    }

    private static void swap(long[] k, long[] v, int i, int j) {
        long t = k[i];
        k[i] = k[j];
        k[j] = t;
        t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}
