package io.agentdlp.detection.secret;

/** Shannon entropy of a string's characters. */
final class Entropy {
    private Entropy() {
    }

    /** Bits per char; 0 for empty input. */
    static double bitsPerChar(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int[] counts = new int[128];
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
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
            }
        }
        if (other > 0) {
            double p = (double) other / n;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }
}
