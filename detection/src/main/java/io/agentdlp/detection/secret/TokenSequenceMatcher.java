package io.agentdlp.detection.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regex of a token rule made of several parts, {@code LEAD(PART...)TRAIL} (for example
 * {@code (?<![A-Za-z0-9_\-])(eyJ[A-Za-z0-9_\-]{10,2000}\.eyJ[A-Za-z0-9_\-]{2,4000}\.[A-Za-z0-9_\-]{16,1000})(?![A-Za-z0-9_\-])}
 * or {@code \b(xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24,34})\b}), matched by hand. A part is a literal
 * char ({@code [A-Za-z0-9_-]} or {@code \. \- \_}) or a run: {@code [SET]} or {@code \d}, with {@code {n}},
 * {@code {m,n}} (greedy or possessive) or no quantifier. {@code LEAD} is {@code \b} or {@code (?<![SET])},
 * {@code TRAIL} is {@code \b}, {@code (?![SET])} or nothing. It answers what {@code Matcher.lookingAt} with
 * transparent bounds answers, or {@link #UNDECIDED} where a non-ASCII char takes part (classes and
 * {@code \b} are then the regex's to decide).
 *
 * <p>Why the walk is the regex's: a run of variable length must be either the last part or followed by a
 * literal char outside its class (checked when the shape is recognised). Such a run ends where the text's
 * run of class chars ends: a shorter one is followed by a class char, never by the literal. So every part
 * but the last has one way to match, and the last run gives back chars one at a time until the trailing
 * assertion holds, as the greedy quantifier does. {@code TokenSequenceMatcherTest} compares the two on
 * corpus text and generated near-misses.
 *
 * <p>One group of alternatives is allowed, either around whole tokens
 * ({@code \b((?:secret_[A-Za-z0-9]{43})|(?:ntn_[0-9]{11}[A-Za-z0-9]{35}))\b}) or inside the token
 * ({@code (?:AKIA|ASIA|A3T[A-Z0-9])} before a run): each alternative gives a whole token of the shape above,
 * and they are tried in the regex's order, the first that matches with the trailing assertion winning, as
 * the regex engine backtracks into the next alternative only when the rest of the match fails. Immutable.
 */
final class TokenSequenceMatcher {
    /** {@link #match} result: no match at this start (as {@link PrefixTokenMatcher}'s, so the scanner reads both alike). */
    static final int NO_MATCH = PrefixTokenMatcher.NO_MATCH;
    /** {@link #match} result: the regex engine must decide. */
    static final int UNDECIDED = PrefixTokenMatcher.UNDECIDED;
    private static final String LITERALS = "_-";
    private static final String ESCAPED_LITERALS = ".-_";

    /** Per part: the literal char, or 0 for a run. */
    private final char[] literal;
    /** Per part: the run's ASCII class, or null for a literal. */
    private final boolean[][] runChar;
    private final int[] min;
    private final int[] max;
    private final boolean lastPossessive;
    private final TokenEdges edges;
    /** The alternatives in the regex's order, or null for a token without alternatives (the fields above). */
    private final TokenSequenceMatcher[] alternatives;

    private TokenSequenceMatcher(TokenSequenceMatcher[] alternatives) {
        this.alternatives = alternatives;
        this.literal = null;
        this.runChar = null;
        this.min = null;
        this.max = null;
        this.lastPossessive = false;
        this.edges = null;
    }

    private TokenSequenceMatcher(List<Object[]> parts, boolean lastPossessive, TokenEdges edges) {
        int n = parts.size();
        this.literal = new char[n];
        this.runChar = new boolean[n][];
        this.min = new int[n];
        this.max = new int[n];
        for (int k = 0; k < n; k++) {
            Object[] p = parts.get(k);
            if (p[0] instanceof Character c) {
                literal[k] = c;
                min[k] = 1;
                max[k] = 1;
            } else {
                runChar[k] = (boolean[]) p[0];
                min[k] = (Integer) p[1];
                max[k] = (Integer) p[2];
            }
        }
        this.lastPossessive = lastPossessive;
        this.edges = edges;
        this.alternatives = null;
    }

    /** The matcher for {@code pattern}, or null when it does not have the shape (or has flags). */
    static TokenSequenceMatcher of(Pattern pattern) {
        if (pattern.flags() != 0) {
            return null;
        }
        String re = pattern.pattern();
        try {
            List<String> expanded = alternatives(re);
            if (expanded == null) {
                return null;
            }
            if (expanded.size() == 1) {
                return parse(re);
            }
            TokenSequenceMatcher[] branches = new TokenSequenceMatcher[expanded.size()];
            for (int k = 0; k < branches.length; k++) {
                branches[k] = parse(expanded.get(k));
                if (branches[k] == null) {
                    return null;
                }
            }
            return new TokenSequenceMatcher(branches);
        } catch (PatternSyntaxException | NumberFormatException e) {
            // a class body or count this reader cut out that does not stand alone: the rule keeps its regex
            return null;
        }
    }

    private static TokenSequenceMatcher parse(String re) {
        int i;
        boolean[] notBefore = null;
        if (re.startsWith("\\b(")) {
            i = 3;
        } else if (re.startsWith("(?<![")) {
            int close = re.indexOf(']', 5);
            if (close < 0 || !re.startsWith(")(", close + 1)) {
                return null;
            }
            notBefore = TokenEdges.asciiMembers(re.substring(5, close));
            i = close + 3;
        } else {
            return null;
        }
        List<Object[]> parts = new ArrayList<>();
        boolean possessive = false;
        while (i < re.length() && re.charAt(i) != ')') {
            char c = re.charAt(i);
            boolean[] cls = null;
            if (c == '[') {
                int close = re.indexOf(']', i + 1);
                if (close < 0 || re.indexOf('[', i + 1) >= 0 && re.indexOf('[', i + 1) < close) {
                    return null;
                }
                cls = TokenEdges.asciiMembers(re.substring(i + 1, close));
                i = close + 1;
            } else if (re.startsWith("\\d", i)) {
                cls = TokenEdges.asciiMembers("0-9");
                i += 2;
            } else if (c == '\\' && i + 1 < re.length() && ESCAPED_LITERALS.indexOf(re.charAt(i + 1)) >= 0) {
                parts.add(new Object[]{re.charAt(i + 1)});
                i += 2;
            } else if (c < 128 && Character.isLetterOrDigit(c) || LITERALS.indexOf(c) >= 0) {
                parts.add(new Object[]{c});
                i++;
            } else {
                return null;
            }
            if (cls == null) {
                if (i < re.length() && "?*+{".indexOf(re.charAt(i)) >= 0) {
                    return null;
                }
                continue;
            }
            int lo = 1;
            int hi = 1;
            possessive = false;
            if (re.startsWith("{", i)) {
                int close = re.indexOf('}', i);
                if (close < 0) {
                    return null;
                }
                String[] bounds = re.substring(i + 1, close).split(",", -1);
                if (bounds.length > 2 || bounds[0].isEmpty() || bounds.length == 2 && bounds[1].isEmpty()) {
                    return null;
                }
                lo = Integer.parseInt(bounds[0]);
                hi = bounds.length == 2 ? Integer.parseInt(bounds[1]) : lo;
                i = close + 1;
                if (re.startsWith("+", i)) {
                    possessive = true;
                    i++;
                }
            }
            if (hi < lo || lo < 1 || hi > 10_000 || i < re.length() && "?*+{".indexOf(re.charAt(i)) >= 0) {
                return null;
            }
            parts.add(new Object[]{cls, lo, hi});
        }
        if (i >= re.length() || parts.size() < 2) {
            return null;
        }
        String tail = re.substring(i + 1);
        TokenEdges.Trail trail;
        boolean[] notAfter = null;
        if (tail.isEmpty()) {
            trail = TokenEdges.Trail.NONE;
        } else if (tail.equals("\\b")) {
            trail = TokenEdges.Trail.BOUNDARY;
        } else if (tail.startsWith("(?![") && tail.endsWith("])") && tail.indexOf(']') == tail.length() - 2) {
            trail = TokenEdges.Trail.NOT_FOLLOWED;
            notAfter = TokenEdges.asciiMembers(tail.substring(4, tail.length() - 2));
        } else {
            return null;
        }
        if (!eachRunEndsAtALiteralOutsideIt(parts)) {
            return null;
        }
        Object[] last = parts.get(parts.size() - 1);
        return new TokenSequenceMatcher(parts, last.length == 3 && possessive, new TokenEdges(notBefore, trail, notAfter));
    }

    /**
     * The regex as one token per alternative, in the regex's order: itself when group 1 holds no
     * alternative, or null when it holds more than one group of them or groups this reader does not know.
     */
    private static List<String> alternatives(String re) {
        int open = -1;
        if (re.startsWith("\\b(")) {
            open = 2;
        } else if (re.startsWith("(?<![")) {
            // the lookbehind's class ends at its first ']', as parse reads it
            int classEnd = re.indexOf(']', 5);
            open = classEnd > 0 && re.startsWith(")(", classEnd + 1) ? classEnd + 2 : -1;
        }
        if (open < 0) {
            return null;
        }
        int close = PatternShape.groupEnd(re, open);
        if (close < 0) {
            return null;
        }
        String lead = re.substring(0, open + 1);
        String inner = re.substring(open + 1, close - 1);
        String trail = re.substring(close - 1);
        List<String> top = splitTopLevel(inner);
        List<String> out = new ArrayList<>();
        if (top == null) {
            return null;
        }
        if (top.size() > 1) {
            for (String branch : top) {
                // a branch wrapped whole in (?:...) stands for its content
                String body = branch.startsWith("(?:") && PatternShape.groupEnd(branch, 0) == branch.length()
                        ? branch.substring(3, branch.length() - 1) : branch;
                if (body.indexOf('(') >= 0) {
                    return null;
                }
                out.add(lead + body + trail);
            }
            return out;
        }
        int group = inner.indexOf("(?:");
        if (group < 0) {
            return inner.indexOf('(') >= 0 ? null : List.of(re);
        }
        int groupClose = PatternShape.groupEnd(inner, group);
        if (groupClose < 0) {
            return null;
        }
        String before = inner.substring(0, group);
        String after = inner.substring(groupClose);
        List<String> branches = splitTopLevel(inner.substring(group + 3, groupClose - 1));
        if (branches == null || before.indexOf('(') >= 0 || after.indexOf('(') >= 0
                || after.length() > 0 && "?*+{".indexOf(after.charAt(0)) >= 0) {
            return null;
        }
        for (String branch : branches) {
            if (branch.indexOf('(') >= 0) {
                return null;
            }
            out.add(lead + before + branch + after + trail);
        }
        return out;
    }

    /** {@code re} split at its {@code |} outside groups and classes, or null for an unfamiliar construct. */
    private static List<String> splitTopLevel(String re) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int close = re.indexOf(']', i + 1);
                if (close < 0 || re.substring(i + 1, close).indexOf('[') >= 0) {
                    return null;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(re.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(re.substring(from));
        return depth == 0 ? parts : null;
    }

    /** A run of variable length is the last part or followed by a literal char outside its class. */
    private static boolean eachRunEndsAtALiteralOutsideIt(List<Object[]> parts) {
        for (int k = 0; k + 1 < parts.size(); k++) {
            Object[] p = parts.get(k);
            if (p.length == 3 && !p[1].equals(p[2])) {
                Object[] next = parts.get(k + 1);
                if (!(next[0] instanceof Character c) || ((boolean[]) p[0])[c]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Matches at {@code start} within {@code [start, end)} of {@code text[0, length)}, seeing outside the
     * region only for the assertions (transparent bounds). Returns the end of the match (which is also the
     * end of group 1; both start at {@code start}), or {@link #NO_MATCH}, or {@link #UNDECIDED}.
     */
    int match(char[] text, int length, int start, int end) {
        if (alternatives != null) {
            for (TokenSequenceMatcher alternative : alternatives) {
                int e = alternative.match(text, length, start, end);
                if (e != NO_MATCH) {
                    return e;
                }
            }
            return NO_MATCH;
        }
        int lead = edges.leadAt(text, length, start);
        if (lead != 1) {
            return lead == 0 ? NO_MATCH : UNDECIDED;
        }
        int i = start;
        int last = literal.length - 1;
        for (int k = 0; k < last; k++) {
            if (runChar[k] == null) {
                if (i >= end || text[i] != literal[k]) {
                    return NO_MATCH;
                }
                i++;
                continue;
            }
            int runEnd = run(text, i, end, runChar[k], max[k] + 1);
            if (runEnd < 0) {
                return UNDECIDED;
            }
            // a fixed run takes its length; a variable one the whole run of class chars (see the class comment)
            int taken = runEnd - i;
            if (taken < min[k] || min[k] != max[k] && taken > max[k]) {
                return NO_MATCH;
            }
            i += min[k] == max[k] ? min[k] : taken;
        }
        if (runChar[last] == null) {
            if (i >= end || text[i] != literal[last]) {
                return NO_MATCH;
            }
            int t = edges.trailAt(text, length, i + 1);
            return t == 1 ? i + 1 : t == 0 ? NO_MATCH : UNDECIDED;
        }
        int first = i;
        int runEnd = run(text, first, (int) Math.min(end, (long) first + max[last]), runChar[last], max[last]);
        if (runEnd < 0) {
            return UNDECIDED;
        }
        int shortest = lastPossessive ? runEnd : first + min[last];
        // the greedy quantifier gives back one char at a time until the trailing assertion holds
        for (int e = runEnd; e >= shortest && e - first >= min[last]; e--) {
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
     * The end of the run of {@code cls} chars from {@code from}, reading at most {@code limit} chars and none
     * at or after {@code end}; -1 when a non-ASCII char is met before the run ends.
     */
    private static int run(char[] text, int from, int end, boolean[] cls, int limit) {
        int stop = (int) Math.min(end, (long) from + limit);
        int i = from;
        while (i < stop) {
            char c = text[i];
            if (c >= 128) {
                return -1;
            }
            if (!cls[c]) {
                break;
            }
            i++;
        }
        return i;
    }
}
