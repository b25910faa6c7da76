package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-written matcher of tokens made of several parts answers what the rule's regex answers, at every keyword occurrence. */
class TokenSequenceMatcherTest {
    private static final String NOISE = "aZ09fQx_-.+/=~:; \n\"'\u00e9\u2192\u212a";

    @Test
    void recognisesTokensOfSeveralPartsAndNothingOfAnotherShape() {
        List<String> recognised = handMatchedRules().stream().map(SecretRule::id).toList();
        assertThat(recognised).contains("jwt", "slack-bot-token", "slack-user-token", "anthropic-api-key", "aws-mws-key",
                "vault-service-token", "mapbox-secret-token", "aws-access-key-id", "notion-integration-token", "langsmith-api-key");
        assertThat(recognised).doesNotContain("github-pat-classic", "slack-legacy-token");
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b(ab[a-z]{2,5}-[0-9]{3})\\b"))).isNotNull();
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b(ab(?:c|d[0-9])-[0-9]{3})\\b"))).isNotNull();
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b((?:ab-[0-9]{3})|(?:c[a-z]{2,4}_x))\\b"))).isNotNull();
        // alternatives nested, in two groups, in a quantified group, or holding a group
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b(ab(?:c|(?:d|e))-[0-9]{3})\\b"))).isNull();
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b(ab(?:c|d)-(?:e|f)[0-9]{3})\\b"))).isNull();
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b(ab(?:c|d)?-[0-9]{3})\\b"))).isNull();
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b((?:ab-[0-9]{3})|(?:c(?:d)))\\b"))).isNull();
        // a variable run before another run or before a literal of its own class, flags, a lazy or optional
        // part, a quantified literal, an unknown trailer
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b(ab[a-z]{2,5}[0-9a-z]{3})\\b"))).isNull();
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b(ab[a-z]{2,5}x[0-9]{3})\\b"))).isNull();
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b(ab[a-z]{2,5}-[0-9]{3})\\b", Pattern.CASE_INSENSITIVE))).isNull();
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b(ab[a-z]{2,5}?-[0-9]{3})\\b"))).isNull();
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b(ab[a-z]?-[0-9]{3})\\b"))).isNull();
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b(a{2}-[0-9]{3})\\b"))).isNull();
        assertThat(TokenSequenceMatcher.of(Pattern.compile("\\b(ab-[0-9]{3})x"))).isNull();
    }

    @Test
    void agreesWithTheRegexOnCorpusTextAndMutatedExamples() {
        List<SecretRule> rules = handMatchedRules();
        List<String> texts = TrafficTexts.rawAndNormalised();
        Random random = new Random(43);
        for (SecretRule rule : rules) {
            texts.add(mutatedExamples(rule, random));
        }
        long matches = 0;
        long misses = 0;
        long undecided = 0;
        for (SecretRule rule : rules) {
            TokenSequenceMatcher hand = TokenSequenceMatcher.of(rule.pattern());
            for (String text : texts) {
                char[] chars = text.toCharArray();
                String lower = text.toLowerCase(Locale.ROOT);
                Matcher regex = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                for (String keyword : rule.keywords()) {
                    for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
                        int windowEnd = Math.min(text.length(), at + keyword.length() + rule.windowAfter());
                        // the scanner's region, and a region cut short somewhere inside the token
                        for (int end : new int[]{windowEnd, Math.min(windowEnd, at + random.nextInt(200))}) {
                            int tokenEnd = hand.match(chars, chars.length, at, end);
                            if (tokenEnd == TokenSequenceMatcher.UNDECIDED) {
                                undecided++;
                                continue;
                            }
                            boolean found = regex.region(at, end).lookingAt();
                            String where = rule.id() + " at " + at + " to " + end;
                            assertThat(tokenEnd != TokenSequenceMatcher.NO_MATCH).as(where).isEqualTo(found);
                            if (found) {
                                matches++;
                                assertThat(new int[]{at, tokenEnd, tokenEnd}).as(where)
                                        .containsExactly(regex.start(1), regex.end(1), regex.end());
                            } else {
                                misses++;
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("hand-matched token sequence rules %d: %d matches, %d misses, %d left to the regex%n",
                rules.size(), matches, misses, undecided);
        assertThat(matches).isGreaterThan(3_000);
        assertThat(misses).isGreaterThan(20_000);
        assertThat(undecided).isLessThan((matches + misses) / 5);
    }

    @Test
    void agreesWithTheRegexWhereRunsMeetTheirLimitsAndTheLastGivesBackChars() {
        String[] patterns = {"\\b(t-[a-z.]{2,6}-[a-z\\-]{2,8})\\b", "(?<![a-z])(t[0-9]{2,4}\\.[a-z.]{3,6})(?![a-z])",
                "\\b(t[ab]\\d{2}-[a-z]{1,3}+)", "(?<![a-z0-9])(t[a-z]{3}_[0-9]{2,3}x)(?![a-z])", "\\b(t\\.[a-z]{2}\\d[a-z.\\-]{1,5})",
                "\\b((?:t-[a-z]{2,4})|(?:t-[a-z]{1,2}-[a-z\\-]{1,4}))\\b", "(?<![a-z0-9])(t(?:12|1|a)[0-9a-z]{2,3})(?![a-z])",
                "(?<![)(])(t(?:1|ab)[a-z]{2})(?![)(])"};
        String[] starts = {"t-", "t", "ta", "t", "t.", "t-", "t", "t"};
        // per pattern, pieces of its parts and near misses, so that the texts often reach the literals and run limits
        String[][] pieces = {{"ab", "a.", "abcdef", "-", "b-c", "-ab", "\u00e9", " ", "_", "9", "abcdefghij"},
                {"12", "9", "1234", "12345", ".", "ab", "a.b", "abcdefg", "x", "\u00e9", " "},
                {"12", "1", "123", "-", "a", "ab", "abcd", "\u00e9", " ", "_"},
                {"abc", "ab", "abcd", "_", "12", "123", "1234", "x", "xa", "\u00e9", " "},
                {"ab", "a", "abc", "9", "99", ".", "-", "a.b", "\u00e9", " ", "abcdefg"},
                {"ab", "a", "abc", "abcd", "abcde", "-", "-a", "a-", "\u00e9", " ", "_"},
                {"12", "1", "a", "2", "ab", "abc", "123", "x", "\u00e9", " ", "_"},
                {"1", "ab", "a", "abc", "(", ")", "x", "\u00e9", " "}};
        String before = "ab-.9x_ \u00e9()";
        Random random = new Random(47);
        long matches = 0;
        long misses = 0;
        for (int p = 0; p < patterns.length; p++) {
            String source = patterns[p];
            Pattern pattern = Pattern.compile(source);
            TokenSequenceMatcher hand = TokenSequenceMatcher.of(pattern);
            assertThat(hand).as(source).isNotNull();
            for (int i = 0; i < 120_000; i++) {
                StringBuilder sb = new StringBuilder();
                sb.append(random.nextBoolean() ? "" : String.valueOf(before.charAt(random.nextInt(before.length()))));
                int at = sb.length();
                sb.append(starts[p]);
                for (int k = random.nextInt(6); k > 0; k--) {
                    sb.append(pieces[p][random.nextInt(pieces[p].length)]);
                }
                String text = sb.toString();
                int end = random.nextBoolean() ? text.length() : at + random.nextInt(text.length() - at + 1);
                int tokenEnd = hand.match(text.toCharArray(), text.length(), at, end);
                if (tokenEnd == TokenSequenceMatcher.UNDECIDED) {
                    continue;
                }
                Matcher regex = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false).region(at, end);
                boolean found = regex.lookingAt();
                assertThat(tokenEnd != TokenSequenceMatcher.NO_MATCH).as(source + " on " + text + " to " + end).isEqualTo(found);
                if (found) {
                    matches++;
                    assertThat(tokenEnd).as(source + " on " + text + " to " + end).isEqualTo(regex.end(1));
                } else {
                    misses++;
                }
            }
        }
        assertThat(matches).isGreaterThan(1_000);
        assertThat(misses).isGreaterThan(5_000);
    }

    private static List<SecretRule> handMatchedRules() {
        return RuleCatalog.builtIn().rules().stream()
                .filter(r -> r.anchored() && r.secretGroup() == 1 && PrefixTokenMatcher.of(r.pattern()) == null
                        && TokenSequenceMatcher.of(r.pattern()) != null).toList();
    }

    /**
     * The rule's examples, each also with one to three edits (a char inserted, deleted, replaced or doubled
     * into a run of twenty), after chars that do or do not make a boundary.
     */
    private static String mutatedExamples(SecretRule rule, Random random) {
        List<String> examples = new java.util.ArrayList<>(rule.examples().truePositives());
        examples.addAll(rule.examples().falsePositives());
        String[] before = {"", " ", "\n", "a", "_", "-", ".", "=", "\u00e9"};
        StringBuilder sb = new StringBuilder();
        for (String example : examples) {
            for (int i = 0; i < 400; i++) {
                StringBuilder e = new StringBuilder(example);
                for (int edits = i == 0 ? 0 : 1 + random.nextInt(3); edits > 0 && e.length() > 0; edits--) {
                    int at = random.nextInt(e.length());
                    char c = random.nextBoolean() ? NOISE.charAt(random.nextInt(NOISE.length())) : e.charAt(random.nextInt(e.length()));
                    switch (random.nextInt(4)) {
                        case 0 -> e.insert(at, c);
                        case 1 -> e.deleteCharAt(at);
                        case 2 -> e.setCharAt(at, c);
                        default -> e.insert(at, String.valueOf(e.charAt(at)).repeat(20));
                    }
                }
                sb.append(before[random.nextInt(before.length)]).append(e).append(random.nextBoolean() ? "\n" : " ");
            }
        }
        return sb.toString();
    }
}
