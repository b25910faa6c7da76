package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PlaceholderMatcherTest {

    @Test
    void smallFiniteRegexesExpandToTheirStrings() {
        assertThat(FiniteLanguage.expand("change[_\\-]?me")).hasValue(List.of("changeme", "change_me", "change-me"));
        assertThat(FiniteLanguage.expand("your(?:api|token)")).hasValue(List.of("yourapi", "yourtoken"));
        assertThat(FiniteLanguage.expand("\\$\\{")).hasValue(List.of("${"));
        assertThat(FiniteLanguage.expand("x{5,}")).hasValue(List.of("xxxxx"));
        assertThat(FiniteLanguage.expand("\\.{3}")).hasValue(List.of("..."));
        assertThat(FiniteLanguage.expand("Internal-Demo")).hasValue(List.of("internal-demo"));
        assertThat(FiniteLanguage.expand("a|b(?:c|d)?")).hasValue(List.of("a", "b", "bc", "bd"));
        assertThat(FiniteLanguage.expand("a{2,}b{2,}")).hasValue(List.of("aabb"));
    }

    @Test
    void regexesOutsideTheFiniteSubsetAreNotExpanded() {
        for (String regex : List.of("([A-Za-z0-9])\\1{7,}", "<[^>]{0,60}>", "^test(?:ing)?$", "[a-z]{3}", "a.b",
                "ab*", "a+", "\\d{4}", "(?i)key", "a{2,}b{2,}c", "ax{2,}b", "x?", "[ab]{40}")) {
            assertThat(FiniteLanguage.expand(regex)).as(regex).isEmpty();
        }
    }

    @Test
    void agreesWithTheRegexEngineOnTheBuiltInPlaceholders() {
        List<String> placeholders = RuleCatalog.builtIn().placeholders();
        PlaceholderMatcher matcher = new PlaceholderMatcher(placeholders);
        PlaceholderMatcher.Matchers scratch = matcher.newMatchers();
        List<Pattern> reference = placeholders.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
        assertThat(matcher.regexCount()).isLessThan(placeholders.size() / 4);

        List<String> inputs = new ArrayList<>(List.of("CHANGE-ME", "my_Example_key", "${TOKEN}", "<YOUR_KEY>", "Testing",
                "atest", "aaaaaaaa", "aaaaaaa", "XXXXX", "xxxx", "****", "a...b", "{{ v }}", "%(x)s", "$(cmd)",
                "fakeToken", "Insert-Your", "yourapi", "your key", "1234567890", "Hs4xWy9Jzi7r39", "ghp_q8w7e6r5",
                "test", "TESTING", "test\n", "test\r\n", "test\n\n", "tests", "aAaAaAaA", "aaaa-aaaa", "00000000",
                "<a>", "a<b", "\u212Aey"));
        Random random = new Random(7);
        String alphabet = "abcdeghmnoprstxyzAEXY019_-.*$%{}()<> \n";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(24);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(4) == 0) {
                String p = placeholders.get(random.nextInt(placeholders.size())).replaceAll("[\\\\^$()\\[\\]?:|{},0-9]", "");
                sb.insert(random.nextInt(sb.length() + 1), random.nextBoolean() ? p.toUpperCase() : p);
            }
            inputs.add(sb.toString());
        }
        int positives = 0;
        for (String s : inputs) {
            boolean expected = reference.stream().anyMatch(p -> p.matcher(s).find());
            assertThat(matcher.containsPlaceholder(s, scratch)).as(s).isEqualTo(expected);
            positives += expected ? 1 : 0;
        }
        assertThat(positives).isBetween(inputs.size() / 10, inputs.size() * 9 / 10);
    }

    @Test
    void repeatedRunByPairsAgreesWithTheBackReferenceRegex() {
        Random random = new Random(11);
        String[] alphabets = {"aA", "ab", "aAb0", "a0-", "aaaaab", "zZ9 \n", "xX\u00e0"};
        int positives = 0;
        int total = 0;
        for (int run = 2; run <= 10; run++) {
            Pattern reference = Pattern.compile("([A-Za-z0-9])\\1{" + (run - 1) + ",}", Pattern.CASE_INSENSITIVE);
            for (int i = 0; i < 3_000; i++) {
                String alphabet = alphabets[random.nextInt(alphabets.length)];
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(3 * run + 8);
                for (int k = 0; k < n; k++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String s = sb.toString();
                boolean expected = reference.matcher(s).find();
                assertThat(PlaceholderMatcher.hasRepeatedRun(s, run)).as("run %d in '%s'", run, s).isEqualTo(expected);
                assertThat(PlaceholderMatcher.hasRepeatedRunCharByChar(s, run)).as("run %d in '%s'", run, s).isEqualTo(expected);
                positives += expected ? 1 : 0;
                total++;
            }
        }
        assertThat(positives).isBetween(total / 10, total * 9 / 10);
    }
}
