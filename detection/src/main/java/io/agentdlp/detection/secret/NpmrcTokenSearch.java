package io.agentdlp.detection.secret;

/**
 * The built-in {@code npmrc-auth-token} rule searched by hand in its windows, recognised by its exact pattern source
 * (as {@link OpenAiKeySearch} is): a key {@code //host/path/:_authToken} or {@code npmAuthToken} (case-insensitive),
 * up to four blanks, {@code =} or {@code :}, up to four blanks, an optional quote and 20 to 200 token chars. The
 * regex's {@code find} tries every position of the window and, at each {@code //}, backtracks char by char over the
 * host run; by hand only a {@code /} or an {@code n} can start a match. The key's run of chars other than blanks
 * and {@code :} is cut where the regex's backtracking would cut it, trying the longest first, with the optional
 * {@code /} before the plain form; every later part is followed by a part that cannot start with what it
 * consumes, so the first attempt there decides. A non-ASCII char in the host run (a surrogate pair is one
 * repetition for the regex) leaves the rest of the window to the regex. {@code NpmrcTokenSearchTest} compares with
 * the regex's {@code find}.
 */
final class NpmrcTokenSearch implements SearchedMatcher {
    static final String SOURCE = "(?i:(?://[^\\s:]{1,200}/?:_authToken|npmAuthToken))\\s{0,4}[=:]\\s{0,4}[\"\\']?"
            + "([A-Za-z0-9_\\-.+/=]{20,200})";
    private static final String HOST_KEY = ":_authtoken";
    private static final String NAME_KEY = "npmauthtoken";
    private static final int MAX_HOST = 200;
    private static final int MAX_BLANKS = 4;
    private static final int MIN_TOKEN = 20;
    private static final int MAX_TOKEN = 200;
    private static final boolean[] TOKEN = TokenEdges.asciiMembers("A-Za-z0-9_\\-.+/=");

    private static final NpmrcTokenSearch INSTANCE = new NpmrcTokenSearch();

    private NpmrcTokenSearch() {
    }

    /** The search of a pattern with this source and no flags, or null for any other pattern. */
    static NpmrcTokenSearch of(java.util.regex.Pattern pattern) {
        return pattern.flags() == 0 && pattern.pattern().equals(SOURCE) ? INSTANCE : null;
    }

    /** Reads no further than {@code end}. */
    @Override
    public int find(char[] text, int length, int from, int end, int[] bounds) {
        for (int s = from; s < end; s++) {
            char c = text[s];
            int matchEnd = -1;
            if (c == '/') {
                matchEnd = afterHostKey(text, s, end, bounds);
                if (matchEnd == UNDECIDED) {
                    return UNDECIDED;
                }
            } else if ((c | 0x20) == 'n' && RegexLiterals.wordAt(text, s, end, NAME_KEY, true)) {
                matchEnd = afterKey(text, s + NAME_KEY.length(), end, bounds);
            }
            if (matchEnd >= 0) {
                bounds[0] = s;
                return matchEnd;
            }
        }
        return -1;
    }

    /** The match end of {@code //run/?:_authToken...} at {@code s}, trying the run's cuts longest first, or -1. */
    private static int afterHostKey(char[] text, int s, int end, int[] bounds) {
        if (s + 1 >= end || text[s + 1] != '/') {
            return -1;
        }
        int runStart = s + 2;
        int runEnd = runStart;
        while (runEnd < end && runEnd - runStart < MAX_HOST && !isBlankOrColon(text[runEnd])) {
            if (text[runEnd] >= 128) {
                return UNDECIDED;
            }
            runEnd++;
        }
        for (int cut = runEnd; cut > runStart; cut--) {
            if (cut < end && text[cut] == '/' && RegexLiterals.wordAt(text, cut + 1, end, HOST_KEY, true)) {
                int matchEnd = afterKey(text, cut + 1 + HOST_KEY.length(), end, bounds);
                if (matchEnd >= 0) {
                    return matchEnd;
                }
            }
            if (RegexLiterals.wordAt(text, cut, end, HOST_KEY, true)) {
                int matchEnd = afterKey(text, cut + HOST_KEY.length(), end, bounds);
                if (matchEnd >= 0) {
                    return matchEnd;
                }
            }
        }
        return -1;
    }

    /** {@code \s{0,4}[=:]\s{0,4}["']?([token]{20,200})} at {@code i}: the match end, or -1. */
    private static int afterKey(char[] text, int i, int end, int[] bounds) {
        i = RegexLiterals.blanks(text, i, end, MAX_BLANKS);
        if (i >= end || text[i] != '=' && text[i] != ':') {
            return -1;
        }
        i = RegexLiterals.blanks(text, i + 1, end, MAX_BLANKS);
        if (i < end && (text[i] == '"' || text[i] == '\'')) {
            i++;
        }
        int tokenStart = i;
        while (i < end && i - tokenStart < MAX_TOKEN && text[i] < 128 && TOKEN[text[i]]) {
            i++;
        }
        if (i - tokenStart < MIN_TOKEN) {
            return -1;
        }
        bounds[1] = tokenStart;
        return i;
    }

    private static boolean isBlankOrColon(char c) {
        return c == ':' || RegexLiterals.isBlank(c);
    }
}
