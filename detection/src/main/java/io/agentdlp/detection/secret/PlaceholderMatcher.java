package io.agentdlp.detection.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a candidate secret contains a documentation placeholder. Placeholders whose regex has a
 * small finite language ({@code changeme}, {@code change[_\-]?me}, {@code \$\{}, {@code x{5,}}) are
 * expanded into strings and found together by one case-insensitive keyword automaton pass; only the
 * others (back-references, anchors, open classes) run through the regex engine, each on its own.
 * Immutable and thread-safe; regex matchers come from the caller's per-thread {@link Matchers}.
 */
final class PlaceholderMatcher {
    private final KeywordAutomaton literals;
    private final Pattern[] regexes;

    PlaceholderMatcher(List<String> placeholders) {
        List<String> words = new ArrayList<>();
        List<Pattern> rest = new ArrayList<>();
        for (String p : placeholders) {
            Optional<List<String>> expanded = FiniteLanguage.expand(p);
            if (expanded.isPresent()) {
                words.addAll(expanded.get());
            } else {
                rest.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE));
            }
        }
        this.literals = words.isEmpty() ? null : new KeywordAutomaton(words);
        this.regexes = rest.toArray(Pattern[]::new);
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
        for (int i = 0; i < regexes.length; i++) {
            if (m.reset(i, regexes[i], secret).find()) {
                return true;
            }
        }
        return false;
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
