package io.agentdlp.topology.risky;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Literals of which every text a case-insensitive rule pattern finds contains at least one, read off
 * the pattern's source: a run of plain characters that must occur once, or a required group whose
 * every alternative has such a run. A text without any of them cannot match, so the regex is not run
 * on it (most command lines and tool inputs match no rule, and the regex engine tries every start
 * position). Patterns the reading does not cover (inline flags, {@code \Q...\E}, comments mode, an
 * alternative with no plain run) get {@link #NONE}, which lets every text through: the prefilter
 * never changes what a rule matches, it only skips regex runs that cannot succeed.
 */
final class RequiredLiterals {
    /** No prefilter: every text may match. */
    static final RequiredLiterals NONE = new RequiredLiterals(List.of());

    private final List<String> literals;

    private RequiredLiterals(List<String> literals) {
        this.literals = literals;
    }

    /** The prefilter of {@code p}; patterns must be compiled with {@link Pattern#CASE_INSENSITIVE} only (ASCII folding). */
    static RequiredLiterals of(Pattern p) {
        if (p.flags() != Pattern.CASE_INSENSITIVE) {
            return NONE;
        }
        try {
            Reader r = new Reader(p.pattern());
            Set<String> req = r.alternation();
            if (r.pos != r.src.length() || req == null || req.isEmpty()) {
                return NONE;
            }
            return new RequiredLiterals(List.copyOf(req));
        } catch (Unsupported e) {
            return NONE;
        }
    }

    /** The literals, lower-case ASCII; empty for {@link #NONE}. */
    List<String> literals() {
        return literals;
    }

    /** False only when {@code lowerAsciiText} ({@link #lowerAscii}) contains none of the literals. */
    boolean mayMatch(String lowerAsciiText) {
        if (literals.isEmpty()) {
            return true;
        }
        for (String l : literals) {
            if (lowerAsciiText.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /** {@code s} with ASCII upper-case letters lowered (the folding of {@link Pattern#CASE_INSENSITIVE} alone). */
    static String lowerAscii(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) < 'A' || s.charAt(i) > 'Z')) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        char[] c = s.toCharArray();
        for (; i < c.length; i++) {
            if (c[i] >= 'A' && c[i] <= 'Z') {
                c[i] = (char) (c[i] + ('a' - 'A'));
            }
        }
        return new String(c);
    }

    /** A construct this reading does not cover; the pattern gets no prefilter. */
    private static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /**
     * Recursive descent over the pattern source. Each method returns the literal set its construct
     * requires (one of them occurs in every match), or null when it requires none.
     */
    private static final class Reader {
        private final String src;
        private int pos;

        Reader(String src) {
            this.src = src;
        }

        Set<String> alternation() throws Unsupported {
            Set<String> all = new LinkedHashSet<>();
            boolean every = true;
            while (true) {
                Set<String> option = sequence();
                if (option == null) {
                    every = false;
                } else {
                    all.addAll(option);
                }
                if (pos < src.length() && src.charAt(pos) == '|') {
                    pos++;
                    continue;
                }
                return every ? all : null;
            }
        }

        private Set<String> sequence() throws Unsupported {
            StringBuilder run = new StringBuilder();
            List<Set<String>> candidates = new ArrayList<>();
            while (pos < src.length() && src.charAt(pos) != '|' && src.charAt(pos) != ')') {
                int literal = -1;
                Set<String> group = null;
                char c = src.charAt(pos);
                switch (c) {
                    case '\\' -> literal = escape();
                    case '[' -> skipClass();
                    case '(' -> group = group();
                    case '.', '^', '$' -> pos++;
                    case '*', '+', '?', '{' -> throw new Unsupported();
                    default -> {
                        literal = c;
                        pos++;
                    }
                }
                int min = quantifierMin();
                if (literal >= 0 && literal < 0x80 && min < 0) {
                    run.append(Character.toLowerCase((char) literal));
                    continue;
                }
                endRun(run, candidates);
                if (group != null && min != 0) {
                    candidates.add(group);
                }
            }
            endRun(run, candidates);
            Set<String> best = null;
            for (Set<String> s : candidates) {
                if (best == null || score(s) > score(best)) {
                    best = s;
                }
            }
            return best;
        }

        private static void endRun(StringBuilder run, List<Set<String>> candidates) {
            if (!run.isEmpty()) {
                candidates.add(Set.of(run.toString().toLowerCase(Locale.ROOT)));
                run.setLength(0);
            }
        }

        /** The shortest literal of a set: the longer, the fewer texts pass. */
        private static int score(Set<String> s) {
            int min = Integer.MAX_VALUE;
            for (String l : s) {
                min = Math.min(min, l.length());
            }
            return min;
        }

        /** A literal character, or -1 for a class, boundary or other escape. */
        private int escape() throws Unsupported {
            if (pos + 1 >= src.length()) {
                throw new Unsupported();
            }
            char n = src.charAt(pos + 1);
            pos += 2;
            if (!Character.isLetterOrDigit(n)) {
                return n;
            }
            switch (n) {
                case 'Q', 'E', 'k', 'x', 'u', 'c', 'N' -> throw new Unsupported();
                case 'p', 'P' -> {
                    if (pos < src.length() && src.charAt(pos) == '{') {
                        int close = src.indexOf('}', pos);
                        if (close < 0) {
                            throw new Unsupported();
                        }
                        pos = close + 1;
                    } else {
                        pos++;
                    }
                }
                default -> {
                    if (Character.isDigit(n)) {
                        throw new Unsupported();
                    }
                }
            }
            return -1;
        }

        private void skipClass() throws Unsupported {
            int depth = 0;
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                    continue;
                }
                if (c == '[') {
                    depth++;
                    pos++;
                    // A ']' right after the opening bracket (or after '^') is a member, not the end.
                    if (pos < src.length() && src.charAt(pos) == '^') {
                        pos++;
                    }
                    if (pos < src.length() && src.charAt(pos) == ']') {
                        pos++;
                    }
                    continue;
                }
                pos++;
                if (c == ']' && --depth == 0) {
                    return;
                }
            }
            throw new Unsupported();
        }

        private Set<String> group() throws Unsupported {
            pos++;
            boolean zeroWidth = false;
            if (src.startsWith("?:", pos) || src.startsWith("?>", pos)) {
                pos += 2;
            } else if (src.startsWith("?=", pos) || src.startsWith("?!", pos)) {
                pos += 2;
                zeroWidth = true;
            } else if (src.startsWith("?<=", pos) || src.startsWith("?<!", pos)) {
                pos += 3;
                zeroWidth = true;
            } else if (src.startsWith("?", pos)) {
                // Named groups and inline flags (which could switch case-insensitivity off).
                throw new Unsupported();
            }
            Set<String> inner = alternation();
            if (pos >= src.length() || src.charAt(pos) != ')') {
                throw new Unsupported();
            }
            pos++;
            return zeroWidth ? null : inner;
        }

        /** Minimum count of a quantifier at the position (consumed), or -1 when there is none. */
        private int quantifierMin() throws Unsupported {
            if (pos >= src.length()) {
                return -1;
            }
            int min;
            switch (src.charAt(pos)) {
                case '?', '*' -> {
                    min = 0;
                    pos++;
                }
                case '+' -> {
                    min = 1;
                    pos++;
                }
                case '{' -> {
                    int close = src.indexOf('}', pos);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    String body = src.substring(pos + 1, close);
                    int comma = body.indexOf(',');
                    try {
                        min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                    } catch (NumberFormatException e) {
                        throw new Unsupported();
                    }
                    pos = close + 1;
                }
                default -> {
                    return -1;
                }
            }
            if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '+')) {
                pos++;
            }
            return min;
        }
    }
}
