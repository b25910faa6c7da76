package io.agentdlp.detection.pii;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;

/**
 * By length and first three digits, whether a national significant number can be valid in one of a
 * set of regions (those sharing a calling code). Validation finds the number's type: its digits must
 * match the pattern of one of the region's number types (fixed line, mobile, toll free, premium rate,
 * shared cost, personal, VoIP, pager, UAN, voicemail) for which its length is possible. The patterns
 * are probed once, at construction, digit string by digit string (a failed full match that did not
 * hit the end of the input fails for every longer input), so a scan only looks up a table where
 * running the regions' large type patterns per digit range would cost what it saves.
 */
final class NumberTypeStarts {
    private static final int FIRST_DIGITS = 3;

    /** {@code [length][first min(3, length) digits]}: whether some type pattern may match. */
    private final boolean[][] may;

    NumberTypeStarts(List<PhoneMetadata> regions, int maxLength) {
        may = new boolean[maxLength + 1][];
        for (int length = 0; length <= maxLength; length++) {
            may[length] = new boolean[pow10(Math.min(FIRST_DIGITS, length))];
        }
        Map<String, boolean[][]> probed = new HashMap<>();
        for (PhoneMetadata region : regions) {
            List<Integer> general = region.getGeneralDesc().getPossibleLengthList();
            for (PhoneNumberDesc type : types(region)) {
                if (type.getNationalNumberPattern().isEmpty()) {
                    continue;
                }
                List<Integer> lengths = type.getPossibleLengthCount() == 0 ? general : type.getPossibleLengthList();
                boolean[][] starts = probed.computeIfAbsent(type.getNationalNumberPattern(), NumberTypeStarts::probe);
                for (int length : lengths) {
                    if (length > 0 && length <= maxLength) {
                        boolean[] from = length <= FIRST_DIGITS ? starts[length - 1] : starts[FIRST_DIGITS];
                        for (int p = 0; p < from.length; p++) {
                            may[length][p] |= from[p];
                        }
                    }
                }
            }
        }
    }

    private static List<PhoneNumberDesc> types(PhoneMetadata m) {
        return List.of(m.getFixedLine(), m.getMobile(), m.getTollFree(), m.getPremiumRate(), m.getSharedCost(),
                m.getPersonalNumber(), m.getVoip(), m.getPager(), m.getUan(), m.getVoicemail());
    }

    /**
     * For one pattern: {@code [k - 1][digits]} for k = 1..3, whether the k digits match it exactly, and
     * {@code [3][digits]} whether some longer digit string starting with the three digits may match it.
     */
    private static boolean[][] probe(String regex) {
        Matcher m = Pattern.compile(regex).matcher("");
        boolean[][] out = {new boolean[10], new boolean[100], new boolean[1000], new boolean[1000]};
        probe(m, new StringBuilder(), 0, out);
        return out;
    }

    private static void probe(Matcher m, StringBuilder digits, int value, boolean[][] out) {
        for (int d = 0; d <= 9; d++) {
            digits.append((char) ('0' + d));
            int next = value * 10 + d;
            m.reset(digits);
            boolean exact = m.matches();
            boolean longer = m.hitEnd();
            out[digits.length() - 1][next] = exact;
            if (digits.length() == FIRST_DIGITS) {
                out[FIRST_DIGITS][next] = longer;
            } else if (exact || longer) {
                probe(m, digits, next, out);
            }
            digits.setLength(digits.length() - 1);
        }
    }

    /** Whether the digits {@code [from, from + length)} may match a type pattern, by their length and first digits. */
    boolean may(char[] digits, int from, int length) {
        if (length >= may.length) {
            return false;
        }
        int key = 0;
        for (int i = 0; i < Math.min(FIRST_DIGITS, length); i++) {
            key = key * 10 + digits[from + i] - '0';
        }
        return may[length][key];
    }

    private static int pow10(int k) {
        int p = 1;
        for (int i = 0; i < k; i++) {
            p *= 10;
        }
        return p;
    }
}
