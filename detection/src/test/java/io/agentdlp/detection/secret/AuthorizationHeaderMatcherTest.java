package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/** The hand-written Authorization header matcher answers what the rule's regex answers, at every keyword occurrence. */
class AuthorizationHeaderMatcherTest {
    private static final List<String> RULES = List.of("authorization-bearer", "authorization-basic", "elastic-api-key");
    private static final String[] BLANKS = {"", " ", "  ", "   ", "    ", "     ", "\t", " \t", "\n", "\r\n", "\u000B", "\f",
            "\u00A0", "\u2003"};
    private static final String[] QUOTES = {"", "\"", "'", "`", "\"\""};
    private static final String[] SEPARATORS = {":", "=", ";", "", "::", ":="};
    private static final String[] SCHEMES = {"Bearer", "bearer", "BEARER", "Token", "token", "Basic", "basic", "ApiKey",
            "apikey", "APIKEY", "Bear", "Bearerx", "Bas", "Bearer\u212A", "Ba\u017Fic", "t\u0131ken", ""};
    private static final String VALUE_CHARS = "aZ09_-.~+/=:$ \u00e9\u212A";
    private static final String AFTER = "\"' ,;\n=aZ9+/-_.~\u00e9";

    @Test
    void recognisesTheBuiltInHeaderRulesOnly() {
        for (SecretRule rule : RuleCatalog.builtIn().rules()) {
            AuthorizationHeaderMatcher m = AuthorizationHeaderMatcher.of(rule.pattern().pattern());
            assertThat(m != null).as(rule.id()).isEqualTo(RULES.contains(rule.id()));
            if (m != null) {
                assertThat(rule.pattern().flags()).isZero();
                assertThat(rule.secretGroup()).isEqualTo(1);
                assertThat(rule.anchored()).isTrue();
            }
        }
    }

    @Test
    void agreesWithTheRegexAtEveryKeywordOccurrenceInTraffic() {
        long decided = 0;
        for (SecretRule rule : rules()) {
            for (String text : TrafficTexts.rawAndNormalised()) {
                for (String keyword : rule.keywords()) {
                    String lower = text.toLowerCase(Locale.ROOT);
                    for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
                        int end = (int) Math.min(text.length(), (long) at + keyword.length() + rule.windowAfter());
                        decided += assertAgrees(rule, text, at, end) ? 1 : 0;
                    }
                }
            }
        }
        assertThat(decided).isGreaterThan(20);
    }

    @Test
    void agreesWithTheRegexOnGeneratedHeaders() {
        Random random = new Random(20251125L);
        int[] outcomes = new int[3];
        for (SecretRule rule : rules()) {
            for (int i = 0; i < 60_000; i++) {
                String prefix = random.nextInt(4) == 0 ? "" : "-H \"";
                String header = random.nextInt(5) == 0 ? mutate(random, "Authorization") : casing(random, "authorization");
                // each part well-formed for the rule at most times, so that whole matches are frequent
                StringBuilder sb = new StringBuilder(prefix).append(header)
                        .append(part(random, QUOTES, 3)).append(part(random, BLANKS, 5)).append(part(random, SEPARATORS, 2))
                        .append(part(random, BLANKS, 5)).append(part(random, QUOTES, 3))
                        .append(random.nextInt(3) > 0 ? scheme(random, rule) : pick(random, SCHEMES))
                        .append(random.nextInt(4) > 0 ? " " : pick(random, BLANKS));
                int[] lengths = {0, 1, 7, 8, 9, 19, 20, 21, 39, 40, 41, 64, 199, 200, 201, 511, 512, 513, 2047, 2048, 2049};
                int n = random.nextInt(3) == 0 ? random.nextInt(80) : lengths[random.nextInt(lengths.length)];
                for (int k = 0; k < n; k++) {
                    sb.append(random.nextInt(40) == 0 ? VALUE_CHARS.charAt(random.nextInt(VALUE_CHARS.length()))
                            : "aB3xZ9+/".charAt(random.nextInt(8)));
                }
                sb.append("=".repeat(random.nextInt(4)));
                if (random.nextBoolean()) {
                    sb.append(AFTER.charAt(random.nextInt(AFTER.length())));
                }
                sb.append(" tail");
                String text = sb.toString();
                int start = prefix.length();
                int end = random.nextInt(4) == 0 ? start + random.nextInt(text.length() - start + 1) : text.length();
                int outcome = outcome(rule, text, start, end);
                outcomes[outcome]++;
            }
        }
        // matches, misses and the other alternative's hits all occur
        assertThat(outcomes[0]).isGreaterThan(5_000);
        assertThat(outcomes[1]).isGreaterThan(5_000);
        assertThat(outcomes[2]).isGreaterThan(100);
    }

    /** 0: the regex matches, 1: it does not, 2: left to the regex; asserting the hand answer where it decides. */
    private static int outcome(SecretRule rule, String text, int start, int end) {
        Matcher regex = regex(rule, text, start, end);
        boolean matched = regex.lookingAt();
        boolean decided = assertAgrees(rule, text, start, end);
        return !decided ? 2 : matched ? 0 : 1;
    }

    /** Whether the hand matcher decided; if it did, that it answered as the regex. */
    private static boolean assertAgrees(SecretRule rule, String text, int start, int end) {
        AuthorizationHeaderMatcher hand = AuthorizationHeaderMatcher.of(rule.pattern().pattern());
        int[] group = new int[2];
        char[] chars = (text + "\u0000padding").toCharArray();
        int handEnd = hand.match(chars, text.length(), start, end, group);
        if (handEnd == AssignmentMatcher.UNDECIDED) {
            return false;
        }
        Matcher regex = regex(rule, text, start, end);
        boolean matched = regex.lookingAt();
        String where = String.format("%s on \"%s\" from %d to %d", rule.id(), text, start, end);
        assertThat(handEnd != AssignmentMatcher.NO_MATCH).as(where).isEqualTo(matched);
        if (matched) {
            assertThat(group[0]).as(where).isEqualTo(regex.start(1));
            assertThat(group[1]).as(where).isEqualTo(regex.end(1));
            assertThat(handEnd).as(where).isEqualTo(regex.end(1)).isEqualTo(regex.end());
        }
        return true;
    }

    private static Matcher regex(SecretRule rule, String text, int start, int end) {
        Matcher m = rule.pattern().matcher(text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m.region(start, end);
    }

    private static List<SecretRule> rules() {
        List<SecretRule> out = new ArrayList<>();
        for (SecretRule rule : RuleCatalog.builtIn().rules()) {
            if (RULES.contains(rule.id())) {
                out.add(rule);
            }
        }
        assertThat(out).hasSize(RULES.size());
        return out;
    }

    /** One of the first {@code wellFormed} options three times in four, else any. */
    private static String part(Random random, String[] options, int wellFormed) {
        return options[random.nextInt(4) > 0 ? random.nextInt(wellFormed) : random.nextInt(options.length)];
    }

    private static String scheme(Random random, SecretRule rule) {
        return switch (rule.id()) {
            case "authorization-bearer" -> casing(random, random.nextBoolean() ? "bearer" : "token");
            case "authorization-basic" -> casing(random, "basic");
            default -> "ApiKey";
        };
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String casing(Random random, String word) {
        StringBuilder sb = new StringBuilder(word);
        for (int k = 0; k < sb.length(); k++) {
            if (random.nextBoolean()) {
                sb.setCharAt(k, Character.toUpperCase(sb.charAt(k)));
            }
        }
        return sb.toString();
    }

    /** A char of the header name changed, dropped or doubled, non-ASCII lookalikes included. */
    private static String mutate(Random random, String word) {
        StringBuilder sb = new StringBuilder(word);
        int at = random.nextInt(sb.length());
        String lookalikes = "\u0131\u0130\u212Azx_";
        switch (random.nextInt(3)) {
            case 0 -> sb.setCharAt(at, lookalikes.charAt(random.nextInt(lookalikes.length())));
            case 1 -> sb.deleteCharAt(at);
            default -> sb.insert(at, sb.charAt(at));
        }
        return sb.toString();
    }
}
