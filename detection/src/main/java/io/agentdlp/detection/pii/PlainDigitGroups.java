package io.agentdlp.detection.pii;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;

/**
 * Proves, without libphonenumber, that a phone window written only with ASCII digits, spaces, dashes,
 * dots, slashes and {@code =} and without a plus (a date such as {@code 2025-03-06}, digit groups, the
 * {@code =12345678-} of {@code request_id=12345678-…}) cannot hold a valid number. Every string
 * libphonenumber's matcher parses from such a window (the whole candidate, and the pieces its
 * inner-match rules cut at spaces, dots, slashes and spaced dashes; a candidate never holds an
 * {@code =} outside an {@code ;ext=} extension, which needs letters) has as digits the digits of a
 * contiguous range of the window's digit groups. Parsed with the default region, a digit string
 * that neither starts with the region's calling code nor can start a national prefix or an
 * international prefix is a national significant number as written, and is valid only if its length
 * is a possible length of a region sharing the calling code. A window none of whose group ranges
 * passes that test holds no valid number. A range the matcher drops for a Latin letter glued to it is
 * not tried. Read from the same metadata as libphonenumber; a region
 * whose national prefix rule rewrites digits, or that lists no lengths, disables the proof.
 */
final class PlainDigitGroups {
    private static final int MAX_GROUPS = 8;
    /**
     * Windows with more digits are left to libphonenumber. Up to this many, every candidate the matcher
     * reads is a contiguous range of whole groups: its candidate pattern takes up to 21 blocks of up to
     * 20 digits, more than 8 groups of 48 digits in all can need.
     */
    private static final int MAX_DIGITS = 48;
    private static final int PROBE_BUDGET = 100_000;
    private static final int PREFIX_DIGITS = 3;

    private final boolean enabled;
    private final int minDigits;
    private final boolean[] validLength = new boolean[MAX_DIGITS + 1];
    /**
     * By its first one, two and three digits (index {@code [k-1][digits]}): whether a digit string
     * can have a prefix stripped or a calling code read. A string starting with
     * {@code 03} cannot start the prefix 011, while one starting with {@code 0} alone could.
     */
    private final boolean[][] mayStrip = {new boolean[10], new boolean[100], new boolean[1000]};
    /** As {@link #mayStrip}, for the international prefix alone: after it comes another country's number. */
    private final boolean[][] mayStartInternational = {new boolean[10], new boolean[100], new boolean[1000]};
    /**
     * By length: the general-description patterns of the regions sharing the calling code that list
     * the length as possible. A valid number's national significant number matches one of them
     * (validation checks the general description of the region it assigns the number to).
     */
    private final List<List<Pattern>> nationalPatterns = new ArrayList<>();
    /** Whether a number type of a region sharing the calling code can match, by length and first digits. */
    private final NumberTypeStarts typeStarts;
    private final RangeTest lengthAllows = this::rangeLengthAllows;
    private final RangeTest nationalPatternMayMatch = (digits, from, length) -> rangeLengthAllows(digits, from, length)
            && (startsInternational(digits, from, length) || nationalNumberMayMatch(digits, from, length));

    PlainDigitGroups(PhoneNumberUtil util, String region) {
        PhoneMetadata metadata = util.getSupportedRegions().contains(region)
                ? DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource().getMetadataForRegion(region)
                : null;
        boolean usable = metadata != null && metadata.getNationalPrefixTransformRule().isEmpty();
        List<PhoneMetadata> sharingRegions = new ArrayList<>();
        List<Set<String>> patternsByLength = new ArrayList<>();
        for (int length = 0; length <= MAX_DIGITS; length++) {
            patternsByLength.add(new LinkedHashSet<>());
        }
        if (usable) {
            int code = metadata.getCountryCode();
            for (String sharing : util.getRegionCodesForCountryCode(code)) {
                PhoneMetadata m = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource()
                        .getMetadataForRegion(sharing);
                sharingRegions.add(m);
                if (m.getGeneralDesc().getPossibleLengthCount() == 0) {
                    usable = false;
                }
                for (int length : m.getGeneralDesc().getPossibleLengthList()) {
                    if (length > 0 && length <= MAX_DIGITS) {
                        validLength[length] = true;
                        patternsByLength.get(length).add(m.getGeneralDesc().getNationalNumberPattern());
                    }
                }
            }
            Pattern nationalPrefix = Pattern.compile(metadata.getNationalPrefixForParsing());
            Pattern internationalPrefix = Pattern.compile(metadata.getInternationalPrefix());
            String callingCode = Integer.toString(code);
            for (int k = 1; k <= PREFIX_DIGITS; k++) {
                for (int p = 0; p < mayStrip[k - 1].length; p++) {
                    String first = digits(p, k);
                    mayStartInternational[k - 1][p] = mayStartMatch(internationalPrefix, first);
                    mayStrip[k - 1][p] = callingCode.startsWith(first) || first.startsWith(callingCode)
                            || (!metadata.getNationalPrefixForParsing().isEmpty() && mayStartMatch(nationalPrefix, first))
                            || mayStartInternational[k - 1][p];
                }
            }
        }
        for (Set<String> patterns : patternsByLength) {
            nationalPatterns.add(patterns.stream().map(Pattern::compile).toList());
        }
        this.typeStarts = new NumberTypeStarts(sharingRegions, MAX_DIGITS);
        this.enabled = usable;
        this.minDigits = PhoneNumberLengths.withoutPlus(util, region);
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
     * dashes, dots, slashes, {@code =}) and no contiguous range of its digit groups can be a valid number.
     */
    boolean mayHoldValidNumber(String text, int start, int end) {
        return anyGroupRange(text, start, end, lengthAllows, new Groups());
    }

    /**
     * False when {@link #mayHoldValidNumber} is, and also when no range of digit groups whose length
     * allows a valid number can have a national significant number matching the general description
     * of a region sharing the calling code where its length is possible, and whose length and first
     * digits some number type of such a region allows ({@link NumberTypeStarts}). Read with the default region,
     * a digit string that cannot start a prefix is its own national significant number; one that can
     * start the calling code or the national prefix has as national significant number itself or what
     * remains after stripping, a suffix of it (every suffix is tried); one that can start the
     * international prefix is left to libphonenumber (what follows is another country's number). Runs
     * the patterns, so meant for the windows {@link #mayHoldValidNumber} keeps.
     */
    boolean mayMatchNationalPattern(String text, int start, int end) {
        return mayMatchNationalPattern(text, start, end, new Groups());
    }

    /** As {@link #mayMatchNationalPattern(String, int, int)}, reading the window into {@code scratch} (one per thread and text, reused by its windows). */
    boolean mayMatchNationalPattern(String text, int start, int end, Groups scratch) {
        return anyGroupRange(text, start, end, nationalPatternMayMatch, scratch);
    }

    /** A test of the digits {@code [from, from + length)} of a window's digit string. */
    private interface RangeTest {
        boolean test(char[] digits, int from, int length);
    }

    /**
     * Whether the window is not plain, or some contiguous range of its digit groups that libphonenumber's
     * matcher would keep passes {@code test}: a range that starts the window right after a Latin letter, or
     * ends it right before one, is never kept.
     */
    private boolean anyGroupRange(String text, int start, int end, RangeTest test, Groups g) {
        if (!enabled) {
            return true;
        }
        if (!g.read(text, start, end)) {
            return true;
        }
        // libphonenumber's matcher (leniency VALID) drops a parsed string that starts with a digit right after a
        // Latin letter or ends right before one (the git mode in "index b622f31..26019e3 100644" after the hash's e)
        int firstFrom = start > 0 && isDigit(text.charAt(start)) && isAsciiLetter(text.charAt(start - 1)) ? 1 : 0;
        int lastTo = end < text.length() && isDigit(text.charAt(end - 1)) && isAsciiLetter(text.charAt(end)) ? g.count - 1 : g.count;
        for (int from = firstFrom; from < g.count; from++) {
            for (int to = from + 1; to <= lastTo; to++) {
                if (test.test(g.digits, g.at[from], g.at[to] - g.at[from])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (char) ((c | 0x20) - 'a') < 26;
    }

    private boolean rangeLengthAllows(char[] digits, int from, int length) {
        return validLength[length] || (length >= minDigits && mayStrip(digits, from, length));
    }

    private boolean nationalNumberMayMatch(char[] digits, int from, int length) {
        if (!mayStrip(digits, from, length)) {
            return matchesNationalPattern(digits, from, length);
        }
        for (int suffix = from; suffix < from + length; suffix++) {
            if (matchesNationalPattern(digits, suffix, from + length - suffix)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesNationalPattern(char[] digits, int from, int length) {
        List<Pattern> patterns = nationalPatterns.get(length);
        if (patterns.isEmpty() || !typeStarts.may(digits, from, length)) {
            return false;
        }
        String national = new String(digits, from, length);
        for (Pattern p : patterns) {
            if (p.matcher(national).matches()) {
                return true;
            }
        }
        return false;
    }

    private boolean mayStrip(char[] digits, int from, int length) {
        return mayStrip[Math.min(PREFIX_DIGITS, length) - 1][firstDigits(digits, from, length)];
    }

    private boolean startsInternational(char[] digits, int from, int length) {
        return mayStartInternational[Math.min(PREFIX_DIGITS, length) - 1][firstDigits(digits, from, length)];
    }

    /** The first (up to {@link #PREFIX_DIGITS}) digits of a digit string as a number, the index into the prefix tables. */
    private static int firstDigits(char[] digits, int from, int length) {
        int k = Math.min(PREFIX_DIGITS, length);
        int key = 0;
        for (int i = 0; i < k; i++) {
            key = key * 10 + digits[from + i] - '0';
        }
        return key;
    }

    /** The digits of a plain window and where each of its digit groups starts among them: scratch space, read into again for each window. */
    static final class Groups {
        private final char[] digits = new char[MAX_DIGITS];
        private final int[] at = new int[MAX_GROUPS + 1];
        private int count;

        /** Reads a window; false when it is not plain or has more groups or digits than are modelled. */
        boolean read(String text, int start, int end) {
            count = 0;
            int n = 0;
            int i = start;
            while (i < end) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    if (count == MAX_GROUPS) {
                        return false;
                    }
                    at[count++] = n;
                    while (i < end && (c = text.charAt(i)) >= '0' && c <= '9') {
                        if (n == MAX_DIGITS) {
                            return false;
                        }
                        digits[n++] = c;
                        i++;
                    }
                } else if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '=') {
                    i++;
                } else {
                    return false;
                }
            }
            at[count] = n;
            return true;
        }
    }
}
