package io.agentdlp.detection.secret;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regex of a fixed-prefix token rule, {@code LEAD(LITERAL[CLASS]{m,n})TRAIL} (for example
 * {@code \b(ghp_[A-Za-z0-9]{36})\b}), matched by hand: {@code LEAD} is {@code \b} or
 * {@code (?<![SET])}, {@code TRAIL} is {@code \b}, {@code (?![SET])} or nothing, the quantifier is greedy
 * or possessive and {@code {n}} stands for {@code {n,n}}. {@code LITERAL} may be empty when {@code m} is at
 * least 1 (for example {@code (?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9+/=])}), so that a match
 * is never empty. It answers what {@code Matcher.lookingAt} with
 * transparent bounds answers, or {@link #UNDECIDED} where a non-ASCII char takes part (Java's {@code \b}
 * and classes are Unicode-aware there), and then the regex decides.
 *
 * <p>Why the walk is the regex's: the literal and the assertions have one way to match; the only choice is
 * the run's length, which the greedy quantifier tries from the longest down to {@code m}, each followed by
 * the trailing assertion, as here. {@code PrefixTokenMatcherTest} compares the two on corpus text and
 * generated near-misses. Immutable.
 */
final class PrefixTokenMatcher {
    /** {@link #match} result: no match at this start. */
    static final int NO_MATCH = -1;
    /** {@link #match} result: the regex engine must decide. */
    static final int UNDECIDED = -2;
    private static final Pattern SHAPE = Pattern.compile(
            "(?:\\\\b|\\(\\?<!\\[([^\\[\\]]+)\\]\\))"
                    + "\\(((?:[A-Za-z0-9_-]|\\\\[.\\-_])*)\\[([^\\[\\]]+)\\]\\{(\\d{1,4})(?:,(\\d{1,4}))?\\}(\\+)?\\)"
                    + "(\\\\b|\\(\\?!\\[([^\\[\\]]+)\\]\\))?");

    private final char[] literal;
    private final boolean[] runChar;
    private final int min;
    private final int max;
    private final boolean possessive;
    private final TokenEdges edges;

    private PrefixTokenMatcher(char[] literal, boolean[] runChar, int min, int max, boolean possessive,
                               TokenEdges edges) {
        this.literal = literal;
        this.runChar = runChar;
        this.min = min;
        this.max = max;
        this.possessive = possessive;
        this.edges = edges;
    }

    /** The matcher for {@code pattern}, or null when it does not have the shape (or has flags). */
    static PrefixTokenMatcher of(Pattern pattern) {
        if (pattern.flags() != 0) {
            return null;
        }
        Matcher m = SHAPE.matcher(pattern.pattern());
        if (!m.matches()) {
            return null;
        }
        boolean[] notBefore;
        boolean[] runChar;
        boolean[] notAfter;
        try {
            notBefore = m.group(1) == null ? null : TokenEdges.asciiMembers(m.group(1));
            runChar = TokenEdges.asciiMembers(m.group(3));
            notAfter = m.group(8) == null ? null : TokenEdges.asciiMembers(m.group(8));
        } catch (PatternSyntaxException e) {
            // a class body the shape regex cut out that does not compile alone: the rule keeps its regex
            return null;
        }
        int min = Integer.parseInt(m.group(4));
        int max = m.group(5) == null ? min : Integer.parseInt(m.group(5));
        if (max < min || min == 0 && m.group(2).isEmpty()) {
            return null;
        }
        TokenEdges.Trail trail = m.group(7) == null ? TokenEdges.Trail.NONE
                : m.group(8) == null ? TokenEdges.Trail.BOUNDARY : TokenEdges.Trail.NOT_FOLLOWED;
        char[] literal = m.group(2).replace("\\", "").toCharArray();
        return new PrefixTokenMatcher(literal, runChar, min, max, m.group(6) != null,
                new TokenEdges(notBefore, trail, notAfter));
    }

    /**
     * Matches at {@code start} within {@code [start, end)} of {@code text[0, length)}, seeing outside the
     * region only for the assertions (transparent bounds). Returns the end of the match (which is also the
     * end of group 1; both start at {@code start}), or {@link #NO_MATCH}, or {@link #UNDECIDED}.
     */
    int match(char[] text, int length, int start, int end) {
        int first = start + literal.length;
        if (first > end) {
            return NO_MATCH;
        }
        for (int k = 0; k < literal.length; k++) {
            if (text[start + k] != literal[k]) {
                return NO_MATCH;
            }
        }
        int lead = edges.leadAt(text, length, start);
        if (lead != 1) {
            return lead == 0 ? NO_MATCH : UNDECIDED;
        }
        int i = first;
        int stop = (int) Math.min(end, (long) first + max);
        while (i < stop) {
            char c = text[i];
            if (c >= 128) {
                return UNDECIDED;
            }
            if (!runChar[c]) {
                break;
            }
            i++;
        }
        int shortest = possessive ? i : first + min;
        // the greedy quantifier gives back one char at a time until the trailing assertion holds
        for (int e = i; e >= shortest && e - first >= min; e--) {
            int t = edges.trailAt(text, length, e);
            if (t == 1) {
                return e;
            }
            if (t < 0) {
                return UNDECIDED;
            }
        }
        return NO_MATCH;
    }

    /**
     * For a rule searched in a window ({@code find}): the first start in {@code [from, end)} where
     * {@link #match} does not answer {@link #NO_MATCH}, or {@link #NO_MATCH}. Starts where it answers
     * {@code NO_MATCH} are exactly those where the regex finds no match, so {@code find} from {@code from}
     * reports its first match at the returned start or, when {@code match} answers {@link #UNDECIDED}
     * there, the regex searching from that start decides.
     */
    int find(char[] text, int length, int from, int end) {
        if (literal.length > 0) {
            char first = literal[0];
            for (int p = from; p < end; p++) {
                if (text[p] == first && match(text, length, p, end) != NO_MATCH) {
                    return p;
                }
            }
            return NO_MATCH;
        }
        for (int p = from; p < end; p++) {
            if (match(text, length, p, end) != NO_MATCH) {
                return p;
            }
        }
        return NO_MATCH;
    }
}
