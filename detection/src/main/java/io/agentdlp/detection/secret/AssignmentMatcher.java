package io.agentdlp.detection.secret;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regex of an assignment rule, {@code PREFIX} + {@link PatternShape#ASSIGNMENT} (or its
 * {@link PatternShape#OPERATOR} alone) + {@code [ \t]{0,4}["'`]?([CLASS]{m,n}+)(?![(\w])} (the quote and the
 * lookahead optional; {@code {n}} greedy or possessive; the lookahead also {@code (?![SET])}), matched by hand
 * after its prefix: the regex engine reads every value char through a node per char, this reads them
 * from the array. It answers what {@code Matcher.lookingAt} with transparent bounds answers, or
 * {@link #UNDECIDED} where the hand-written walk would need more of the regex engine's rules (a name
 * longer than a regex prefix plus 30 chars, a non-ASCII char in the value), and then the regex decides.
 *
 * <p>A prefix of the form {@code (?i:X)} where {@code X} is a finite language of name chars (literals,
 * single-char classes, {@code ?}, groups of alternatives: {@link FiniteLanguage}) is matched by hand too,
 * as the longest of its strings at the hit, ASCII case-insensitively as {@code (?i)} does; any other prefix
 * (a lookahead, a range, {@code {n,}}) runs its regex.
 *
 * <p>Why the walk is the regex's: the prefix consumes only name chars ({@link PatternShape#startsWithAssignment}),
 * so whichever prefix alternative matches, the possessive name part ends where the run of name chars
 * ends. The optional quote, the blanks and the value cannot give back chars to a later part, because
 * {@code CLASS} holds no blank and no quote (checked when the shape is recognised): the only choices the
 * regex engine explores are the operator alternatives, tried here in the regex's order.
 * {@code AssignmentMatcherTest} compares the two on corpus text and generated near-misses. Immutable.
 */
final class AssignmentMatcher {
    /** {@link #match} result: no match at this start. */
    static final int NO_MATCH = -1;
    /** {@link #match} result: the regex engine must decide. */
    static final int UNDECIDED = -2;
    private static final int NAME_MAX = 30;
    private static final Pattern VALUE_TAIL = Pattern.compile(
            "\\[ \\\\t\\]\\{0,4\\}(\\[\"'`\\]\\?)?\\(\\[((?:\\\\.|[^\\]\\\\])+)\\]\\{(\\d{1,4})(?:,(\\d{1,4}))?\\}(\\+)?\\)"
                    + "(\\(\\?!\\[\\(\\\\w\\]\\)|\\(\\?!\\[([^\\[\\]]+)\\]\\))?");

    private final Pattern prefix;
    /** The prefix's strings, lower case, or null when the prefix regex decides. */
    private final char[][] prefixStrings;
    /** The {@link #prefixStrings} as a trie, or null. */
    private final LongestPrefix longestPrefix;
    private final boolean[] valueChar = new boolean[128];
    private final boolean quote;
    private final int min;
    private final int max;
    private final boolean lookahead;
    /** Chars that may not follow the value ({@code (?![SET])}), or null. */
    private final boolean[] notAfter;
    /** Name chars allowed after the prefix: 30, or 0 when the operator follows the prefix directly. */
    private final int nameMax;

    private AssignmentMatcher(Pattern prefix, int nameMax, boolean quote, int min, int max, boolean lookahead,
                              boolean[] notAfter) {
        this.prefix = prefix;
        this.prefixStrings = prefixStrings(prefix.pattern());
        this.longestPrefix = prefixStrings == null ? null : new LongestPrefix(prefixStrings);
        this.nameMax = nameMax;
        this.quote = quote;
        this.min = min;
        this.max = max;
        this.lookahead = lookahead;
        this.notAfter = notAfter;
    }

    /** The matcher for {@code regex} (compiled without flags), or null when it does not have the shape. */
    static AssignmentMatcher of(String regex) {
        int at = regex.indexOf(PatternShape.ASSIGNMENT);
        int nameMax = NAME_MAX;
        int tailFrom = at + PatternShape.ASSIGNMENT.length();
        if (at < 0) {
            // the operator directly after the prefix (aws-secret-access-key): no name chars between
            at = regex.indexOf(PatternShape.OPERATOR);
            nameMax = 0;
            tailFrom = at + PatternShape.OPERATOR.length();
        }
        if (at <= 0 || !PatternShape.startsWithAssignment(regex) || regex.startsWith("(?:")) {
            return null;
        }
        Matcher tail = VALUE_TAIL.matcher(regex.substring(tailFrom));
        if (!tail.matches()) {
            return null;
        }
        Pattern prefix;
        Pattern valueClass;
        boolean[] notAfter = null;
        try {
            prefix = Pattern.compile(regex.substring(0, at));
            valueClass = Pattern.compile("[" + tail.group(2) + "]");
            if (tail.group(7) != null) {
                Pattern excluded = Pattern.compile("[" + tail.group(7) + "]");
                notAfter = new boolean[128];
                for (char c = 0; c < 128; c++) {
                    notAfter[c] = excluded.matcher(String.valueOf(c)).matches();
                }
            }
        } catch (PatternSyntaxException e) {
            return null;
        }
        int min = Integer.parseInt(tail.group(3));
        int max = tail.group(4) == null ? min : Integer.parseInt(tail.group(4));
        // a greedy run of variable length could give chars back to the lookahead; a fixed one cannot
        boolean possessive = tail.group(5) != null || min == max;
        if (prefix.matcher("").groupCount() != 0 || min < 1 || max < min || !possessive) {
            return null;
        }
        AssignmentMatcher m = new AssignmentMatcher(prefix, nameMax, tail.group(1) != null, min, max,
                tail.group(7) == null && tail.group(6) != null, notAfter);
        for (char c = 0; c < 128; c++) {
            m.valueChar[c] = valueClass.matcher(String.valueOf(c)).matches();
        }
        // a blank or quote in the value class would let the regex engine give chars back to the value
        for (char c : new char[]{' ', '\t', '"', '\'', '`'}) {
            if (m.valueChar[c]) {
                return null;
            }
        }
        return m;
    }

    /**
     * The strings a prefix {@code (?i:X)} matches, lower case, when {@code X} is a finite language of
     * ASCII name chars; else null. {@code {n,}} is refused: {@link FiniteLanguage} expands it for
     * containment, which is not what a prefix match asks.
     */
    static char[][] prefixStrings(String prefix) {
        if (!prefix.startsWith("(?i:") || !prefix.endsWith(")") || prefix.indexOf('{') >= 0
                || PatternShape.groupEnd(prefix, 0) != prefix.length()) {
            return null;
        }
        List<String> strings = FiniteLanguage.expand(prefix.substring(4, prefix.length() - 1)).orElse(null);
        if (strings == null) {
            return null;
        }
        char[][] out = new char[strings.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = strings.get(i).toCharArray();
            for (char c : out[i]) {
                if (!PatternShape.isNameChar(c)) {
                    return null;
                }
            }
        }
        return out;
    }

    /**
     * Whether the prefix is matched by hand ({@link #prefixStrings}); then {@link #match} does not use its
     * prefix matcher.
     */
    boolean prefixByHand() {
        return prefixStrings != null;
    }

    /**
     * The end of the longest prefix string at {@code start} within {@code [start, end)}, or -1 when none
     * is there. Only for {@link #prefixByHand()}.
     */
    int prefixEnd(char[] text, int start, int end) {
        return longestPrefix.end(text, start, end);
    }

    /** The end of the shortest prefix string at {@code start} within {@code [start, end)}, or -1. Only for {@link #prefixByHand()}. */
    int shortestPrefixEnd(char[] text, int start, int end) {
        return longestPrefix.shortestEnd(text, start, end);
    }

    /** The prefix alone, for a matcher that {@link #match} runs at the hit. */
    Pattern prefix() {
        return prefix;
    }

    /**
     * Matches at {@code start} within {@code [start, end)} of {@code text[0, length)}, seeing beyond
     * {@code end} only for the final lookahead (transparent bounds). Returns the end of the value (group 1,
     * which is also the end of the match) and stores its start in {@code valueStart[0]}, or
     * {@link #NO_MATCH}, or {@link #UNDECIDED}. {@code prefixMatcher} is a matcher of {@link #prefix()}
     * over the same text with transparent, non-anchoring bounds; unused (and may be null) when
     * {@link #prefixByHand()}.
     */
    int match(char[] text, int length, int start, int end, Matcher prefixMatcher, int[] valueStart) {
        int nameEnd = start;
        while (nameEnd < end && PatternShape.isNameChar(text[nameEnd])) {
            nameEnd++;
        }
        int prefixEnd;
        if (prefixStrings != null) {
            // the longest string: another one that matches leaves a longer name part, and the name part
            // must end where the run of name chars ends
            prefixEnd = prefixEnd(text, start, end);
        } else {
            prefixEnd = prefixMatcher.region(start, end).lookingAt() ? prefixMatcher.end() : -1;
        }
        if (prefixEnd < 0) {
            return NO_MATCH;
        }
        if (prefixEnd > nameEnd || nameEnd - prefixEnd > nameMax) {
            // another prefix alternative might be long enough: the regex engine tries them all; by hand,
            // prefixEnd is already the longest, so no alternative leaves a name part short enough
            return prefixStrings != null ? NO_MATCH : UNDECIDED;
        }
        int i = nameEnd;
        if (i < end && (text[i] == '"' || text[i] == '\'')) {
            i++;
        }
        i = skipBlanks(text, i, end);
        if (i >= end) {
            return NO_MATCH;
        }
        // the operator alternatives in the regex's order: = := => : ?=
        char c = text[i];
        boolean next = i + 1 < end;
        if (c == '=') {
            int v = value(text, length, i + 1, end, valueStart);
            if (v != NO_MATCH || !next || text[i + 1] != '>') {
                return v;
            }
            return value(text, length, i + 2, end, valueStart);
        }
        if (c == ':') {
            if (next && text[i + 1] == '=') {
                int v = value(text, length, i + 2, end, valueStart);
                if (v != NO_MATCH) {
                    return v;
                }
            }
            return value(text, length, i + 1, end, valueStart);
        }
        if (c == '?' && next && text[i + 1] == '=') {
            return value(text, length, i + 2, end, valueStart);
        }
        return NO_MATCH;
    }

    /** Blanks, the optional quote, the possessive value run and the lookahead after an operator ending at {@code from}. */
    private int value(char[] text, int length, int from, int end, int[] valueStart) {
        int i = skipBlanks(text, from, end);
        if (quote && i < end && (text[i] == '"' || text[i] == '\'' || text[i] == '`')) {
            i++;
        }
        int first = i;
        int stop = (int) Math.min(end, (long) first + max);
        while (i < stop) {
            char c = text[i];
            if (c >= 128) {
                return UNDECIDED;
            }
            if (!valueChar[c]) {
                break;
            }
            i++;
        }
        if (i - first < min) {
            return NO_MATCH;
        }
        if (lookahead && i < length && (text[i] == '(' || PatternShape.isWordChar(text[i]))) {
            return NO_MATCH;
        }
        if (notAfter != null && i < length) {
            if (text[i] >= 128) {
                return UNDECIDED;
            }
            if (notAfter[text[i]]) {
                return NO_MATCH;
            }
        }
        valueStart[0] = first;
        return i;
    }

    private static int skipBlanks(char[] text, int from, int end) {
        int i = from;
        while (i < end && i - from < 4 && (text[i] == ' ' || text[i] == '\t')) {
            i++;
        }
        return i;
    }
}
