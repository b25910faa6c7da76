package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares an {@link AnchoredMatcher} with its rule's regex, as the scanner calls both, and builds test texts. */
final class HandMatcherOracle {
    static final int MATCHED = 0;
    static final int MISSED = 1;
    static final int UNDECIDED = 2;

    private HandMatcherOracle() {
    }

    /**
     * The outcome of the hand matcher on {@code text[start, end)}, asserting where it decides that the regex's
     * {@code lookingAt} (transparent bounds) answers the same, with the same match end and secret group.
     */
    static int assertAgrees(SecretRule rule, AnchoredMatcher hand, String text, int start, int end) {
        int[] group = new int[2];
        char[] chars = (text + "\u0000padding").toCharArray();
        int handEnd = hand.match(chars, text.length(), start, end, group);
        if (handEnd == AssignmentMatcher.UNDECIDED) {
            return UNDECIDED;
        }
        Matcher regex = rule.pattern().matcher(text);
        regex.useTransparentBounds(true);
        regex.useAnchoringBounds(false);
        boolean matched = regex.region(start, end).lookingAt();
        String where = String.format("%s on \"%s\" from %d to %d", rule.id(), text, start, end);
        assertThat(handEnd != AssignmentMatcher.NO_MATCH).as(where).isEqualTo(matched);
        if (!matched) {
            return MISSED;
        }
        int g = rule.secretGroup();
        assertThat(handEnd).as(where).isEqualTo(regex.end());
        assertThat(group[0]).as(where).isEqualTo(regex.start(g));
        assertThat(group[1]).as(where).isEqualTo(regex.end(g));
        return MATCHED;
    }

    /**
     * Asserts that {@code of} recognises exactly the built-in rules {@code ids}, each anchored and with its secret in
     * group {@code secretGroup}.
     */
    static void assertRecognisesOnly(List<String> ids, Function<Pattern, ?> of, int secretGroup) {
        for (SecretRule rule : RuleCatalog.builtIn().rules()) {
            boolean recognised = of.apply(rule.pattern()) != null;
            assertThat(recognised).as(rule.id()).isEqualTo(ids.contains(rule.id()));
            if (recognised) {
                assertThat(rule.secretGroup()).isEqualTo(secretGroup);
                assertThat(rule.anchored()).isTrue();
            }
        }
    }

    static List<SecretRule> rules(List<String> ids) {
        List<SecretRule> out = new ArrayList<>();
        for (SecretRule rule : RuleCatalog.builtIn().rules()) {
            if (ids.contains(rule.id())) {
                out.add(rule);
            }
        }
        assertThat(out).hasSize(ids.size());
        return out;
    }

    /** One of the first {@code wellFormed} options three times in four, else any. */
    static String part(Random random, String[] options, int wellFormed) {
        return options[random.nextInt(4) > 0 ? random.nextInt(wellFormed) : random.nextInt(options.length)];
    }

    static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    static String casing(Random random, String word) {
        StringBuilder sb = new StringBuilder(word);
        for (int k = 0; k < sb.length(); k++) {
            if (random.nextBoolean()) {
                sb.setCharAt(k, Character.toUpperCase(sb.charAt(k)));
            }
        }
        return sb.toString();
    }
}
