package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentdlp.detection.KeyedHasher;
import org.junit.jupiter.api.Test;

/**
 * Bounds the engine's work on adversarial input without timing anything: every rule pattern is run over
 * hostile text through a char-access-counting sequence, and the whole scanner's window and regex work
 * is counted, at two input sizes. Linear behaviour means the counts grow with the size ratio.
 */
class LinearWorkTest {
    private static final int SMALL = 4_000;
    private static final int COPIES = 4;
    /**
     * Keyword soup length: several times the longest rule window (16,500 chars after a PEM header), so
     * that windows cut off at the end of the text weigh little and the work ratio measures growth only.
     */
    private static final int SOUP = 80_000;

    @Test
    void everyRulePatternDoesLinearWorkOnHostileInput() {
        List<String> superlinear = new ArrayList<>();
        for (SecretRule rule : RuleCatalog.builtIn().rules()) {
            for (int variant = 0; variant < 3; variant++) {
                String text = hostile(rule, variant, SMALL);
                for (Pattern p : rule.reject() == null ? List.of(rule.pattern()) : List.of(rule.pattern(), rule.reject())) {
                    long small = charAccesses(p, text);
                    long large = charAccesses(p, text.repeat(COPIES));
                    double ratio = (double) large / Math.max(1, small);
                    // the same text 4 times may cost ~4x (plus matches across the seams), never 16x (quadratic)
                    if (ratio > 5.0 || large > 1_000L * SMALL * COPIES) {
                        superlinear.add(rule.id() + " variant " + variant + " " + p + ": " + small + " -> " + large);
                    }
                }
            }
        }
        assertThat(superlinear).isEmpty();
    }

    @Test
    void scannerWorkGrowsLinearlyWithKeywordDenseInput() {
        SecretScanner scanner = SecretScanner.builder().hasher(KeyedHasher.fromSecret("linear-work-test-key")).build();
        List<String> keywords = RuleCatalog.builtIn().rules().stream().flatMap(r -> r.keywords().stream()).distinct().toList();
        ScanWork small = new ScanWork();
        ScanWork large = new ScanWork();
        String soup = keywordSoup(keywords, SOUP);
        scanner.scan(soup, small);
        scanner.scan(soup.repeat(4), large);
        assertThat(small.keywordHits).isGreaterThan(1000);
        assertThat((double) large.keywordHits / small.keywordHits).isBetween(3.9, 4.1);
        assertThat((double) large.windowChars / small.windowChars).isBetween(3.5, 4.5);
        assertThat((double) large.regexFinds / small.regexFinds).isBetween(3.5, 4.5);
        // window merging caps the regex input per rule at the text length
        assertThat(large.windowChars).isLessThan(4L * SOUP * scanner.ruleCount());
    }

    private static long charAccesses(Pattern pattern, String text) {
        CountingSequence seq = new CountingSequence(text);
        Matcher m = pattern.matcher(seq);
        while (m.find()) {
            // consume every match, as the scanner does
        }
        return seq.accesses;
    }

    /** Text built from the rule's keywords, token alphabets and separators that almost match. */
    private static String hostile(SecretRule rule, int variant, int size) {
        Random rnd = new Random(rule.id().hashCode() * 31L + variant);
        String kw = rule.keywords().isEmpty() ? "key" : rule.keywords().get(0);
        StringBuilder sb = new StringBuilder(size + 64);
        String[] parts = switch (variant) {
            case 0 -> new String[]{kw};
            case 1 -> new String[]{kw, "a", "A", "0", "=", " ", "\"", ":", "-", "_", ".", "/", "+", "\n", "@"};
            default -> new String[]{kw, kw.toUpperCase(), "password", "token=", "://u:", "@", "AKIA", "eyJ", "-----BEGIN ", "%3D", "==", "\n  "};
        };
        while (sb.length() < size) {
            String p = parts[rnd.nextInt(parts.length)];
            sb.append(variant == 0 ? p : p.repeat(1 + rnd.nextInt(variant == 1 ? 40 : 3)));
        }
        return sb.substring(0, size);
    }

    private static String keywordSoup(List<String> keywords, int size) {
        Random rnd = new Random(42);
        StringBuilder sb = new StringBuilder(size + 64);
        while (sb.length() < size) {
            sb.append(keywords.get(rnd.nextInt(keywords.size()))).append(rnd.nextBoolean() ? "=" : " ").append(Integer.toHexString(rnd.nextInt()));
        }
        return sb.substring(0, size);
    }

    /** Counts every charAt, the regex engine's only way to read its input. */
    private static final class CountingSequence implements CharSequence {
        private final String s;
        long accesses;

        CountingSequence(String s) {
            this.s = s;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            accesses++;
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.subSequence(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
