package io.agentdlp.detection.secret;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Expands a regex that can only match a small finite set of ASCII strings into those strings, so that a
 * containment test ({@code find()}) can run as a keyword search instead of a backtracking regex.
 *
 * <p>The accepted subset: literal chars, escaped punctuation ({@code \$ \{ \.}), character classes
 * listing single chars ({@code [_\-. ]}), non-capturing groups of alternatives ({@code (?:api|key)}),
 * top-level alternatives, the quantifiers {@code ?} and {@code {n}}, and {@code {n,}} on the first or
 * last atom (containing {@code x{5,}} is containing {@code xxxxx}). Anything else (anchors, ranges,
 * {@code \d}, back-references, {@code * +}, inline flags) is not expanded.
 */
final class FiniteLanguage {
    /** Above this many strings the regex is left to the regex engine. */
    static final int MAX_STRINGS = 256;

    private final String regex;
    private int pos;

    private FiniteLanguage(String regex) {
        this.regex = regex;
    }

    /** The lower-case strings whose containment equals containment of a match of {@code regex}, if expandable. */
    static Optional<List<String>> expand(String regex) {
        try {
            FiniteLanguage p = new FiniteLanguage(regex);
            Set<String> all = p.alternatives(true);
            if (p.pos != regex.length() || all.isEmpty() || all.contains("")) {
                return Optional.empty();
            }
            List<String> out = new ArrayList<>();
            for (String s : all) {
                out.add(s.toLowerCase(java.util.Locale.ROOT));
            }
            return Optional.of(List.copyOf(new LinkedHashSet<>(out)));
        } catch (NotFinite e) {
            return Optional.empty();
        }
    }

    private Set<String> alternatives(boolean topLevel) {
        Set<String> result = new LinkedHashSet<>(sequence(topLevel));
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            result.addAll(sequence(topLevel));
            limit(result.size());
        }
        return result;
    }

    private Set<String> sequence(boolean topLevel) {
        Set<String> acc = new LinkedHashSet<>(List.of(""));
        int atomIndex = 0;
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            Set<String> atom = atom();
            int[] q = quantifier();
            boolean unbounded = q[1] < 0;
            if (unbounded) {
                // only exact at the ends of the whole regex: a longer run contains the minimal one
                boolean first = topLevel && atomIndex == 0;
                boolean last = topLevel && (pos == regex.length() || regex.charAt(pos) == '|');
                if (!first && !last || atom.size() != 1) {
                    throw new NotFinite();
                }
            }
            Set<String> repeated = repeat(atom, q[0], unbounded ? q[0] : q[1]);
            Set<String> next = new LinkedHashSet<>();
            for (String a : acc) {
                for (String r : repeated) {
                    next.add(a + r);
                }
            }
            limit(next.size());
            acc = next;
            atomIndex++;
        }
        return acc;
    }

    private static Set<String> repeat(Set<String> atom, int min, int max) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> cur = new LinkedHashSet<>(List.of(""));
        for (int i = 0; i <= max; i++) {
            if (i >= min) {
                out.addAll(cur);
            }
            if (i == max) {
                break;
            }
            Set<String> next = new LinkedHashSet<>();
            for (String c : cur) {
                for (String a : atom) {
                    next.add(c + a);
                }
            }
            limit(next.size() + out.size());
            cur = next;
        }
        return out;
    }

    private Set<String> atom() {
        char c = regex.charAt(pos);
        switch (c) {
            case '\\' -> {
                return Set.of(String.valueOf(escaped()));
            }
            case '[' -> {
                return charClass();
            }
            case '(' -> {
                if (!regex.startsWith("(?:", pos)) {
                    throw new NotFinite();
                }
                pos += 3;
                Set<String> inner = alternatives(false);
                if (pos >= regex.length() || regex.charAt(pos) != ')') {
                    throw new NotFinite();
                }
                pos++;
                return inner;
            }
            case '.', '^', '$', '*', '+', '?', '{', '}', ']' -> throw new NotFinite();
            default -> {
                pos++;
                return Set.of(String.valueOf(ascii(c)));
            }
        }
    }

    private char escaped() {
        if (pos + 1 >= regex.length()) {
            throw new NotFinite();
        }
        char e = regex.charAt(pos + 1);
        if (Character.isLetterOrDigit(e)) {
            throw new NotFinite();
        }
        pos += 2;
        return ascii(e);
    }

    private Set<String> charClass() {
        pos++;
        Set<String> chars = new LinkedHashSet<>();
        if (pos < regex.length() && regex.charAt(pos) == '^') {
            throw new NotFinite();
        }
        while (pos < regex.length() && regex.charAt(pos) != ']') {
            char c = regex.charAt(pos);
            if (c == '\\') {
                chars.add(String.valueOf(escaped()));
            } else if (c == '[' || c == '-' || c == '&') {
                throw new NotFinite();
            } else {
                chars.add(String.valueOf(ascii(c)));
                pos++;
            }
        }
        if (pos >= regex.length() || chars.isEmpty()) {
            throw new NotFinite();
        }
        pos++;
        return chars;
    }

    /** {min, max} of the quantifier at pos; max -1 = unbounded; {1, 1} when there is none. */
    private int[] quantifier() {
        if (pos >= regex.length()) {
            return new int[]{1, 1};
        }
        char c = regex.charAt(pos);
        if (c == '?') {
            pos++;
            rejectModifier();
            return new int[]{0, 1};
        }
        if (c == '*' || c == '+') {
            throw new NotFinite();
        }
        if (c != '{') {
            return new int[]{1, 1};
        }
        int close = regex.indexOf('}', pos);
        if (close < 0) {
            throw new NotFinite();
        }
        String body = regex.substring(pos + 1, close);
        pos = close + 1;
        rejectModifier();
        try {
            int comma = body.indexOf(',');
            if (comma < 0) {
                int n = Integer.parseInt(body);
                return new int[]{n, n};
            }
            int min = Integer.parseInt(body.substring(0, comma));
            String rest = body.substring(comma + 1);
            return new int[]{min, rest.isEmpty() ? -1 : Integer.parseInt(rest)};
        } catch (NumberFormatException e) {
            throw new NotFinite();
        }
    }

    /** Lazy and possessive modifiers do not change what a containment test finds, but keep the parser simple. */
    private void rejectModifier() {
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            throw new NotFinite();
        }
    }

    private static char ascii(char c) {
        if (c >= 128 || c < 32) {
            throw new NotFinite();
        }
        return c;
    }

    private static void limit(int size) {
        if (size > MAX_STRINGS) {
            throw new NotFinite();
        }
    }

    /** Control flow for "outside the expandable subset"; never escapes this class. */
    private static final class NotFinite extends RuntimeException {
        NotFinite() {
            super(null, null, false, false);
        }
    }
}
