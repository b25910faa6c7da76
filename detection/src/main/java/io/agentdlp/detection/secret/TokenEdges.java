package io.agentdlp.detection.secret;

import java.util.regex.Pattern;

/**
 * The assertions around a token that {@link PrefixTokenMatcher} and {@link TokenSequenceMatcher} match by
 * hand: before it {@code \b} or {@code (?<![SET])}, after it nothing, {@code \b} or {@code (?![SET])}. Each
 * check answers 1 (holds), 0 (fails) or -1 (a neighbour is not ASCII: the regex decides). Immutable.
 */
final class TokenEdges {
    /** What follows the token. */
    enum Trail { NONE, BOUNDARY, NOT_FOLLOWED }

    /** Chars that may not precede the token, or null for a leading {@code \b}. */
    private final boolean[] notBefore;
    private final Trail trail;
    /** Chars that may not follow the token when {@link #trail} is {@link Trail#NOT_FOLLOWED}. */
    private final boolean[] notAfter;

    TokenEdges(boolean[] notBefore, Trail trail, boolean[] notAfter) {
        this.notBefore = notBefore;
        this.trail = trail;
        this.notAfter = notAfter;
    }

    /** The ASCII chars of the regex class {@code [classBody]}, as the regex engine decides them. */
    static boolean[] asciiMembers(String classBody) {
        Pattern c = Pattern.compile("[" + classBody + "]");
        boolean[] member = new boolean[128];
        for (char ch = 0; ch < 128; ch++) {
            member[ch] = c.matcher(String.valueOf(ch)).matches();
        }
        return member;
    }

    /** The leading assertion at {@code start}. */
    int leadAt(char[] text, int length, int start) {
        if (notBefore == null) {
            return boundary(text, length, start);
        }
        if (start == 0) {
            return 1;
        }
        char c = text[start - 1];
        return c >= 128 ? -1 : notBefore[c] ? 0 : 1;
    }

    /** The trailing assertion at {@code at}. */
    int trailAt(char[] text, int length, int at) {
        switch (trail) {
            case NONE:
                return 1;
            case BOUNDARY:
                return boundary(text, length, at);
            default:
                if (at >= length) {
                    return 1;
                }
                char c = text[at];
                return c >= 128 ? -1 : notAfter[c] ? 0 : 1;
        }
    }

    /** {@code \b} at {@code at} over the whole text. */
    private static int boundary(char[] text, int length, int at) {
        boolean left = false;
        if (at > 0) {
            char c = text[at - 1];
            if (c >= 128) {
                return -1;
            }
            left = PatternShape.isWordChar(c);
        }
        boolean right = false;
        if (at < length) {
            char c = text[at];
            if (c >= 128) {
                return -1;
            }
            right = PatternShape.isWordChar(c);
        }
        return left != right ? 1 : 0;
    }
}
