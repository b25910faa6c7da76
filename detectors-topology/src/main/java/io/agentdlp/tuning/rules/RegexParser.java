package io.agentdlp.tuning.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.agentdlp.tuning.rules.RegexNode.Alternation;
import io.agentdlp.tuning.rules.RegexNode.BackReference;
import io.agentdlp.tuning.rules.RegexNode.Chars;
import io.agentdlp.tuning.rules.RegexNode.Empty;
import io.agentdlp.tuning.rules.RegexNode.Group;
import io.agentdlp.tuning.rules.RegexNode.GroupKind;
import io.agentdlp.tuning.rules.RegexNode.Repeat;
import io.agentdlp.tuning.rules.RegexNode.RepeatMode;
import io.agentdlp.tuning.rules.RegexNode.Sequence;

/**
 * Parses the java.util.regex syntax into {@link RegexNode}s: groups of every kind, inline and scoped
 * flags, quantifiers (greedy, lazy, possessive), character classes, escapes, {@code \Q...\E} and the
 * comments flag. Only patterns that already compiled are given to it, so it does not re-validate;
 * what one character may match is left to {@link CharSet}, which asks the regex engine.
 */
final class RegexParser {
    private static final String FLAG_LETTERS = "idmsuxU";
    private final String src;
    private int pos;
    private int flags;

    private RegexParser(String src, int flags) {
        this.src = src;
        this.flags = flags;
    }

    static RegexNode parse(Pattern p) {
        RegexParser parser = new RegexParser(p.pattern(), p.flags());
        RegexNode n = parser.alternation();
        if (parser.pos < parser.src.length()) {
            throw new IllegalArgumentException("unbalanced ')' at " + parser.pos + " in " + p.pattern());
        }
        return n;
    }

    private RegexNode alternation() {
        int start = pos;
        List<RegexNode> options = new ArrayList<>();
        options.add(sequence());
        while (pos < src.length() && src.charAt(pos) == '|') {
            pos++;
            options.add(sequence());
        }
        return options.size() == 1 ? options.get(0) : new Alternation(start, pos, options);
    }

    private RegexNode sequence() {
        int start = pos;
        List<RegexNode> items = new ArrayList<>();
        while (true) {
            skipComments();
            if (pos >= src.length() || src.charAt(pos) == '|' || src.charAt(pos) == ')') {
                break;
            }
            int atomStart = pos;
            RegexNode atom = atom();
            if (atom == null) {
                continue;
            }
            skipComments();
            RegexNode q = quantified(atom, atomStart);
            if (q != atom && atom instanceof Sequence s && !s.items().isEmpty() && src.startsWith("\\Q", atomStart)) {
                // a quantifier after \Q...\E applies to its last character only
                List<RegexNode> lit = new ArrayList<>(s.items());
                RegexNode last = lit.remove(lit.size() - 1);
                items.addAll(lit);
                Repeat r = (Repeat) q;
                items.add(new Repeat(last.start(), r.end(), last, r.min(), r.max(), r.mode()));
            } else {
                items.add(q);
            }
        }
        return items.size() == 1 ? items.get(0) : new Sequence(start, pos, items);
    }

    private RegexNode quantified(RegexNode atom, int atomStart) {
        if (pos >= src.length()) {
            return atom;
        }
        char c = src.charAt(pos);
        int min;
        int max;
        if (c == '*') {
            min = 0;
            max = RegexNode.UNBOUNDED;
            pos++;
        } else if (c == '+') {
            min = 1;
            max = RegexNode.UNBOUNDED;
            pos++;
        } else if (c == '?') {
            min = 0;
            max = 1;
            pos++;
        } else if (c == '{' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
            int close = src.indexOf('}', pos);
            String[] parts = src.substring(pos + 1, close).split(",", -1);
            min = Integer.parseInt(parts[0].trim());
            max = parts.length == 1 ? min : parts[1].isBlank() ? RegexNode.UNBOUNDED : Integer.parseInt(parts[1].trim());
            pos = close + 1;
        } else {
            return atom;
        }
        RepeatMode mode = RepeatMode.GREEDY;
        if (pos < src.length() && src.charAt(pos) == '?') {
            mode = RepeatMode.LAZY;
            pos++;
        } else if (pos < src.length() && src.charAt(pos) == '+') {
            mode = RepeatMode.POSSESSIVE;
            pos++;
        }
        return new Repeat(atomStart, pos, atom, min, max, mode);
    }

    /** One atom, or null for a pure flag group such as {@code (?i)}. */
    private RegexNode atom() {
        int start = pos;
        char c = src.charAt(pos);
        switch (c) {
            case '(':
                return group();
            case '[':
                pos = classEnd(pos);
                return new Chars(start, pos, CharSet.of(src.substring(start, pos), flags));
            case '.':
                pos++;
                return new Chars(start, pos, CharSet.of(".", flags));
            case '^':
            case '$':
                pos++;
                return new Empty(start, pos);
            case '\\':
                return escape();
            default:
                int cp = src.codePointAt(pos);
                pos += Character.charCount(cp);
                return new Chars(start, pos, CharSet.of(Pattern.quote(new String(Character.toChars(cp))), flags));
        }
    }

    private RegexNode group() {
        int start = pos;
        pos++;
        int saved = flags;
        GroupKind kind = GroupKind.CAPTURING;
        if (src.startsWith("?", pos)) {
            pos++;
            if (src.startsWith(":", pos)) {
                kind = GroupKind.NON_CAPTURING;
                pos++;
            } else if (src.startsWith(">", pos)) {
                kind = GroupKind.ATOMIC;
                pos++;
            } else if (src.startsWith("=", pos) || src.startsWith("!", pos)) {
                kind = GroupKind.LOOKAROUND;
                pos++;
            } else if (src.startsWith("<=", pos) || src.startsWith("<!", pos)) {
                kind = GroupKind.LOOKAROUND;
                pos += 2;
            } else if (src.startsWith("<", pos)) {
                pos = src.indexOf('>', pos) + 1;
            } else {
                int f = inlineFlags();
                if (src.charAt(pos) == ')') {
                    // (?i): applies to the rest of the enclosing group
                    pos++;
                    flags = f;
                    return null;
                }
                pos++;
                kind = GroupKind.NON_CAPTURING;
                flags = f;
            }
        }
        RegexNode body = alternation();
        pos++;
        flags = saved;
        return new Group(start, pos, body, kind);
    }

    private int inlineFlags() {
        int f = flags;
        boolean on = true;
        while (pos < src.length() && (FLAG_LETTERS.indexOf(src.charAt(pos)) >= 0 || src.charAt(pos) == '-')) {
            char c = src.charAt(pos++);
            if (c == '-') {
                on = false;
                continue;
            }
            int bit = switch (c) {
                case 'i' -> Pattern.CASE_INSENSITIVE;
                case 'd' -> Pattern.UNIX_LINES;
                case 'm' -> Pattern.MULTILINE;
                case 's' -> Pattern.DOTALL;
                case 'u' -> Pattern.UNICODE_CASE;
                case 'x' -> Pattern.COMMENTS;
                default -> Pattern.UNICODE_CHARACTER_CLASS;
            };
            f = on ? f | bit : f & ~bit;
        }
        return f;
    }

    private RegexNode escape() {
        int start = pos;
        char c = src.charAt(pos + 1);
        pos += 2;
        switch (c) {
            case 'b', 'B' -> {
                if (src.startsWith("{g}", pos)) {
                    pos += 3;
                }
                return new Empty(start, pos);
            }
            case 'A', 'G', 'Z', 'z' -> {
                return new Empty(start, pos);
            }
            case 'k' -> {
                pos = src.indexOf('>', pos) + 1;
                return new BackReference(start, pos);
            }
            case 'Q' -> {
                int endQuote = src.indexOf("\\E", pos);
                int stop = endQuote < 0 ? src.length() : endQuote;
                List<RegexNode> chars = new ArrayList<>();
                for (int i = pos; i < stop; i++) {
                    chars.add(new Chars(i, i + 1, CharSet.of(Pattern.quote(src.substring(i, i + 1)), flags)));
                }
                pos = endQuote < 0 ? src.length() : endQuote + 2;
                return new Sequence(start, pos, chars);
            }
            case 'p', 'P', 'N' -> {
                if (src.startsWith("{", pos)) {
                    pos = src.indexOf('}', pos) + 1;
                } else {
                    pos++;
                }
            }
            case 'x' -> pos = src.startsWith("{", pos) ? src.indexOf('}', pos) + 1 : pos + 2;
            case 'u' -> pos += 4;
            case 'c' -> pos++;
            case '0' -> {
                int digits = 0;
                while (digits < 3 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7') {
                    pos++;
                    digits++;
                }
            }
            case 'R', 'X' -> {
                return new Chars(start, pos, CharSet.ANY);
            }
            default -> {
                if (c >= '1' && c <= '9') {
                    while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                        pos++;
                    }
                    return new BackReference(start, pos);
                }
            }
        }
        return new Chars(start, pos, CharSet.of(src.substring(start, pos), flags));
    }

    /** Index just past the character class starting at {@code open}, nested classes included. */
    private int classEnd(int open) {
        int i = open + 1;
        if (i < src.length() && src.charAt(i) == '^') {
            i++;
        }
        if (i < src.length() && src.charAt(i) == ']') {
            i++;
        }
        int depth = 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\\') {
                char n = src.charAt(i + 1);
                if (n == 'Q') {
                    int e = src.indexOf("\\E", i + 2);
                    i = e < 0 ? src.length() : e + 2;
                } else if ((n == 'p' || n == 'P' || n == 'x' || n == 'N') && src.startsWith("{", i + 2)) {
                    i = src.indexOf('}', i + 2) + 1;
                } else {
                    i += 2;
                }
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated character class at " + open + " in " + src);
    }

    private void skipComments() {
        if ((flags & Pattern.COMMENTS) == 0) {
            return;
        }
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }
}
