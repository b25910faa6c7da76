package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;
import io.agentdlp.detection.text.AgentText;

/** The hand-written armoured-block matcher answers what the rule's regex answers, at every keyword occurrence. */
class PemBlockMatcherTest {
    private static final List<String> RULES = List.of("private-key-rsa", "private-key-ec", "private-key-dsa",
            "private-key-openssh", "private-key-pkcs8", "private-key-pkcs8-encrypted", "private-key-pgp");
    private static final String[] DASHES = {"-----", "----", "---", "------", "-", ""};
    private static final String[] BLANKS = {"", "\n", "\r\n", " \n", "\n\n", "  \n \n", "\t", "     \n", "\u00A0\n", "\n\n\n\n\n"};
    private static final String[] NAMES = {"Proc-Type", "DEK-Info", "Version", "Comment", "X", "A1", "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o",
            "Abcdefghijklmnopqrstuvwxyz01234", "Abcdefghijklmnopqrstuvwxyz012345", "1abc", "-abc", "Ab c", "\u00c9tat", "A\ud83d\ude00"};
    private static final String[] VALUE_CHARS = {"a", "Z", "9", " ", ",", ":", "-", "\t", "\r", "\u00e9", "\ud83d\ude00", "\ud83d"};
    private static final String[] BODY_CHARS = {"\n", "\r\n", " ", "=", ":", "-", "\u00e9", "\ud83d\ude00", "\ude00", "\u2003"};
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Test
    void recognisesTheBuiltInAnchoredBlocksOnly() {
        HandMatcherOracle.assertRecognisesOnly(RULES, PemBlockMatcher::of, 1);
    }

    @Test
    void agreesWithTheRegexAtEveryKeywordOccurrenceInTraffic() {
        long decided = 0;
        long occurrences = 0;
        for (SecretRule rule : HandMatcherOracle.rules(RULES)) {
            AnchoredMatcher hand = PemBlockMatcher.of(rule.pattern());
            for (String text : traffic()) {
                String lower = text.toLowerCase(Locale.ROOT);
                for (String keyword : rule.keywords()) {
                    for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
                        int end = (int) Math.min(text.length(), (long) at + keyword.length() + rule.windowAfter());
                        occurrences++;
                        decided += HandMatcherOracle.assertAgrees(rule, hand, text, at, end) != HandMatcherOracle.UNDECIDED
                                ? 1 : 0;
                        // the block cut at every seventh char, as a window ending inside it sees it
                        for (int cut = at; cut < Math.min(end, at + 3_000); cut += 7) {
                            HandMatcherOracle.assertAgrees(rule, hand, text, at, cut);
                        }
                    }
                }
            }
        }
        assertThat(occurrences).isGreaterThan(200);
        assertThat(decided).isEqualTo(occurrences);
    }

    @Test
    void agreesWithTheRegexOnGeneratedBlocks() {
        Random random = new Random(20251125L);
        int[] outcomes = new int[3];
        List<SecretRule> rules = HandMatcherOracle.rules(RULES);
        for (int i = 0; i < 120_000; i++) {
            SecretRule rule = rules.get(random.nextInt(rules.size()));
            AnchoredMatcher hand = PemBlockMatcher.of(rule.pattern());
            String label = label(rule);
            String other = label(rules.get(random.nextInt(rules.size())));
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "" : "x\n");
            int start = sb.length();
            sb.append(HandMatcherOracle.part(random, DASHES, 2)).append("BEGIN ")
                    .append(random.nextInt(20) == 0 ? label.toLowerCase(Locale.ROOT) : label)
                    .append(HandMatcherOracle.part(random, DASHES, 2))
                    .append(HandMatcherOracle.part(random, BLANKS, 3));
            int headers = random.nextInt(3) == 0 ? random.nextInt(9) : 0;
            for (int h = 0; h < headers; h++) {
                sb.append(HandMatcherOracle.part(random, NAMES, 4)).append(random.nextInt(10) == 0 ? "" : ":");
                int[] lengths = {0, 1, 12, 199, 200, 201};
                int n = lengths[random.nextInt(lengths.length)];
                for (int k = 0; k < n; k++) {
                    sb.append(random.nextInt(30) == 0 ? HandMatcherOracle.pick(random, VALUE_CHARS) : "v");
                }
                sb.append(random.nextInt(8) == 0 ? "\r\n" : "\n").append(HandMatcherOracle.part(random, BLANKS, 3));
            }
            int[] lengths = {0, 10, 62, 63, 64, 65, 66, 200, 1_700};
            int body = random.nextInt(500) == 0 ? 16_370 + random.nextInt(30)
                    : random.nextInt(3) == 0 ? random.nextInt(400) : lengths[random.nextInt(lengths.length)];
            int line = random.nextInt(4) == 0 ? 1 + random.nextInt(80) : 64;
            for (int k = 0; k < body; k++) {
                if (k % line == line - 1) {
                    sb.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
                } else if (random.nextInt(150) == 0) {
                    sb.append(HandMatcherOracle.pick(random, BODY_CHARS));
                } else {
                    sb.append(BASE64.charAt(random.nextInt(BASE64.length())));
                }
            }
            sb.append(HandMatcherOracle.part(random, BLANKS, 2));
            if (random.nextInt(6) > 0) {
                sb.append(HandMatcherOracle.part(random, DASHES, 2)).append("END ")
                        .append(random.nextInt(8) == 0 ? other : label).append(HandMatcherOracle.part(random, DASHES, 2));
            }
            sb.append(random.nextBoolean() ? "\ntail - more" : "");
            String text = sb.toString();
            int end = random.nextInt(4) == 0 ? start + random.nextInt(text.length() - start + 1) : text.length();
            outcomes[HandMatcherOracle.assertAgrees(rule, hand, text, start, end)]++;
        }
        assertThat(outcomes[HandMatcherOracle.MATCHED]).isGreaterThan(10_000);
        assertThat(outcomes[HandMatcherOracle.MISSED]).isGreaterThan(20_000);
        // surrogates in bodies and header values, and bodies of 16,384 chars, are left to the regex
        assertThat(outcomes[HandMatcherOracle.UNDECIDED]).isLessThan(outcomes[HandMatcherOracle.MATCHED]);
    }

    @Test
    void leavesACodePointCountToTheRegex() {
        SecretRule rule = HandMatcherOracle.rules(List.of("private-key-rsa")).get(0);
        AnchoredMatcher hand = PemBlockMatcher.of(rule.pattern());
        // 64 chars but 63 code points: the regex's body is one repetition short
        String text = "-----BEGIN RSA PRIVATE KEY-----" + "A".repeat(62) + "\ud83d\ude00-----END RSA PRIVATE KEY-----";
        assertThat(HandMatcherOracle.assertAgrees(rule, hand, text, 0, text.length())).isEqualTo(HandMatcherOracle.UNDECIDED);
        assertThat(rule.pattern().matcher(text).lookingAt()).isFalse();
    }

    /** The matchers' traffic and the benchmark's: 32 mixed texts of 5 KB and of 100 KB, raw and normalised. */
    private static List<String> traffic() {
        List<String> texts = TrafficTexts.rawAndNormalised();
        for (int size : new int[]{5_120, 102_400}) {
            AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
            for (int i = 0; i < 32; i++) {
                String raw = corpus.traffic(size, true);
                texts.add(raw);
                texts.add(AgentText.normalize(raw).toString());
            }
        }
        return texts;
    }

    private static String label(SecretRule rule) {
        String source = rule.pattern().pattern();
        return source.substring(source.indexOf("BEGIN ") + 6, source.indexOf("-{4,5}\\s"));
    }
}
