package io.agentdlp.detection.secret;

import java.util.regex.Pattern;

/**
 * The literal every match of a searched rule regex starts with, such as {@code sk-} in
 * {@code (?<![A-Za-z0-9_\-])(sk-(?:proj-|admin-)?[A-Za-z0-9_\-]{20,156}...)}. {@code find} in a window
 * tries the regex at every position; no match can start where the literal does not, so the search may
 * start at the literal's next occurrence instead, with the same result.
 *
 * <p>Recognised from the source text, conservatively: no flags, no top-level alternative, an optional
 * leading {@code \b} or lookbehind (both consume nothing), an optional unquantified group opening
 * without an alternative of its own, then plain or escaped chars, each kept only when no quantifier
 * follows it. Immutable.
 */
final class LeadingLiteral {
    private static final String PLAIN = "-_:/\"'=@;,";
    private static final String ESCAPED = ".-/_:@=\"'";
    private static final String QUANTIFIERS = "?*+{";

    private final char[] chars;

    private LeadingLiteral(char[] chars) {
        this.chars = chars;
    }

    /** The leading literal of {@code pattern} when it has one of at least two chars, else null. */
    static LeadingLiteral of(Pattern pattern) {
        String re = pattern.pattern();
        if (pattern.flags() != 0 || PatternShape.hasAlternativeAtDepth(re, 0)) {
            return null;
        }
        int i = 0;
        if (re.startsWith("\\b")) {
            i = 2;
        } else if (re.startsWith("(?<!") || re.startsWith("(?<=")) {
            i = PatternShape.groupEnd(re, 0);
            if (i < 0) {
                return null;
            }
        }
        if (re.startsWith("(", i) && !re.startsWith("(?", i) || re.startsWith("(?:", i)) {
            int close = PatternShape.groupEnd(re, i);
            int inner = re.startsWith("(?:", i) ? i + 3 : i + 1;
            if (close < 0 || PatternShape.hasAlternativeAtDepth(re.substring(inner, close - 1), 0)
                    || close < re.length() && QUANTIFIERS.indexOf(re.charAt(close)) >= 0) {
                return null;
            }
            i = inner;
        }
        StringBuilder literal = new StringBuilder();
        while (i < re.length()) {
            char c = re.charAt(i);
            int next;
            if (c == '\\' && i + 1 < re.length() && ESCAPED.indexOf(re.charAt(i + 1)) >= 0) {
                c = re.charAt(i + 1);
                next = i + 2;
            } else if (c < 128 && Character.isLetterOrDigit(c) || PLAIN.indexOf(c) >= 0) {
                next = i + 1;
            } else {
                break;
            }
            if (next < re.length() && QUANTIFIERS.indexOf(re.charAt(next)) >= 0) {
                break;
            }
            literal.append(c);
            i = next;
        }
        return literal.length() >= 2 ? new LeadingLiteral(literal.toString().toCharArray()) : null;
    }

    /** The first start in {@code [from, end)} of an occurrence of the literal within {@code text[0, end)}, or -1. */
    int next(char[] text, int from, int end) {
        char first = chars[0];
        int last = end - chars.length;
        outer:
        for (int p = from; p <= last; p++) {
            if (text[p] != first) {
                continue;
            }
            for (int k = 1; k < chars.length; k++) {
                if (text[p + k] != chars[k]) {
                    continue outer;
                }
            }
            return p;
        }
        return -1;
    }

    @Override
    public String toString() {
        return new String(chars);
    }
}
