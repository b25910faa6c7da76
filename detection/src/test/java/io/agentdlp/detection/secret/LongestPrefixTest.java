package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The trie walk answers what comparing each string in turn answers (the former {@code AssignmentMatcher.prefixEnd}, and the shortest string). */
class LongestPrefixTest {

    @Test
    void agreesWithComparingEachStringOnEveryBuiltInPrefix() {
        List<char[][]> sets = new ArrayList<>();
        for (SecretRule rule : RuleCatalog.builtIn().rules()) {
            String p = rule.pattern().pattern();
            if (AssignmentMatcher.of(p) != null && AssignmentMatcher.of(p).prefixByHand()) {
                sets.add(AssignmentMatcher.prefixStrings(AssignmentMatcher.of(p).prefix().pattern()));
            }
        }
        assertThat(sets).hasSizeGreaterThan(3);
        sets.add(new char[][]{"".toCharArray(), "a".toCharArray(), "ab".toCharArray()});
        sets.add(new char[][]{"abc".toCharArray(), "Ab".toCharArray(), "a-b".toCharArray()});
        Random random = new Random(20251125L);
        String noise = "aAzZkK_.-= \u212A\u0131\u017F\u00e9";
        int found = 0;
        for (char[][] strings : sets) {
            LongestPrefix trie = new LongestPrefix(strings);
            for (int i = 0; i < 3_000; i++) {
                StringBuilder sb = new StringBuilder("x ");
                int parts = 1 + random.nextInt(3);
                for (int k = 0; k < parts; k++) {
                    sb.append(random.nextInt(4) == 0 ? String.valueOf(noise.charAt(random.nextInt(noise.length())))
                            : new String(strings[random.nextInt(strings.length)]));
                }
                for (int k = 2; k < sb.length(); k++) {
                    if (random.nextInt(3) == 0) {
                        sb.setCharAt(k, Character.toUpperCase(sb.charAt(k)));
                    }
                }
                if (random.nextInt(4) == 0 && sb.length() > 2) {
                    int at = 2 + random.nextInt(sb.length() - 2);
                    sb.setCharAt(at, noise.charAt(random.nextInt(noise.length())));
                }
                char[] text = sb.append(" = v").toString().toCharArray();
                int end = 2 + random.nextInt(text.length - 1);
                int expected = eachString(strings, text, 2, end);
                assertThat(trie.end(text, 2, end)).as("%s to %d", new String(text), end).isEqualTo(expected);
                assertThat(trie.shortestEnd(text, 2, end)).as("shortest, %s to %d", new String(text), end)
                        .isEqualTo(shortest(strings, text, 2, end));
                found += expected >= 0 ? 1 : 0;
            }
        }
        assertThat(found).isGreaterThan(sets.size() * 1_000);
    }

    /** The former loop: the longest string that the text holds at {@code start}, ASCII letters folded to lower case. */
    private static int eachString(char[][] strings, char[] text, int start, int end) {
        int best = -1;
        for (char[] s : strings) {
            if (s.length > end - start || start + s.length <= best) {
                continue;
            }
            int k = 0;
            while (k < s.length && lowerAscii(text[start + k]) == s[k]) {
                k++;
            }
            if (k == s.length) {
                best = start + k;
            }
        }
        return best;
    }

    /** The shortest string that the text holds at {@code start}, ASCII letters folded to lower case. */
    private static int shortest(char[][] strings, char[] text, int start, int end) {
        int best = -1;
        for (char[] s : strings) {
            if (s.length > end - start || best >= 0 && start + s.length >= best) {
                continue;
            }
            int k = 0;
            while (k < s.length && lowerAscii(text[start + k]) == s[k]) {
                k++;
            }
            if (k == s.length) {
                best = start + k;
            }
        }
        return best;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
