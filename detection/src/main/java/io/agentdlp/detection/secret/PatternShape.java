package io.agentdlp.detection.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the source text of a rule regex proves about every match, so that the scanner can skip the regex
 * engine where the regex cannot match. Both recognisers are conservative: an unfamiliar construct means
 * "not proven", never a wrong answer.
 */
final class PatternShape {
    /**
     * An optional quote, up to four blanks and an assignment operator ({@code = := => : ?=}): the end of
     * {@link #ASSIGNMENT}, which some rules put directly after their name prefix.
     */
    static final String OPERATOR = "[\"']?[ \\t]{0,4}(?:=|:=|=>|:|\\?=)";
    /** The assignment shared by the context rules: the rest of the name, then {@link #OPERATOR}. */
    static final String ASSIGNMENT = "[\\w.\\-]{0,30}+" + OPERATOR;

    private PatternShape() {
    }

    /**
     * True when {@code regex} can only match at the start of its input (or region): it begins with
     * {@code ^}, possibly after inline {@code i}/{@code u} flags, and has no top-level alternative. Then
     * {@code lookingAt()} finds a match exactly when {@code find()} does.
     */
    static boolean startAnchored(String regex) {
        int i = skipFlagGroups(regex, 0);
        return i < regex.length() && regex.charAt(i) == '^' && !hasAlternativeAtDepth(regex, 0);
    }

    /**
     * The {@link #inStartAnchoredUnion} patterns of {@code patterns} as one alternation, or null if there
     * are none: its {@code lookingAt} succeeds exactly when one of theirs does (inline flags stay within
     * each pattern's group), at the cost of one matcher call.
     */
    static Pattern startAnchoredUnion(List<Pattern> patterns) {
        List<String> atStart = new ArrayList<>();
        for (Pattern p : patterns) {
            if (inStartAnchoredUnion(p)) {
                atStart.add("(?:" + p.pattern() + ")");
            }
        }
        return atStart.isEmpty() ? null : Pattern.compile(String.join("|", atStart));
    }

    /**
     * Whether {@code p} joins {@link #startAnchoredUnion}: start-anchored, and nothing in it that means
     * something else once joined. Groups are renumbered in the union (a backreference would point at
     * another pattern's group, a repeated group name does not compile), and flags passed to
     * {@code Pattern.compile} are not part of the source text. User rule files may have either.
     */
    static boolean inStartAnchoredUnion(Pattern p) {
        return p.flags() == 0 && p.matcher("").groupCount() == 0 && startAnchored(p.pattern());
    }

    /**
     * True when every match of {@code regex} starts with a name made of {@code [\w.\-]} chars followed by
     * {@link #OPERATOR}: the regex is an optional {@code (?:}, a prefix that consumes only
     * {@code [\w.\-]} chars and has no alternative outside its own groups (such as
     * {@code (?i:aws[_.\-]?secret)} or one ending in the name part of {@link #ASSIGNMENT}), then
     * {@link #OPERATOR}.
     * For such a regex, an {@link #assignmentOperator} inside the window is a necessary condition of a match.
     */
    static boolean startsWithAssignment(String regex) {
        // the name part of ASSIGNMENT is a name prefix too, so finding its operator covers both forms
        int at = regex.indexOf(OPERATOR);
        if (at < 0) {
            return false;
        }
        if (hasAlternativeAtDepth(regex, 0)) {
            return false;
        }
        if (!regex.startsWith("(?:")) {
            return isNamePrefix(regex.substring(0, at));
        }
        // the group opened first must hold the assignment on each of its paths: no alternative in it
        int close = groupEnd(regex, 0);
        return close > at + OPERATOR.length() && at >= 3 && !hasAlternativeAtDepth(regex.substring(3, close - 1), 0)
                && isNamePrefix(regex.substring(3, at));
    }

    /**
     * For a regex of {@link #startsWithAssignment} shape anchored at {@code start}, where its operator must stand:
     * the maximal {@code [\w.\-]} run from {@code start} must be followed by an optional quote, at most four
     * blanks and {@code =}, {@code :} or {@code ?}. Returns that operator's index, or -1 when {@code text[start,
     * end)} has none there. The name part of the regex is possessive and the chars after it are not name chars,
     * so the name always ends where the run ends. The text can match within {@code [start, e)} for an
     * {@code e <= end} only when the index is at least 0 and below {@code e}: the walk never looks past the
     * operator, so one walk to the text's end answers every window of the keyword hit. Starting the walk at any
     * index inside the run gives the same answer.
     */
    static int assignmentOperator(char[] text, int start, int end) {
        int i = start;
        while (i < end && isNameChar(text[i])) {
            i++;
        }
        if (i < end && (text[i] == '"' || text[i] == '\'')) {
            i++;
        }
        int blanks = 0;
        while (i < end && blanks < 4 && (text[i] == ' ' || text[i] == '\t')) {
            i++;
            blanks++;
        }
        return i < end && (text[i] == '=' || text[i] == ':' || text[i] == '?') ? i : -1;
    }

    /**
     * For a regex that starts (after an optional lookbehind) with a literal such as {@code https://}, then
     * {@code [^SET]{1,n}} (optionally as a group) and {@code :}, where {@code SET} holds {@code :}: the user
     * part of a URL credential. Returns the check that the text can match at a hit, or null for any other
     * regex. Because {@code :} ends the run of non-{@code SET} chars, a match needs that run to be 1 to n
     * chars long and followed by {@code :}.
     */
    static UserinfoGate userinfoGate(String regex) {
        java.util.regex.Matcher m = USERINFO.matcher(regex);
        if (!m.lookingAt() || hasAlternativeAtDepth(regex, 0)) {
            return null;
        }
        Pattern excluded;
        try {
            excluded = Pattern.compile("[" + m.group(2) + "]");
        } catch (java.util.regex.PatternSyntaxException e) {
            return null;
        }
        if (!excluded.matcher(":").matches()) {
            return null;
        }
        return new UserinfoGate(m.group(1).replace("\\", ""), excluded, Integer.parseInt(m.group(3)));
    }

    /** Lookbehind, literal, {@code [^SET]{1,n}} in an optional group, then {@code :}. */
    private static final Pattern USERINFO = Pattern.compile(
            "(?:\\(\\?<=[^()]*\\))?((?:[A-Za-z0-9/:]|\\\\.)+)\\(?\\[\\^([^\\[\\]]+)\\]\\{1,(\\d{1,4})\\}\\)?:");

    /** The check of {@link #userinfoGate}; immutable. */
    static final class UserinfoGate {
        private final char[] literal;
        private final boolean[] asciiExcluded = new boolean[128];
        private final Pattern excluded;
        private final int max;

        private UserinfoGate(String literal, Pattern excluded, int max) {
            this.literal = literal.toCharArray();
            this.excluded = excluded;
            this.max = max;
            for (char c = 0; c < 128; c++) {
                asciiExcluded[c] = excluded.matcher(String.valueOf(c)).matches();
            }
        }

        /** Whether the regex can match at {@code start} within {@code [start, end)}. */
        boolean admits(char[] text, int start, int end) {
            // the regex starts with the literal, case-sensitively
            if (end - start < literal.length) {
                return false;
            }
            for (int k = 0; k < literal.length; k++) {
                if (text[start + k] != literal[k]) {
                    return false;
                }
            }
            int from = start + literal.length;
            int i = from;
            int stop = Math.min(end, from + max + 1);
            while (i < stop && !isExcluded(text[i])) {
                i++;
            }
            return i > from && i - from <= max && i < end && text[i] == ':';
        }

        private boolean isExcluded(char c) {
            return c < 128 ? asciiExcluded[c] : excluded.matcher(String.valueOf(c)).matches();
        }
    }

    /** An ASCII char of {@code \w}; the hand-written matchers leave every non-ASCII char to the regex. */
    static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** A char of the assignment name class {@code [\w.\-]}, ASCII. */
    static boolean isNameChar(char c) {
        return isWordChar(c) || c == '.' || c == '-';
    }

    private static int skipFlagGroups(String regex, int from) {
        int i = from;
        while (regex.startsWith("(?", i)) {
            int j = i + 2;
            while (j < regex.length() && (regex.charAt(j) == 'i' || regex.charAt(j) == 'u')) {
                j++;
            }
            if (j == i + 2 || j >= regex.length() || regex.charAt(j) != ')') {
                return i;
            }
            i = j + 1;
        }
        return i;
    }

    /** True when an alternative ({@code |}) occurs at paren depth {@code depth} or lower, or the regex is unfamiliar. */
    static boolean hasAlternativeAtDepth(String regex, int depth) {
        int d = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
                    return true;
                }
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
                if (i < 0) {
                    return true;
                }
            } else if (c == '(') {
                d++;
            } else if (c == ')') {
                d--;
            } else if (c == '|' && d <= depth) {
                return true;
            }
        }
        return false;
    }

    /** Index of the {@code ]} closing the class opened at {@code open}, or -1 for a class this reader does not know. */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && (regex.charAt(i) == ']' || regex.charAt(i) == '^' && i + 1 < regex.length() && regex.charAt(i + 1) == ']')) {
            return -1;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    /**
     * True when {@code prefix} is a regex fragment that consumes only {@code [\w.\-]} chars and has no
     * {@code |} outside its own groups: name literals, {@code \w}, classes of name chars, groups, lookarounds
     * (which consume nothing) and quantifiers.
     */
    private static boolean isNamePrefix(String prefix) {
        int depth = 0;
        int i = 0;
        while (i < prefix.length()) {
            char c = prefix.charAt(i);
            if (isNameLiteral(c)) {
                i++;
            } else if (c == '\\') {
                if (i + 1 >= prefix.length() || "w.-_".indexOf(prefix.charAt(i + 1)) < 0) {
                    return false;
                }
                i += 2;
            } else if (c == '[') {
                int end = classEnd(prefix, i);
                if (end < 0 || !isNameClass(prefix.substring(i + 1, end))) {
                    return false;
                }
                i = end + 1;
            } else if (prefix.startsWith("(?=", i) || prefix.startsWith("(?!", i) || prefix.startsWith("(?<=", i)
                    || prefix.startsWith("(?<!", i)) {
                i = groupEnd(prefix, i);
                if (i < 0) {
                    return false;
                }
            } else if (c == '(') {
                i = prefix.startsWith("(?:", i) ? i + 3 : prefix.startsWith("(?i:", i) ? i + 4 : i + 1;
                if (prefix.startsWith("?", i)) {
                    return false;
                }
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    return false;
                }
                i++;
            } else if (c == '|') {
                if (depth == 0) {
                    return false;
                }
                i++;
            } else if (c == '?' || c == '*' || c == '+') {
                i++;
            } else if (c == '{') {
                int close = prefix.indexOf('}', i);
                if (close < 0 || !prefix.substring(i + 1, close).matches("\\d+(?:,\\d*)?")) {
                    return false;
                }
                i = close + 1;
            } else {
                return false;
            }
        }
        return depth == 0;
    }

    private static boolean isNameLiteral(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /** A class body made of name chars, {@code \w}, {@code \.}, {@code \-} and letter or digit ranges. */
    private static boolean isNameClass(String body) {
        if (body.isEmpty() || body.charAt(0) == '^' || body.contains("&&")) {
            return false;
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                if (i + 1 >= body.length() || "w.-_".indexOf(body.charAt(i + 1)) < 0) {
                    return false;
                }
                i++;
            } else if (c == '-' && i > 0 && i + 1 < body.length()) {
                char from = body.charAt(i - 1);
                char to = body.charAt(i + 1);
                boolean sameKind = inRange(from, 'a', 'z') && inRange(to, 'a', 'z') || inRange(from, 'A', 'Z') && inRange(to, 'A', 'Z')
                        || inRange(from, '0', '9') && inRange(to, '0', '9');
                if (!sameKind) {
                    return false;
                }
            } else if (!isNameLiteral(c) && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean inRange(char c, char from, char to) {
        return c >= from && c <= to;
    }

    /** Index after the {@code )} closing the group opened at {@code open}, or -1. */
    static int groupEnd(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }
}
