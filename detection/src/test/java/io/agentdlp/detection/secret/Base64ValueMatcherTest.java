package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The hand-written base64 value matcher answers what the rule's regex answers, at every keyword occurrence. */
class Base64ValueMatcherTest {
    private static final List<String> RULES = List.of("docker-config-auth", "npmrc-basic-auth");
    private static final String[] BEFORE = {"", "\n", ":", " ", "x", "\r", "\u00e9", "{", "\ud83d\ude00"};
    private static final String[] KEYS = {"\"auth\"", "_auth", "_AUTH", "_Auth", "\"Auth\"", "\"auth", "_aut", "_auth\u212A",
            "_au\u017Fh", "\"auths\"", "_authToken"};
    private static final String[] BLANKS = {"", " ", "    ", "     ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2003"};
    private static final String[] SEPARATORS = {":", "=", "", "::", "==", ";"};
    private static final String[] QUOTES = {"\"", "'", "", "`", "\"\""};
    private static final String VALUE_CHARS = "-_.:$ \"'\u00e9\u212A\ud83d";
    private static final String AFTER = "\"' ,;\n=aZ9+/-}\u00e9";

    @Test
    void recognisesTheBuiltInRulesOnly() {
        HandMatcherOracle.assertRecognisesOnly(RULES, Base64ValueMatcher::of, 1);
    }

    @Test
    void agreesWithTheRegexAtEveryKeywordOccurrenceInTraffic() {
        long decided = 0;
        for (SecretRule rule : HandMatcherOracle.rules(RULES)) {
            AnchoredMatcher hand = Base64ValueMatcher.of(rule.pattern());
            for (String text : TrafficTexts.rawAndNormalised()) {
                String lower = text.toLowerCase(Locale.ROOT);
                for (String keyword : rule.keywords()) {
                    for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
                        int end = (int) Math.min(text.length(), (long) at + keyword.length() + rule.windowAfter());
                        decided += HandMatcherOracle.assertAgrees(rule, hand, text, at, end) != HandMatcherOracle.UNDECIDED
                                ? 1 : 0;
                    }
                }
            }
        }
        assertThat(decided).isGreaterThan(20);
    }

    @Test
    void agreesWithTheRegexOnGeneratedValues() {
        Random random = new Random(20251125L);
        int[] outcomes = new int[3];
        for (SecretRule rule : HandMatcherOracle.rules(RULES)) {
            AnchoredMatcher hand = Base64ValueMatcher.of(rule.pattern());
            String key = rule.id().startsWith("docker") ? "\"auth\"" : "_auth";
            for (int i = 0; i < 60_000; i++) {
                String before = HandMatcherOracle.part(random, BEFORE, 3);
                StringBuilder sb = new StringBuilder(before)
                        .append(random.nextInt(3) > 0 ? wellFormedKey(random, key) : HandMatcherOracle.pick(random, KEYS))
                        .append(HandMatcherOracle.part(random, BLANKS, 4))
                        .append(random.nextInt(4) > 0 ? (key.equals("_auth") ? "=" : ":") : HandMatcherOracle.pick(random, SEPARATORS))
                        .append(HandMatcherOracle.part(random, BLANKS, 4))
                        .append(HandMatcherOracle.part(random, QUOTES, 3));
                int[] lengths = {0, 1, 7, 8, 9, 40, 299, 300, 301, 399, 400, 401};
                int n = random.nextInt(3) == 0 ? random.nextInt(80) : lengths[random.nextInt(lengths.length)];
                for (int k = 0; k < n; k++) {
                    sb.append(random.nextInt(60) == 0 ? VALUE_CHARS.charAt(random.nextInt(VALUE_CHARS.length()))
                            : "aB3xZ9+/".charAt(random.nextInt(8)));
                }
                sb.append("=".repeat(random.nextInt(4)));
                if (random.nextInt(3) > 0) {
                    sb.append(random.nextBoolean() ? '"' : AFTER.charAt(random.nextInt(AFTER.length())));
                }
                sb.append(" tail");
                String text = sb.toString();
                int start = before.length();
                int end = random.nextInt(4) == 0 ? start + random.nextInt(text.length() - start + 1) : text.length();
                outcomes[HandMatcherOracle.assertAgrees(rule, hand, text, start, end)]++;
            }
        }
        assertThat(outcomes[HandMatcherOracle.MATCHED]).isGreaterThan(5_000);
        assertThat(outcomes[HandMatcherOracle.MISSED]).isGreaterThan(20_000);
        assertThat(outcomes[HandMatcherOracle.UNDECIDED]).isZero();
    }

    /** The npmrc key in any case; the Docker key is matched case-sensitively. */
    private static String wellFormedKey(Random random, String key) {
        return key.equals("_auth") ? HandMatcherOracle.casing(random, key) : key;
    }
}
