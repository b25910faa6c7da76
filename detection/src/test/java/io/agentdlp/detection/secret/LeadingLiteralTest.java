package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A search that starts at the leading literal's occurrences finds what the regex's own search finds. */
class LeadingLiteralTest {
    @Test
    void readsTheLiteralEveryMatchStartsWith() {
        Map<String, String> literals = new HashMap<>();
        for (SecretRule rule : RuleCatalog.builtIn().rules()) {
            LeadingLiteral literal = LeadingLiteral.of(rule.pattern());
            if (literal != null) {
                literals.put(rule.id(), literal.toString());
            }
        }
        assertThat(literals).containsEntry("openai-api-key", "sk-").containsEntry("twilio-api-key", "SK")
                .containsEntry("slack-webhook-url", "https://hooks.slack.com/").containsEntry("sentry-dsn", "http")
                .containsEntry("gcp-service-account-key", "\"type\"").containsEntry("firebase-cloud-messaging-key", "AAAA")
                .doesNotContainKeys("npmrc-auth-token", "kubernetes-secret-data", "private-key-ssh2-encrypted",
                        "aws-secret-access-key-paired", "discord-bot-token", "telegram-bot-token");
        assertThat(literal("\\b(tok_[a-z]{4})")).isEqualTo("tok_");
        assertThat(literal("(?<![a-z])(?:ab\\.cd)x")).isEqualTo("ab.cd");
        assertThat(literal("abc{2}d")).isEqualTo("ab");
        assertThat(literal("abcd+e")).isEqualTo("abc");
        // optional or alternative starts, flags, a quantified first group, a single char
        assertThat(literal("(?i)abcd")).isNull();
        assertThat(literal("abcd|efgh")).isNull();
        assertThat(literal("(abcd|efgh)x")).isNull();
        assertThat(literal("(abcd)?efgh")).isNull();
        assertThat(literal("(?:abcd)*efgh")).isNull();
        assertThat(literal("ab?cd")).isNull();
        assertThat(literal("\\dabc")).isNull();
        assertThat(LeadingLiteral.of(Pattern.compile("abcd", Pattern.CASE_INSENSITIVE))).isNull();
    }

    @Test
    void searchingFromTheLiteralFindsTheSameMatches() {
        List<SecretRule> rules = RuleCatalog.builtIn().rules().stream()
                .filter(r -> !r.anchored() && LeadingLiteral.of(r.pattern()) != null).toList();
        assertThat(rules).hasSizeGreaterThan(5);
        List<String> texts = TrafficTexts.rawAndNormalised();
        Random random = new Random(41);
        StringBuilder examples = new StringBuilder();
        for (SecretRule rule : rules) {
            String literal = LeadingLiteral.of(rule.pattern()).toString();
            for (String example : concat(rule.examples().truePositives(), rule.examples().falsePositives())) {
                examples.append(example).append('\n');
                // the example with a char of the literal changed, dropped or put in front
                int k = random.nextInt(literal.length());
                examples.append(example.replace(literal, literal.substring(0, k) + "\u00e9" + literal.substring(k + 1))).append('\n');
                examples.append(example.replace(literal, literal.substring(0, k) + literal.substring(k + 1))).append(' ');
                examples.append(literal.charAt(k)).append(example).append('\n');
            }
        }
        texts.add(examples.toString());
        long matches = 0;
        for (SecretRule rule : rules) {
            LeadingLiteral literal = LeadingLiteral.of(rule.pattern());
            for (String text : texts) {
                char[] chars = text.toCharArray();
                Matcher regex = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                for (int i = 0; i < 300; i++) {
                    int from = i == 0 ? 0 : random.nextInt(text.length() + 1);
                    int to = i == 0 ? text.length() : Math.min(text.length(), from + random.nextInt(i % 2 == 0 ? 2_000 : 120));
                    List<Integer> expected = new ArrayList<>();
                    regex.region(from, to);
                    while (regex.find()) {
                        expected.add(regex.start());
                        expected.add(regex.end());
                    }
                    List<Integer> found = new ArrayList<>();
                    int searchFrom = from;
                    for (int at = literal.next(chars, searchFrom, to); at >= 0; at = literal.next(chars, searchFrom, to)) {
                        if (!regex.region(at, to).find()) {
                            break;
                        }
                        found.add(regex.start());
                        found.add(regex.end());
                        searchFrom = regex.end();
                    }
                    assertThat(found).as(rule.id() + " in [" + from + ", " + to + ")").isEqualTo(expected);
                    matches += expected.size() / 2;
                }
            }
        }
        System.out.printf("leading-literal rules %d: %d matches%n", rules.size(), matches);
        assertThat(matches).isGreaterThan(100);
    }

    private static String literal(String regex) {
        LeadingLiteral literal = LeadingLiteral.of(Pattern.compile(regex));
        return literal == null ? null : literal.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
