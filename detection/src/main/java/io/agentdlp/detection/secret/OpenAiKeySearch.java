package io.agentdlp.detection.secret;

/**
 * The built-in {@code openai-api-key} rule searched by hand in its windows, recognised by its exact pattern source
 * (as {@link AllowShape} recognises allow patterns): {@code sk-}, an optional {@code proj-}, {@code svcacct-},
 * {@code admin-} or {@code None-}, 20 to 156 token chars, {@code T3BlbkFJ}, 20 to 156 token chars, with no token char
 * ({@code [A-Za-z0-9_\-]}) just before or after. The regex engine's greedy first run backtracks char by char to find
 * the marker; by hand: every part after {@code sk-} is made of token chars, so a match ends where the run of token
 * chars after {@code sk-} ends (the lookahead needs a non-token char there), and it exists when one way of cutting
 * that run (with or without the optional part) puts the marker between two runs of allowed lengths. The whole match is
 * the secret, so how it is cut does not matter. {@code OpenAiKeySearchTest} compares with the regex's {@code find}.
 */
final class OpenAiKeySearch implements SearchedMatcher {
    static final String SOURCE = "(?<![A-Za-z0-9_\\-])(sk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_\\-]{20,156}"
            + "T3BlbkFJ[A-Za-z0-9_\\-]{20,156})(?![A-Za-z0-9_\\-])";
    private static final String[] OPTIONAL = {"proj-", "svcacct-", "admin-", "None-"};
    private static final String MARKER = "T3BlbkFJ";
    private static final int MIN_RUN = 20;
    private static final int MAX_RUN = 156;

    private static final OpenAiKeySearch INSTANCE = new OpenAiKeySearch();

    private OpenAiKeySearch() {
    }

    /** The search of a pattern with this source and no flags, or null for any other pattern. */
    static OpenAiKeySearch of(java.util.regex.Pattern pattern) {
        return pattern.flags() == 0 && pattern.pattern().equals(SOURCE) ? INSTANCE : null;
    }

    /** Never {@link #UNDECIDED}; the whole match is the secret, so both bounds are its start. */
    @Override
    public int find(char[] text, int length, int from, int end, int[] bounds) {
        for (int p = from; p + 3 <= end; p++) {
            if (text[p] != 's' || text[p + 1] != 'k' || text[p + 2] != '-' || p > 0 && isTokenChar(text[p - 1])) {
                continue;
            }
            int runEnd = p + 3;
            while (runEnd < length && isTokenChar(text[runEnd])) {
                runEnd++;
            }
            if (runEnd <= end && cuts(text, p + 3, runEnd)) {
                bounds[0] = p;
                bounds[1] = p;
                return runEnd;
            }
        }
        return -1;
    }

    /** Whether {@code text[from, to)} (token chars) is an optional part, a run, the marker and a run. */
    private static boolean cuts(char[] text, int from, int to) {
        for (String optional : OPTIONAL) {
            if (RegexLiterals.wordAt(text, from, to, optional, false)
                    && runsAroundMarker(text, from + optional.length(), to)) {
                return true;
            }
        }
        return runsAroundMarker(text, from, to);
    }

    private static boolean runsAroundMarker(char[] text, int from, int to) {
        int first = Math.max(from + MIN_RUN, to - MARKER.length() - MAX_RUN);
        int last = Math.min(from + MAX_RUN, to - MARKER.length() - MIN_RUN);
        for (int m = first; m <= last; m++) {
            if (RegexLiterals.wordAt(text, m, to, MARKER, false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
