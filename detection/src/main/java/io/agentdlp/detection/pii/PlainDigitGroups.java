package io.agentdlp.detection.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;

/**
 * Proves, without libphonenumber, that a phone window written only with ASCII digits, spaces, dashes
 * and dots and without a plus (a date such as {@code 2025-03-06}, digit groups) cannot hold a valid
 * number. Every string libphonenumber's matcher parses from such a window (the whole candidate, and
 * the pieces its inner-match rules cut at spaces, dots and spaced dashes) has as digits the digits
 * of a contiguous range of the window's digit groups. Parsed with the default region, a digit string
 * that neither starts with the region's calling code nor can start a national prefix or an
 * international prefix is a national significant number as written, and is valid only if its length
 * is a possible length of a region sharing the calling code. A window none of whose group ranges
 * passes that test holds no valid number. Read from the same metadata as libphonenumber; a region
 * whose national prefix rule rewrites digits, or that lists no lengths, disables the proof.
 */
final class PlainDigitGroups {
    private static final int MAX_GROUPS = 8;
    private static final int MAX_DIGITS = 24;
    private static final int PROBE_BUDGET = 100_000;
    private static final int PREFIX_DIGITS = 3;

    private final boolean enabled;
    private final boolean[] validLength = new boolean[MAX_DIGITS + 1];
    /**
     * By its first one, two and three digits (index {@code [k-1][digits]}): whether a digit string
     * can have a prefix stripped or a calling code read. A string starting with
     * {@code 03} cannot start the prefix 011, while one starting with {@code 0} alone could.
     */
    private final boolean[][] mayStrip = {new boolean[10], new boolean[100], new boolean[1000]};

    PlainDigitGroups(PhoneNumberUtil util, String region) {
        PhoneMetadata metadata = util.getSupportedRegions().contains(region)
                ? DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource().getMetadataForRegion(region)
                : null;
        boolean usable = metadata != null && metadata.getNationalPrefixTransformRule().isEmpty();
        if (usable) {
            int code = metadata.getCountryCode();
            for (String sharing : util.getRegionCodesForCountryCode(code)) {
                PhoneMetadata m = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource()
                        .getMetadataForRegion(sharing);
                if (m.getGeneralDesc().getPossibleLengthCount() == 0) {
                    usable = false;
                }
                for (int length : m.getGeneralDesc().getPossibleLengthList()) {
                    if (length > 0 && length <= MAX_DIGITS) {
                        validLength[length] = true;
                    }
                }
            }
            Pattern nationalPrefix = Pattern.compile(metadata.getNationalPrefixForParsing());
            Pattern internationalPrefix = Pattern.compile(metadata.getInternationalPrefix());
            String callingCode = Integer.toString(code);
            for (int k = 1; k <= PREFIX_DIGITS; k++) {
                for (int p = 0; p < mayStrip[k - 1].length; p++) {
                    String first = digits(p, k);
                    mayStrip[k - 1][p] = callingCode.startsWith(first) || first.startsWith(callingCode)
                            || (!metadata.getNationalPrefixForParsing().isEmpty() && mayStartMatch(nationalPrefix, first))
                            || mayStartMatch(internationalPrefix, first);
                }
            }
        }
        this.enabled = usable;
    }

    private static String digits(int value, int length) {
        StringBuilder sb = new StringBuilder(Integer.toString(value));
        while (sb.length() < length) {
            sb.insert(0, '0');
        }
        return sb.toString();
    }

    /**
     * Whether some digit string starting with {@code first} has a prefix the pattern matches
     * ({@code lookingAt}, as the parser). A failed match that did not read to the end of the input
     * fails for every longer input too; otherwise each next digit is tried, up to a budget of
     * probes, beyond which the answer is a conservative yes.
     */
    private static boolean mayStartMatch(Pattern prefix, String first) {
        int[] budget = {PROBE_BUDGET};
        return mayMatchFrom(prefix.matcher(""), new StringBuilder(first), budget);
    }

    private static boolean mayMatchFrom(Matcher m, StringBuilder digits, int[] budget) {
        if (--budget[0] < 0) {
            return true;
        }
        m.reset(digits);
        if (m.lookingAt()) {
            return true;
        }
        if (!m.hitEnd()) {
            return false;
        }
        for (char d = '0'; d <= '9'; d++) {
            digits.append(d);
            boolean may = mayMatchFrom(m, digits, budget);
            digits.setLength(digits.length() - 1);
            if (may) {
                return true;
            }
        }
        return false;
    }

    /**
     * False only when the window {@code [start, end)} of {@code text} is plain (ASCII digits, spaces,
     * dashes, dots) and no contiguous range of its digit groups can be a valid number.
     */
    boolean mayHoldValidNumber(String text, int start, int end) {
        if (!enabled) {
            return true;
        }
        char[] digits = new char[MAX_DIGITS];
        int[] groupAt = new int[MAX_GROUPS + 1];
        int groups = 0;
        int count = 0;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (groups == MAX_GROUPS) {
                    return true;
                }
                groupAt[groups++] = count;
                while (i < end && (c = text.charAt(i)) >= '0' && c <= '9') {
                    if (count == MAX_DIGITS) {
                        return true;
                    }
                    digits[count++] = c;
                    i++;
                }
            } else if (c == ' ' || c == '-' || c == '.') {
                i++;
            } else {
                return true;
            }
        }
        groupAt[groups] = count;
        for (int from = 0; from < groups; from++) {
            for (int to = from + 1; to <= groups; to++) {
                int length = groupAt[to] - groupAt[from];
                if (validLength[length] || mayStrip(digits, groupAt[from], length)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean mayStrip(char[] digits, int from, int length) {
        int k = Math.min(PREFIX_DIGITS, length);
        int key = 0;
        for (int i = 0; i < k; i++) {
            key = key * 10 + digits[from + i] - '0';
        }
        return mayStrip[k - 1][key];
    }
}
