package io.agentdlp.detection.secret;

import java.util.Map;

/**
 * The built-in rules for a credential in an {@code Authorization} header, matched by hand at their keyword: the
 * header name ({@code (?i:authorization)}), an optional quote, up to four {@code \s} blanks, the separator, up to
 * four blanks, an optional quote, the scheme word, one to four blanks and the value, a greedy run of one class
 * followed by {@code =} padding, with or without a trailing {@code (?![...])}. A rule is recognised by its exact
 * pattern source, as {@link AllowShape} recognises allow patterns; any other pattern keeps the regex.
 *
 * <p>Every optional or counted part is followed by a part that cannot start with the chars it consumes (a quote
 * by a blank, the separator or the scheme; blanks by the separator, a quote, the scheme or the value, whose class
 * holds no blank; the value's run by {@code =}, outside its class), so giving back a char never lets the rest
 * match: the regex engine's first attempt decides, and that attempt is the greedy walk below. With a trailing
 * lookahead whose class holds the value's class and {@code =}, giving back value or padding chars puts one of
 * those chars after the match, so a failed lookahead fails the match. Java's {@code \s} and {@code (?i)} without
 * flags are ASCII-only, as the walk. {@code AuthorizationHeaderMatcherTest} compares it with the regex.
 */
final class AuthorizationHeaderMatcher implements AnchoredMatcher {
    private static final String HEADER = "authorization";
    private static final String VALUE_CLASS_BEARER = "A-Za-z0-9_\\-.~+/";
    private static final String VALUE_CLASS_BASE64 = "A-Za-z0-9+/";

    private static final Map<String, AuthorizationHeaderMatcher> BUILT_IN = Map.of(
            "(?i:authorization)[\"\\']?\\s{0,4}[:=]\\s{0,4}[\"\\']?(?i:bearer|token)\\s{1,4}([A-Za-z0-9_\\-.~+/]{20,2048}=*)",
            new AuthorizationHeaderMatcher(":=", new String[]{"bearer", "token"}, true, VALUE_CLASS_BEARER, 20, 2048,
                    Integer.MAX_VALUE, null, false),
            "(?i:authorization)[\"\\']?\\s{0,4}[:=]\\s{0,4}[\"\\']?(?i:basic)\\s{1,4}([A-Za-z0-9+/]{8,512}={0,2})",
            new AuthorizationHeaderMatcher(":=", new String[]{"basic"}, true, VALUE_CLASS_BASE64, 8, 512, 2, null, false),
            "(?:(?i:authorization)[\"\\']?\\s{0,4}:\\s{0,4}[\"\\']?ApiKey\\s{1,4}|(?i:elastic(?:search)?[\\w.\\-]{0,20}?api"
                    + "[_.\\-]?key)[\"']?[ \\t]{0,4}(?:=|:=|=>|:|\\?=)[ \\t]{0,4}[\"'`]?)([A-Za-z0-9+/]{40,200}={0,2})"
                    + "(?![A-Za-z0-9+/=])",
            new AuthorizationHeaderMatcher(":", new String[]{"ApiKey"}, false, VALUE_CLASS_BASE64, 40, 200, 2,
                    VALUE_CLASS_BASE64 + "=", true));

    private final String separators;
    private final String[] schemes;
    private final boolean schemeIgnoresCase;
    private final boolean[] valueClass;
    private final int minValue;
    private final int maxValue;
    private final int maxPadding;
    /** The class of the trailing {@code (?![...])}, or null without one. */
    private final boolean[] notAfter;
    /** The header is the regex's first alternative: a text without it is left to the regex. */
    private final boolean otherAlternative;

    private AuthorizationHeaderMatcher(String separators, String[] schemes, boolean schemeIgnoresCase, String valueClass,
                                       int minValue, int maxValue, int maxPadding, String notAfter, boolean otherAlternative) {
        this.separators = separators;
        this.schemes = schemes;
        this.schemeIgnoresCase = schemeIgnoresCase;
        this.valueClass = TokenEdges.asciiMembers(valueClass);
        this.minValue = minValue;
        this.maxValue = maxValue;
        this.maxPadding = maxPadding;
        this.notAfter = notAfter == null ? null : TokenEdges.asciiMembers(notAfter);
        this.otherAlternative = otherAlternative;
    }

    /** The matcher of a built-in header rule's pattern source, or null for any other pattern. */
    static AuthorizationHeaderMatcher of(String patternSource) {
        return BUILT_IN.get(patternSource);
    }

    /**
     * {@inheritDoc} The match ends where the value (the secret group) ends; {@link AssignmentMatcher#UNDECIDED}
     * where the regex's other alternative may match.
     */
    @Override
    public int match(char[] text, int length, int start, int end, int[] group) {
        if (!RegexLiterals.wordAt(text, start, end, HEADER, true)) {
            return otherAlternative ? AssignmentMatcher.UNDECIDED : AssignmentMatcher.NO_MATCH;
        }
        int i = optionalQuote(text, start + HEADER.length(), end);
        i = RegexLiterals.blanks(text, i, end, 4);
        if (i >= end || separators.indexOf(text[i]) < 0) {
            return AssignmentMatcher.NO_MATCH;
        }
        i = optionalQuote(text, RegexLiterals.blanks(text, i + 1, end, 4), end);
        int afterScheme = -1;
        for (String scheme : schemes) {
            if (RegexLiterals.wordAt(text, i, end, scheme, schemeIgnoresCase)) {
                afterScheme = i + scheme.length();
                break;
            }
        }
        if (afterScheme < 0) {
            return AssignmentMatcher.NO_MATCH;
        }
        int from = RegexLiterals.blanks(text, afterScheme, end, 4);
        if (from == afterScheme) {
            return AssignmentMatcher.NO_MATCH;
        }
        int runEnd = from;
        int runStop = (int) Math.min(end, (long) from + maxValue);
        while (runEnd < runStop && text[runEnd] < 128 && valueClass[text[runEnd]]) {
            runEnd++;
        }
        if (runEnd - from < minValue) {
            return AssignmentMatcher.NO_MATCH;
        }
        int valueEnd = runEnd;
        while (valueEnd < end && valueEnd - runEnd < maxPadding && text[valueEnd] == '=') {
            valueEnd++;
        }
        if (notAfter != null && valueEnd < length && text[valueEnd] < 128 && notAfter[text[valueEnd]]) {
            return AssignmentMatcher.NO_MATCH;
        }
        group[0] = from;
        group[1] = valueEnd;
        return valueEnd;
    }

    private static int optionalQuote(char[] text, int i, int end) {
        return i < end && (text[i] == '"' || text[i] == '\'') ? i + 1 : i;
    }
}
