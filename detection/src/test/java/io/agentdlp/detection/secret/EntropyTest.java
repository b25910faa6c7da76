package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class EntropyTest {

    /** The formula before the terms were tabulated: each term computed, in the same order. */
    private static double reference(String s) {
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

    /** Every ASCII char, so that the chars on both sides of 64 (two masks of the present chars) are met. */
    private static String allAscii() {
        StringBuilder sb = new StringBuilder(128);
        for (char c = 0; c < 128; c++) {
            sb.append(c);
        }
        return sb.toString();
    }

    @Test
    void tabulatedEntropyIsTheComputedOneBitForBit() {
        Random random = new Random(11);
        String[] alphabets = {"ab", "abcdef0123", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-",
                "x\u00e9\u4e2d", "0123456789", allAscii() + "\u00e9"};
        int[] counts = new int[128];
        for (int i = 0; i < 20_000; i++) {
            String alphabet = alphabets[random.nextInt(alphabets.length)];
            // lengths on both sides of the table's limit
            int n = random.nextInt(Entropy.TABULATED + 40);
            StringBuilder sb = new StringBuilder(n);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertThat(Double.doubleToRawLongBits(Entropy.bitsPerChar(s, counts))).as(s)
                    .isEqualTo(Double.doubleToRawLongBits(reference(s)));
            assertThat(counts).containsOnly(0);
        }
        assertThat(Entropy.bitsPerChar("")).isZero();
        assertThat(Entropy.bitsPerChar("abab")).isEqualTo(1.0);
    }
}
