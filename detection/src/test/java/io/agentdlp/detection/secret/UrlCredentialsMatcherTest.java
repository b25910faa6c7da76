package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The hand-written URL credentials matcher answers what the rule's regex answers, at every {@code ://}. */
class UrlCredentialsMatcherTest {
    private static final List<String> RULES = List.of("url-credentials");
    private static final String[] SCHEMES = {"https", "git+ssh", "postgres", "redis2", "HTTP", "x_", "", "s\u00e9",
            "\ud83d\ude00", "http:"};
    private static final String[] SEPARATORS = {"://", "://", "//", ":/", ":///", ": //"};
    /** Mostly user and password chars, with the ones either excludes, blanks and non-ASCII chars (surrogates too). */
    private static final String RUN_CHARS = "aZ09._-~%+!$&()*,;=:@/?#'\" \t\n\u000B\f\r\u00A0\u00e9\u2003\ud83d\ude00\ud83d";
    private static final String HOST_CHARS = "aZ09.-_[]:/@?# \u00e9\ud83d";

    @Test
    void recognisesTheBuiltInRuleOnly() {
        HandMatcherOracle.assertRecognisesOnly(RULES, UrlCredentialsMatcher::of, 2);
    }

    @Test
    void agreesWithTheRegexAtEveryKeywordOccurrenceInTraffic() {
        SecretRule rule = HandMatcherOracle.rules(RULES).get(0);
        AnchoredMatcher hand = UrlCredentialsMatcher.of(rule.pattern());
        long decided = 0;
        for (String text : TrafficTexts.rawAndNormalised()) {
            for (int at = text.indexOf("://"); at >= 0; at = text.indexOf("://", at + 1)) {
                int end = (int) Math.min(text.length(), (long) at + 3 + rule.windowAfter());
                decided += HandMatcherOracle.assertAgrees(rule, hand, text, at, end) != HandMatcherOracle.UNDECIDED ? 1 : 0;
            }
        }
        assertThat(decided).isGreaterThan(100);
    }

    @Test
    void agreesWithTheRegexOnGeneratedUrls() {
        SecretRule rule = HandMatcherOracle.rules(RULES).get(0);
        AnchoredMatcher hand = UrlCredentialsMatcher.of(rule.pattern());
        Random random = new Random(20251125L);
        int[] outcomes = new int[3];
        int[] userLengths = {0, 1, 2, 5, 127, 128, 129, 200};
        int[] passwordLengths = {0, 1, 2, 3, 4, 20, 255, 256, 257, 300};
        int[] hostLengths = {0, 1, 2, 12, 252, 253, 254};
        for (int i = 0; i < 150_000; i++) {
            String scheme = HandMatcherOracle.part(random, SCHEMES, 4);
            StringBuilder sb = new StringBuilder(scheme).append(HandMatcherOracle.part(random, SEPARATORS, 2));
            run(random, sb, userLengths, "user", ":");
            sb.append(random.nextInt(6) > 0 ? ":" : String.valueOf(RUN_CHARS.charAt(random.nextInt(RUN_CHARS.length()))));
            run(random, sb, passwordLengths, "pA55:w0rd", "@");
            sb.append(random.nextInt(6) > 0 ? "@" : String.valueOf(RUN_CHARS.charAt(random.nextInt(RUN_CHARS.length()))));
            int hostLength = random.nextBoolean() ? random.nextInt(30) : hostLengths[random.nextInt(hostLengths.length)];
            for (int k = 0; k < hostLength; k++) {
                sb.append(random.nextInt(30) == 0 ? HOST_CHARS.charAt(random.nextInt(HOST_CHARS.length()))
                        : "git.acme.io".charAt(random.nextInt(11)));
            }
            sb.append(random.nextBoolean() ? "/path tail" : " tail");
            String text = sb.toString();
            int start = scheme.length();
            if (random.nextInt(8) == 0) {
                start = random.nextInt(text.length() + 1);
            }
            int end = random.nextInt(4) == 0 ? start + random.nextInt(text.length() - start + 1) : text.length();
            outcomes[HandMatcherOracle.assertAgrees(rule, hand, text, start, end)]++;
        }
        assertThat(outcomes[HandMatcherOracle.MATCHED]).isGreaterThan(20_000);
        assertThat(outcomes[HandMatcherOracle.MISSED]).isGreaterThan(20_000);
        assertThat(outcomes[HandMatcherOracle.UNDECIDED]).isGreaterThan(100);
    }

    /** A run of one of the lengths, mostly of {@code typical}'s chars, at times another char of the URL alphabet. */
    private static void run(Random random, StringBuilder sb, int[] lengths, String typical, String sometimes) {
        int n = random.nextInt(3) == 0 ? random.nextInt(24) : lengths[random.nextInt(lengths.length)];
        for (int k = 0; k < n; k++) {
            int pick = random.nextInt(50);
            sb.append(pick == 0 ? RUN_CHARS.charAt(random.nextInt(RUN_CHARS.length()))
                    : pick == 1 ? sometimes.charAt(0) : typical.charAt(random.nextInt(typical.length())));
        }
    }
}
