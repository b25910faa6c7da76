package io.agentdlp.detection.secret;

import java.util.regex.Pattern;

/**
 * The built-in {@code url-credentials} rule ({@code scheme://user:password@host}) matched by hand at its keyword
 * {@code ://}, recognised by its exact pattern source and no flags; the secret is the password (group 2).
 *
 * <p>The user's class excludes {@code :} and the password's excludes {@code @}, so each counted run is followed by
 * a char its class cannot hold: a run shorter than the longest one puts a char of its own class where that char is
 * needed, and the regex engine's first, greedy attempt decides. The host's run is last, so its greedy length is the
 * match's. Java's {@code \s} without flags is ASCII-only, so every non-ASCII char belongs to the user's and the
 * password's class; such a char may be one half of a surrogate pair, which the regex counts as one, so a run
 * holding one is left to the regex. {@code UrlCredentialsMatcherTest} compares the walk with the regex.
 */
final class UrlCredentialsMatcher implements AnchoredMatcher {
    private static final String SOURCE =
            "(?<=[a-z0-9])://([^:/?#\\s\\'\"@]{1,128}):([^@/?#\\s\\'\"]{3,256})@[A-Za-z0-9.\\-_\\[\\]:]{1,253}";
    private static final UrlCredentialsMatcher BUILT_IN = new UrlCredentialsMatcher();
    private static final int MAX_USER = 128;
    private static final int MIN_PASSWORD = 3;
    private static final int MAX_PASSWORD = 256;
    private static final int MAX_HOST = 253;
    /** The ASCII chars of the regex's classes, read as the regex engine reads them. */
    private static final boolean[] NOT_USER = TokenEdges.asciiMembers(":/?#\\s\\'\"@");
    private static final boolean[] NOT_PASSWORD = TokenEdges.asciiMembers("@/?#\\s\\'\"");
    private static final boolean[] HOST = TokenEdges.asciiMembers("A-Za-z0-9.\\-_\\[\\]:");

    private UrlCredentialsMatcher() {
    }

    /** The matcher of the built-in rule's pattern, or null for any other pattern. */
    static UrlCredentialsMatcher of(Pattern pattern) {
        return pattern.flags() == 0 && pattern.pattern().equals(SOURCE) ? BUILT_IN : null;
    }

    @Override
    public int match(char[] text, int length, int start, int end, int[] group) {
        if (start == 0 || !isLowerOrDigit(text[start - 1]) || end - start < 3
                || text[start] != ':' || text[start + 1] != '/' || text[start + 2] != '/') {
            return AssignmentMatcher.NO_MATCH;
        }
        int userStart = start + 3;
        int userEnd = run(text, userStart, Math.min(end, userStart + MAX_USER), NOT_USER);
        if (userEnd < 0) {
            return AssignmentMatcher.UNDECIDED;
        }
        if (userEnd == userStart || userEnd >= end || text[userEnd] != ':') {
            return AssignmentMatcher.NO_MATCH;
        }
        int passwordStart = userEnd + 1;
        int passwordEnd = run(text, passwordStart, Math.min(end, passwordStart + MAX_PASSWORD), NOT_PASSWORD);
        if (passwordEnd < 0) {
            return AssignmentMatcher.UNDECIDED;
        }
        if (passwordEnd - passwordStart < MIN_PASSWORD || passwordEnd >= end || text[passwordEnd] != '@') {
            return AssignmentMatcher.NO_MATCH;
        }
        int hostStart = passwordEnd + 1;
        int hostEnd = hostStart;
        int hostStop = Math.min(end, hostStart + MAX_HOST);
        while (hostEnd < hostStop && isHost(text[hostEnd])) {
            hostEnd++;
        }
        if (hostEnd == hostStart) {
            return AssignmentMatcher.NO_MATCH;
        }
        group[0] = passwordStart;
        group[1] = passwordEnd;
        return hostEnd;
    }

    /** The end of the run of chars outside {@code excluded} from {@code i} to at most {@code stop}; -1 at a non-ASCII char. */
    private static int run(char[] text, int i, int stop, boolean[] excluded) {
        while (i < stop) {
            char c = text[i];
            if (c >= 128) {
                return -1;
            }
            if (excluded[c]) {
                return i;
            }
            i++;
        }
        return i;
    }

    private static boolean isLowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isHost(char c) {
        return c < 128 && HOST[c];
    }
}
