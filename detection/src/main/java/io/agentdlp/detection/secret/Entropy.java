package io.agentdlp.detection.secret;

/** Shannon entropy of a string's characters. */
final class Entropy {
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
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int k = 0; k < counts.length; k++) {
            int c = counts[k];
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
                counts[k] = 0;
            }
        }
        if (other > 0) {
            double p = (double) other / n;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }
}
