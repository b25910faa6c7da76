package io.agentdlp.detection.pii;

/**
 * The check-digit algorithms that separate real identifiers from look-alike digit runs. Each method
 * takes the identifier's characters without separators.
 */
final class Checksums {
    private static final int[][] VERHOEFF_D = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
            {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
            {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
            {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] VERHOEFF_P = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
            {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
            {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
    private static final int[] CN_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CN_CHECK = "10X98765432";
    private static final int[] PESEL_WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final String HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private Checksums() {
    }

    /** Luhn (mod 10): payment cards, Swedish personnummer. */
    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** ISO 13616 IBAN: move the first four characters to the end, letters to numbers, mod 97 == 1. */
    static boolean ibanMod97(CharSequence iban) {
        int n = iban.length();
        int rem = 0;
        for (int i = 0; i < n; i++) {
            char c = iban.charAt((i + 4) % n);
            if (c >= '0' && c <= '9') {
                rem = (rem * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                rem = (rem * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return rem == 1;
    }

    /** Verhoeff: Indian Aadhaar. */
    static boolean verhoeff(CharSequence digits) {
        int c = 0;
        int len = digits.length();
        for (int i = 0; i < len; i++) {
            int d = digits.charAt(len - 1 - i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            c = VERHOEFF_D[c][VERHOEFF_P[i % 8][d]];
        }
        return c == 0;
    }

    /** GB 11643-1999 ISO 7064 MOD 11-2: Chinese resident identity card (18 characters). */
    static boolean chineseResidentId(CharSequence id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int d = id.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            sum += d * CN_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == CN_CHECK.charAt(sum % 11);
    }

    /** Dutch BSN: the "11-proof" with the last digit weighted -1. */
    static boolean dutchBsn(CharSequence digits) {
        if (digits.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        sum -= digits.charAt(8) - '0';
        return sum % 11 == 0 && sum != 0;
    }

    /** Polish PESEL: weighted sum check digit. */
    static boolean pesel(CharSequence digits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * PESEL_WEIGHTS[i];
        }
        return (10 - sum % 10) % 10 == digits.charAt(10) - '0';
    }

    /** Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter): mod 23 letter. */
    static boolean spanishDniOrNie(CharSequence id) {
        String s = id.toString().toUpperCase(java.util.Locale.ROOT);
        char first = s.charAt(0);
        String numeric = switch (first) {
            case 'X' -> "0" + s.substring(1, 8);
            case 'Y' -> "1" + s.substring(1, 8);
            case 'Z' -> "2" + s.substring(1, 8);
            default -> s.substring(0, 8);
        };
        for (int i = 0; i < numeric.length(); i++) {
            if (!Character.isDigit(numeric.charAt(i))) {
                return false;
            }
        }
        return DNI_LETTERS.charAt(Integer.parseInt(numeric) % 23) == s.charAt(8);
    }

    /** Finnish henkilötunnus: DDMMYY, century sign, 3-digit individual number, mod-31 check character. */
    static boolean finnishHetu(CharSequence id) {
        String digits = id.subSequence(0, 6).toString() + id.subSequence(7, 10);
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return false;
            }
        }
        return HETU_CHECK.charAt((int) (Long.parseLong(digits) % 31)) == Character.toUpperCase(id.charAt(10));
    }
}
