package io.agentdlp.detection.secret;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a candidate secret contains a documentation placeholder, case-insensitively, with the
 * regex engine only as the last resort:
 * <ul>
 *   <li>placeholders whose regex has a small finite language ({@code changeme}, {@code change[_\-]?me},
 *       {@code \$\{}, {@code x{5,}}) are expanded into strings, all found by one keyword automaton pass;</li>
 *   <li>{@code ^X$} with a finite {@code X} ({@code ^test(?:ing)?$}) is a set of whole values;</li>
 *   <li>{@code ([A-Za-z0-9])\1{n,}} (a char repeated) is a run-length check;</li>
 *   <li>any other regex runs on its own, and only when the secret holds the regex's leading literal char
 *       if it has one ({@code <} of {@code <[^>]{0,60}>}).</li>
 * </ul>
 * Immutable and thread-safe; regex matchers come from the caller's per-thread {@link Matchers}.
 */
final class PlaceholderMatcher {
    private static final Pattern REPEATED_ALNUM = Pattern.compile("\\(\\[A-Za-z0-9]\\)\\\\1\\{(\\d{1,3}),}");
    private static final String REGEX_META = "\\^$.|?*+()[]{}";

    private final KeywordAutomaton literals;
    private final Set<String> wholeValues;
    private final int longestWholeValue;
    /** Shortest run of one repeated letter or digit that is a placeholder; 0 = no such placeholder. */
    private final int repeatedRun;
    private final Pattern[] regexes;
    /** Per regex: a char every match contains, or 0. */
    private final char[] regexLeadChar;

    PlaceholderMatcher(List<String> placeholders) {
        List<String> words = new ArrayList<>();
        Set<String> whole = new HashSet<>();
        int run = 0;
        List<Pattern> rest = new ArrayList<>();
        for (String p : placeholders) {
            Optional<List<String>> expanded = FiniteLanguage.expand(p);
            Optional<List<String>> anchored = p.length() > 2 && p.startsWith("^") && p.endsWith("$") && !p.endsWith("\\$")
                    ? FiniteLanguage.expand(p.substring(1, p.length() - 1)) : Optional.empty();
            Matcher repeated = REPEATED_ALNUM.matcher(p);
            if (expanded.isPresent()) {
                words.addAll(expanded.get());
            } else if (anchored.isPresent()) {
                whole.addAll(anchored.get());
            } else if (repeated.matches()) {
                int n = Integer.parseInt(repeated.group(1)) + 1;
                run = run == 0 ? n : Math.min(run, n);
            } else {
                rest.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE));
            }
        }
        this.literals = words.isEmpty() ? null : new KeywordAutomaton(words);
        this.wholeValues = Set.copyOf(whole);
        this.longestWholeValue = whole.stream().mapToInt(String::length).max().orElse(0);
        this.repeatedRun = run;
        this.regexes = rest.toArray(Pattern[]::new);
        this.regexLeadChar = new char[regexes.length];
        for (int i = 0; i < regexes.length; i++) {
            char c = regexes[i].pattern().charAt(0);
            boolean literal = REGEX_META.indexOf(c) < 0 && !Character.isLetterOrDigit(c) && c < 128;
            regexLeadChar[i] = literal ? c : 0;
        }
    }

    /** Per-thread reusable matchers for the regex placeholders. */
    Matchers newMatchers() {
        return new Matchers(regexes.length);
    }

    /** Number of placeholders left to the regex engine (the others are plain strings). */
    int regexCount() {
        return regexes.length;
    }

    boolean containsPlaceholder(String secret, Matchers m) {
        if (literals != null && literals.containsAny(secret)) {
            return true;
        }
        if (secret.length() <= longestWholeValue + 2 && wholeValues.contains(asciiLowerWithoutFinalLineBreak(secret))) {
            return true;
        }
        if (repeatedRun > 0 && hasRepeatedRun(secret, repeatedRun)) {
            return true;
        }
        for (int i = 0; i < regexes.length; i++) {
            if ((regexLeadChar[i] == 0 || secret.indexOf(regexLeadChar[i]) >= 0) && m.reset(i, regexes[i], secret).find()) {
                return true;
            }
        }
        return false;
    }

    /** The value {@code ^X$} sees: {@code $} also matches before a final line terminator. */
    private static String asciiLowerWithoutFinalLineBreak(String s) {
        int end = s.length();
        if (end > 0 && "\n\r\u0085\u2028\u2029".indexOf(s.charAt(end - 1)) >= 0) {
            end -= end > 1 && s.charAt(end - 1) == '\n' && s.charAt(end - 2) == '\r' ? 2 : 1;
        }
        char[] c = new char[end];
        for (int i = 0; i < end; i++) {
            char ch = s.charAt(i);
            c[i] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
        }
        return new String(c);
    }

    /**
     * True when one ASCII letter or digit occurs {@code run} times in a row (letters case-insensitively).
     * A run of {@code run} chars holds two positions {@code run / 2} apart of which the first is a multiple
     * of {@code run / 2}, so only those pairs are compared, and the run around a pair that agrees is measured.
     */
    static boolean hasRepeatedRun(String s, int run) {
        if (run < 4) {
            return hasRepeatedRunCharByChar(s, run);
        }
        int step = run / 2;
        int n = s.length();
        for (int p = 0; p + step < n; p += step) {
            char c = fold(s.charAt(p));
            if (c == fold(s.charAt(p + step)) && isAsciiAlnum(c) && runAround(s, p, c) >= run) {
                return true;
            }
        }
        return false;
    }

    /** Length of the run of {@code c} (folded) through position {@code p}. */
    private static int runAround(String s, int p, char c) {
        int from = p;
        while (from > 0 && fold(s.charAt(from - 1)) == c) {
            from--;
        }
        int to = p + 1;
        while (to < s.length() && fold(s.charAt(to)) == c) {
            to++;
        }
        return to - from;
    }

    /** {@link #hasRepeatedRun} one char at a time, for runs too short to compare pairs. */
    static boolean hasRepeatedRunCharByChar(String s, int run) {
        int length = 0;
        char previous = 0;
        for (int i = 0; i < s.length(); i++) {
            char folded = fold(s.charAt(i));
            if (!isAsciiAlnum(folded)) {
                length = 0;
            } else if (length > 0 && folded == previous) {
                length++;
            } else {
                length = 1;
            }
            if (length >= run) {
                return true;
            }
            previous = folded;
        }
        return false;
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static boolean isAsciiAlnum(char folded) {
        return folded >= 'a' && folded <= 'z' || folded >= '0' && folded <= '9';
    }

    /** Reusable matchers, one per regex placeholder; confined to one thread. */
    static final class Matchers {
        private final Matcher[] matchers;

        private Matchers(int n) {
            this.matchers = new Matcher[n];
        }

        private Matcher reset(int i, Pattern p, String input) {
            Matcher m = matchers[i];
            if (m == null) {
                m = p.matcher(input);
                matchers[i] = m;
            } else {
                m.reset(input);
            }
            return m;
        }
    }
}
