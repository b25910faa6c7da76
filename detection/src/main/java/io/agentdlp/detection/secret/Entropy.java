package io.agentdlp.detection.secret;

/** Shannon entropy of a string's characters. */
final class Entropy {
    /** Longest string whose terms come from {@link #TERMS}; longer ones compute them. */
    static final int TABULATED = 256;
    /**
     * {@code TERMS[n][c]} is {@code p * Math.log(p)} for {@code p = (double) c / n}: the same expression
     * as {@link #term}, so a tabulated entropy is the computed one, bit for bit (checks compare it with a
     * threshold). Most values are short, and a {@code Math.log} per distinct char was most of the
     * entropy's cost.
     */
    private static final double[][] TERMS = new double[TABULATED + 1][];

    static {
        for (int n = 1; n <= TABULATED; n++) {
            TERMS[n] = new double[n + 1];
            for (int c = 1; c <= n; c++) {
                TERMS[n][c] = term(c, n);
            }
        }
    }

    private Entropy() {
    }

    /** Bits per char; 0 for empty input. */
    static double bitsPerChar(CharSequence s) {
        return bitsPerChar(s, new int[128]);
    }

    /** Same, counting in {@code counts} (128 zeros, left zeroed) to spare the hot path an allocation. */
    static double bitsPerChar(CharSequence s, int[] counts) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int other = 0;
        // the ASCII chars present, so that the sum visits those counts only (in increasing order, as a walk over
        // all 128 would: the same terms in the same order give the same double)
        long low = 0;
        long high = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
                long bit = 1L << c;
                long isLow = (c - 64) >> 31;
                low |= bit & isLow;
                high |= bit & ~isLow;
            } else {
                other++;
            }
        }
        double[] terms = n <= TABULATED ? TERMS[n] : null;
        double h = 0;
        h = sum(counts, low, 0, terms, n, h);
        h = sum(counts, high, 64, terms, n, h);
        if (other > 0) {
            h -= terms != null ? terms[other] : term(other, n);
        }
        return h / Math.log(2);
    }

    /** Subtracts from {@code h} the terms of the chars {@code base + k} for the set bits {@code k} of {@code present}. */
    private static double sum(int[] counts, long present, int base, double[] terms, int n, double h) {
        for (long rest = present; rest != 0; rest &= rest - 1) {
            int k = base + Long.numberOfTrailingZeros(rest);
            int c = counts[k];
            h -= terms != null ? terms[c] : term(c, n);
            counts[k] = 0;
        }
        return h;
    }

    /** The entropy term of a char occurring {@code c} times among {@code n}. */
    static double term(int c, int n) {
        double p = (double) c / n;
        return p * Math.log(p);
    }
}
