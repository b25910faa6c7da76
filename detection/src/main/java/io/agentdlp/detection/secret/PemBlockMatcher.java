package io.agentdlp.detection.secret;

import java.util.regex.Pattern;

/**
 * The built-in anchored {@code private-key-*} rules matched by hand at their keyword: an armoured block
 * {@code -{4,5}BEGIN L-{4,5}\s{0,4}(?:H){0,6}[^-]{64,16384}+-{4,5}END L-{4,5}}, the whole match the secret group, with
 * {@code H} a header line {@code [A-Za-z][A-Za-z0-9\-]{1,30}:[^\n]{0,200}\n\s{0,4}}. A rule is recognised by its exact
 * pattern source (only the label {@code L} varies) and flags, as {@link Base64ValueMatcher}; any other keeps the regex.
 *
 * <p>The regex's {@code lookingAt} took 11 to 17 µs per window over a block cut before its END line: it scans the
 * body to the next dash once per way of giving back the blanks and headers. Only the blanks before each header and
 * the number of headers can be given back (a header's name run must end at its {@code :}, its value at the first line
 * feed, the dash runs at their greatest length, since what follows cannot start with a dash), so the walk below tries
 * the same body starts in the regex's order, each decided by the first dash after it, which is found once. A
 * surrogate pair is one repetition for the regex and two chars here: where one could change the count, the window
 * is left to the regex. {@code PemBlockMatcherTest} compares the walk with the regex.
 */
final class PemBlockMatcher implements AnchoredMatcher {
    private static final String LABEL = "LABEL";
    private static final String SHAPE = "(-{4,5}BEGIN LABEL-{4,5}\\s{0,4}(?:[A-Za-z][A-Za-z0-9\\-]{1,30}:[^\\n]{0,200}\\n\\s{0,4}){0,6}"
            + "[^-]{64,16384}+-{4,5}END LABEL-{4,5})";
    private static final String[] LABELS = {"RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY",
            "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK"};
    private static final int MIN_DASHES = 4;
    private static final int MAX_DASHES = 5;
    private static final int MAX_BLANKS = 4;
    private static final int MAX_HEADERS = 6;
    private static final int MAX_NAME = 30;
    private static final int MAX_VALUE = 200;
    private static final int MIN_BODY = 64;
    private static final int MAX_BODY = 16384;
    /** Body starts tried before the window is left to the regex (blank runs after many headers multiply them). */
    private static final int MAX_BODY_STARTS = 64;

    private final String begin;
    private final String endLabel;

    private PemBlockMatcher(String label) {
        this.begin = "BEGIN " + label;
        this.endLabel = "END " + label;
    }

    /** The matcher of a built-in rule's pattern, or null for any other pattern. */
    static PemBlockMatcher of(Pattern pattern) {
        if (pattern.flags() != 0) {
            return null;
        }
        for (String label : LABELS) {
            if (SHAPE.replace(LABEL, label).equals(pattern.pattern())) {
                return new PemBlockMatcher(label);
            }
        }
        return null;
    }

    @Override
    public int match(char[] text, int length, int start, int end, int[] group) {
        int i = start + dashes(text, start, end);
        if (i - start < MIN_DASHES || !RegexLiterals.wordAt(text, i, end, begin, false)) {
            return AssignmentMatcher.NO_MATCH;
        }
        i += begin.length();
        int dashes = dashes(text, i, end);
        if (dashes < MIN_DASHES) {
            return AssignmentMatcher.NO_MATCH;
        }
        int matchEnd = new Walk(text, end).afterBlanks(i + dashes, 0);
        if (matchEnd >= 0) {
            group[0] = start;
            group[1] = matchEnd;
        }
        return matchEnd;
    }

    /** The length of the run of at most five dashes at {@code i}. */
    private static int dashes(char[] text, int i, int end) {
        int stop = Math.min(end, i + MAX_DASHES);
        int j = i;
        while (j < stop && text[j] == '-') {
            j++;
        }
        return j - i;
    }

    private static boolean isSurrogate(char c) {
        return c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
    }

    /** One attempt's backtracking over blanks and headers, with the first dash after a body start remembered. */
    private final class Walk {
        private final char[] text;
        private final int end;
        private int bodyStarts;
        /**
         * No dash lies in {@code [scannedFrom, firstDash)}; {@code firstDash} is a dash or {@code end}. Nothing is
         * known while {@code scannedFrom > firstDash}.
         */
        private int scannedFrom = 1;
        private int firstDash;
        /** A surrogate lies in {@code [scannedFrom, firstDash)}. */
        private boolean surrogateScanned;

        Walk(char[] text, int end) {
            this.text = text;
            this.end = end;
        }

        /** The rest from {@code \s{0,4}} at {@code i}, with {@code headers} header lines matched: greedy blanks first. */
        int afterBlanks(int i, int headers) {
            for (int b = RegexLiterals.blanks(text, i, end, MAX_BLANKS); b >= i; b--) {
                int r = headersFrom(b, headers);
                if (r != AssignmentMatcher.NO_MATCH) {
                    return r;
                }
            }
            return AssignmentMatcher.NO_MATCH;
        }

        /** The greedy header loop at {@code i}: one more header first, then the body. */
        private int headersFrom(int i, int headers) {
            if (headers < MAX_HEADERS) {
                int next = header(i);
                if (next == AssignmentMatcher.UNDECIDED) {
                    return next;
                }
                if (next >= 0) {
                    int r = afterBlanks(next, headers + 1);
                    if (r != AssignmentMatcher.NO_MATCH) {
                        return r;
                    }
                }
            }
            return body(i);
        }

        /** The index after a header line's line feed at {@code i} (before its blanks), or no match. */
        private int header(int i) {
            if (i >= end || !isAsciiLetter(text[i])) {
                return AssignmentMatcher.NO_MATCH;
            }
            int j = i + 1;
            int stop = Math.min(end, j + MAX_NAME);
            while (j < stop && (isAsciiLetter(text[j]) || text[j] >= '0' && text[j] <= '9' || text[j] == '-')) {
                j++;
            }
            // the name run gives back only name chars, none of them a colon
            if (j == i + 1 || j >= end || text[j] != ':') {
                return AssignmentMatcher.NO_MATCH;
            }
            int value = j + 1;
            int valueStop = Math.min(end, value + MAX_VALUE + 1);
            for (int k = value; k < valueStop; k++) {
                char c = text[k];
                if (c == '\n') {
                    return k + 1;
                }
                if (isSurrogate(c)) {
                    return AssignmentMatcher.UNDECIDED;
                }
            }
            return AssignmentMatcher.NO_MATCH;
        }

        /** The possessive body from {@code b}, then the END line: only the first dash after {@code b} can end it. */
        private int body(int b) {
            if (++bodyStarts > MAX_BODY_STARTS) {
                return AssignmentMatcher.UNDECIDED;
            }
            int d = dashFrom(b);
            if (d >= end || d - b < MIN_BODY) {
                // no dash to stop the body within the window, or fewer chars (so fewer code points) than the minimum
                return AssignmentMatcher.NO_MATCH;
            }
            int i = d + dashes(text, d, end);
            if (i - d < MIN_DASHES || !RegexLiterals.wordAt(text, i, end, endLabel, false)) {
                return AssignmentMatcher.NO_MATCH;
            }
            i += endLabel.length();
            int closing = dashes(text, i, end);
            if (closing < MIN_DASHES) {
                return AssignmentMatcher.NO_MATCH;
            }
            if (surrogateScanned) {
                // the body's count of code points, not chars, decides its bounds
                return AssignmentMatcher.UNDECIDED;
            }
            return d - b > MAX_BODY ? AssignmentMatcher.NO_MATCH : i + closing;
        }

        /** The first dash at or after {@code b}, or {@code end}; notes whether a surrogate lies before it. */
        private int dashFrom(int b) {
            boolean known = scannedFrom <= firstDash;
            if (known && b >= scannedFrom && b <= firstDash && !surrogateScanned) {
                return firstDash;
            }
            // an earlier start scans only up to the known stretch
            boolean joins = known && b < scannedFrom;
            int stop = joins ? scannedFrom : end;
            boolean surrogate = false;
            int j = b;
            while (j < stop && text[j] != '-') {
                surrogate |= isSurrogate(text[j]);
                j++;
            }
            if (joins && j == stop) {
                j = firstDash;
                surrogate |= surrogateScanned;
            }
            scannedFrom = b;
            firstDash = j;
            surrogateScanned = surrogate;
            return j;
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
