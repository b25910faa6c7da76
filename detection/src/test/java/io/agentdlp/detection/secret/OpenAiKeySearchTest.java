package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/** The hand search reports the matches the rule's regex {@code find} reports, in windows of traffic and generated text. */
class OpenAiKeySearchTest {
    private static final String TOKEN = "abcXYZ019_-";
    private static final String OTHER = " \"'=:./+\n\u00e9\u212A";

    @Test
    void recognisesTheBuiltInRuleOnly() {
        List<String> recognised = new ArrayList<>();
        for (SecretRule rule : RuleCatalog.builtIn().rules()) {
            if (OpenAiKeySearch.of(rule.pattern()) != null) {
                recognised.add(rule.id());
                assertThat(rule.anchored()).isFalse();
                assertThat(rule.secretGroup()).isEqualTo(1);
            }
        }
        assertThat(recognised).containsExactly("openai-api-key");
    }

    @Test
    void agreesWithTheRegexInTheWindowsOfTraffic() {
        SecretRule rule = rule();
        int matches = 0;
        for (String text : TrafficTexts.rawAndNormalised()) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (int at = lower.indexOf("t3blbkfj"); at >= 0; at = lower.indexOf("t3blbkfj", at + 1)) {
                int from = Math.max(0, at - 180);
                int end = Math.min(text.length(), at + 8 + 180);
                matches += assertAgrees(rule, text, from, end);
            }
        }
        assertThat(matches).isGreaterThan(5);
    }

    @Test
    void agreesWithTheRegexOnGeneratedText() {
        SecretRule rule = rule();
        Random random = new Random(20251125L);
        int[] lengths = {0, 5, 19, 20, 21, 60, 155, 156, 157, 170};
        String[] optional = {"", "", "proj-", "svcacct-", "admin-", "None-", "none-", "proj", "Proj-", "admin-proj-"};
        String[] markers = {"T3BlbkFJ", "T3BlbkFJ", "T3BlbkFJ", "t3blbkfj", "T3BlbkF", "T3BlbkFJT3BlbkFJ"};
        int matches = 0;
        for (int i = 0; i < 40_000; i++) {
            StringBuilder sb = new StringBuilder();
            int keys = 1 + random.nextInt(3);
            for (int k = 0; k < keys; k++) {
                sb.append(random.nextInt(4) == 0 ? TOKEN.charAt(random.nextInt(TOKEN.length())) : ' ');
                sb.append(random.nextInt(10) == 0 ? "Sk-" : "sk-").append(optional[random.nextInt(optional.length)]);
                appendRun(sb, random, random.nextBoolean() ? lengths[random.nextInt(lengths.length)] : random.nextInt(170));
                sb.append(markers[random.nextInt(markers.length)]);
                appendRun(sb, random, random.nextBoolean() ? lengths[random.nextInt(lengths.length)] : random.nextInt(170));
                if (random.nextBoolean()) {
                    sb.append(markers[random.nextInt(markers.length)]);
                    appendRun(sb, random, random.nextInt(40));
                }
                sb.append(random.nextBoolean() ? OTHER.charAt(random.nextInt(OTHER.length())) : TOKEN.charAt(random.nextInt(TOKEN.length())));
            }
            String text = sb.toString();
            int from = random.nextInt(3) == 0 ? random.nextInt(text.length()) : 0;
            int end = random.nextInt(3) == 0 ? from + random.nextInt(text.length() - from + 1) : text.length();
            matches += assertAgrees(rule, text, from, end);
        }
        assertThat(matches).isGreaterThan(3_000);
    }

    private static void appendRun(StringBuilder sb, Random random, int n) {
        for (int k = 0; k < n; k++) {
            sb.append(random.nextInt(60) == 0 ? OTHER.charAt(random.nextInt(OTHER.length())) : TOKEN.charAt(random.nextInt(TOKEN.length())));
        }
    }

    /** Both searches from {@code from} to {@code end}, each next one from the previous match's end; the match count. */
    private static int assertAgrees(SecretRule rule, String text, int from, int end) {
        List<String> expected = new ArrayList<>();
        Matcher m = rule.pattern().matcher(text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        m.region(from, end);
        while (m.find()) {
            expected.add(m.start() + "-" + m.end() + " " + m.start(1) + "-" + m.end(1));
        }
        List<String> actual = new ArrayList<>();
        char[] chars = (text + "\u0000padding").toCharArray();
        int[] start = new int[2];
        for (int at = from; ; ) {
            int matchEnd = OpenAiKeySearch.of(rule.pattern()).find(chars, text.length(), at, end, start);
            if (matchEnd < 0) {
                break;
            }
            actual.add(start[0] + "-" + matchEnd + " " + start[0] + "-" + matchEnd);
            at = matchEnd;
        }
        assertThat(actual).as("\"%s\" from %d to %d", text, from, end).isEqualTo(expected);
        return expected.size();
    }

    private static SecretRule rule() {
        return RuleCatalog.builtIn().rules().stream().filter(r -> r.id().equals("openai-api-key")).findFirst().orElseThrow();
    }
}
