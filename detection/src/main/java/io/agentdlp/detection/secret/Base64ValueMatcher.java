package io.agentdlp.detection.secret;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The built-in rules for a base64 credential after a key, matched by hand at their keyword: {@code docker-config-auth}
 * ({@code "auth": "…"} in a Docker config) and {@code npmrc-basic-auth} ({@code _auth=…} in an {@code .npmrc}). The
 * key, up to four {@code \s} blanks, the separator, up to four blanks, the opening quote (required or optional), a
 * greedy run of {@code [A-Za-z0-9+/]} and up to two {@code =}, then a closing quote if the rule has one. A rule is
 * recognised by its exact pattern source and flags, as {@link AuthorizationHeaderMatcher}; any other keeps the regex.
 *
 * <p>Every counted or optional part is followed by a part that cannot start with the chars it consumes (blanks by
 * the separator, a quote or the run; the quote by the run; the run by {@code =} or the closing quote; the padding
 * by the closing quote), so giving back a char never lets the rest match: the regex engine's first, greedy attempt
 * decides, and that attempt is the walk below. Every class is ASCII-only, as Java's {@code \s} and {@code (?i)}
 * without {@code UNICODE_CASE}, so a non-ASCII char is outside each of them in both. {@code Base64ValueMatcherTest}
 * compares the walk with the regex.
 */
final class Base64ValueMatcher implements AnchoredMatcher {
    private static final Map<String, Base64ValueMatcher> BUILT_IN = Map.of(
            "\"auth\"\\s{0,4}:\\s{0,4}\"([A-Za-z0-9+/]{8,400}={0,2})\"",
            new Base64ValueMatcher(0, false, "\"auth\"", false, ':', "\"", true, 400, true),
            "(?im)(?<![^:\\n])_auth\\s{0,4}=\\s{0,4}[\"\\']?([A-Za-z0-9+/]{8,300}={0,2})",
            new Base64ValueMatcher(Pattern.CASE_INSENSITIVE | Pattern.MULTILINE, true, "_auth", true, '=', "\"'", false, 300,
                    false));
    private static final int MIN_VALUE = 8;
    private static final int MAX_PADDING = 2;
    private static final int MAX_BLANKS = 4;

    /** The pattern's flags, its inline ones included: any other flag (such as {@code UNICODE_CASE}) keeps the regex. */
    private final int flags;
    /** {@code (?<![^:\n])}: the key starts the text, a line or follows {@code :}. */
    private final boolean afterColonOrLineStart;
    /** The key, lower case when matched ignoring case. */
    private final String key;
    private final boolean keyIgnoresCase;
    private final char separator;
    private final String quotes;
    private final boolean quoteRequired;
    private final int maxValue;
    /** The value is closed by the quote that opened it ({@code "}, the only opening quote of such a rule). */
    private final boolean closingQuote;

    private Base64ValueMatcher(int flags, boolean afterColonOrLineStart, String key, boolean keyIgnoresCase, char separator,
                               String quotes, boolean quoteRequired, int maxValue, boolean closingQuote) {
        this.flags = flags;
        this.afterColonOrLineStart = afterColonOrLineStart;
        this.key = key;
        this.keyIgnoresCase = keyIgnoresCase;
        this.separator = separator;
        this.quotes = quotes;
        this.quoteRequired = quoteRequired;
        this.maxValue = maxValue;
        this.closingQuote = closingQuote;
    }

    /** The matcher of a built-in rule's pattern, or null for any other pattern. */
    static Base64ValueMatcher of(Pattern pattern) {
        Base64ValueMatcher m = BUILT_IN.get(pattern.pattern());
        return m != null && pattern.flags() == m.flags ? m : null;
    }

    @Override
    public int match(char[] text, int length, int start, int end, int[] group) {
        if (afterColonOrLineStart && start > 0 && text[start - 1] != ':' && text[start - 1] != '\n') {
            return AssignmentMatcher.NO_MATCH;
        }
        if (!RegexLiterals.wordAt(text, start, end, key, keyIgnoresCase)) {
            return AssignmentMatcher.NO_MATCH;
        }
        int i = RegexLiterals.blanks(text, start + key.length(), end, MAX_BLANKS);
        if (i >= end || text[i] != separator) {
            return AssignmentMatcher.NO_MATCH;
        }
        i = RegexLiterals.blanks(text, i + 1, end, MAX_BLANKS);
        if (i < end && quotes.indexOf(text[i]) >= 0) {
            i++;
        } else if (quoteRequired) {
            return AssignmentMatcher.NO_MATCH;
        }
        int from = i;
        int stop = Math.min(end, from + maxValue);
        while (i < stop && isBase64(text[i])) {
            i++;
        }
        if (i - from < MIN_VALUE) {
            return AssignmentMatcher.NO_MATCH;
        }
        int runEnd = i;
        while (i < end && i - runEnd < MAX_PADDING && text[i] == '=') {
            i++;
        }
        if (closingQuote && (i >= end || text[i] != '"')) {
            return AssignmentMatcher.NO_MATCH;
        }
        group[0] = from;
        group[1] = i;
        return closingQuote ? i + 1 : i;
    }

    private static boolean isBase64(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }
}
