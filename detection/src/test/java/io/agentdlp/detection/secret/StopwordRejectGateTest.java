package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/** The gate never drops a start where the reject regex matches, and drops most starts where it does not. */
class StopwordRejectGateTest {
    private static final String[] STOPWORDS = {"hash", "hint", "header", "digest", "salt", "size", "path", "len", "ref",
            "env", "min_", "max.", "_id", "_in", "id", "ize", "zer", "arn", "budget", "key_id", "keyid", "name", "url"};
    private static final String NAME_NOISE = "aZk_.-0\u212A\u0131\u017F\u00e9 =:\"";

    @Test
    void gatesTheGenericRulesWhosePrefixIsMatchedByHand() {
        List<String> gated = new ArrayList<>();
        for (SecretRule rule : RuleCatalog.builtIn().rules()) {
            if (gate(rule) != null) {
                gated.add(rule.id());
            }
        }
        assertThat(gated).containsExactlyInAnyOrder("generic-api-key", "generic-token", "generic-secret");
    }

    @Test
    void neverDropsARegexMatchAtKeywordsInTraffic() {
        int[] counts = new int[3];
        for (SecretRule rule : gatedRules()) {
            for (String text : TrafficTexts.rawAndNormalised()) {
                String lower = text.toLowerCase(Locale.ROOT);
                for (String keyword : rule.keywords()) {
                    for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
                        for (int end : new int[]{Math.min(text.length(), at + 80), Math.min(text.length(), at + 8)}) {
                            counts[check(rule, text, at, end)]++;
                        }
                    }
                }
            }
        }
        assertThat(counts[0]).as("regex matches").isGreaterThan(20);
        assertThat(counts[1]).as("dropped by the gate").isGreaterThan(1_000);
    }

    @Test
    void neverDropsARegexMatchOnGeneratedNames() {
        Random random = new Random(20251125L);
        int[] counts = new int[3];
        for (SecretRule rule : gatedRules()) {
            for (int i = 0; i < 40_000; i++) {
                StringBuilder sb = new StringBuilder(rule.keywords().get(random.nextInt(rule.keywords().size())));
                int parts = random.nextInt(4);
                for (int k = 0; k < parts; k++) {
                    switch (random.nextInt(4)) {
                        case 0 -> sb.append(STOPWORDS[random.nextInt(STOPWORDS.length)]);
                        case 1 -> sb.append("_x".repeat(random.nextInt(20)));
                        case 2 -> sb.append(NAME_NOISE.charAt(random.nextInt(NAME_NOISE.length())));
                        default -> sb.append(random.nextBoolean() ? "s" : "_");
                    }
                }
                for (int k = 0; k < sb.length(); k++) {
                    if (random.nextInt(3) == 0) {
                        sb.setCharAt(k, Character.toUpperCase(sb.charAt(k)));
                    }
                }
                String text = "x " + sb + (random.nextBoolean() ? " = value" : "");
                int end = 2 + random.nextInt(text.length() - 1);
                counts[check(rule, text, 2, end)]++;
            }
        }
        assertThat(counts[0]).as("regex matches").isGreaterThan(5_000);
        assertThat(counts[1]).as("dropped by the gate").isGreaterThan(10_000);
        assertThat(counts[2]).as("left to the regex, no match").isGreaterThan(1_000);
    }

    /** 0: the regex matches (the gate must let it through), 1: the gate drops the start, 2: the regex says no. */
    private static int check(SecretRule rule, String text, int start, int end) {
        Matcher regex = rule.reject().matcher(text);
        regex.useTransparentBounds(true);
        regex.useAnchoringBounds(false);
        boolean matched = regex.region(start, end).lookingAt();
        boolean admitted = gate(rule).mayMatch((text + "xx").toCharArray(), start, end);
        if (matched) {
            assertThat(admitted).as("%s on \"%s\" from %d to %d", rule.id(), text, start, end).isTrue();
            return 0;
        }
        return admitted ? 2 : 1;
    }

    private static StopwordRejectGate gate(SecretRule rule) {
        AssignmentMatcher assignment = PatternShape.startsWithAssignment(rule.pattern().pattern()) && rule.anchored()
                ? AssignmentMatcher.of(rule.pattern().pattern()) : null;
        return StopwordRejectGate.of(rule.reject(), assignment);
    }

    private static List<SecretRule> gatedRules() {
        return RuleCatalog.builtIn().rules().stream().filter(r -> gate(r) != null).toList();
    }
}
