package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@link NpmrcTokenSearch} against the built-in rule's regex: the same matches, in the same order, in any window. */
class NpmrcTokenSearchTest {
    private static final Pattern REGEX = RuleCatalog.builtIn().rules().stream()
            .filter(r -> r.id().equals("npmrc-auth-token")).findFirst().orElseThrow().pattern();

    @Test
    void recognisesTheBuiltInRuleOnly() {
        assertThat(NpmrcTokenSearch.of(REGEX)).isNotNull();
        assertThat(PrefixTokenMatcher.of(REGEX)).isNull();
        assertThat(NpmrcTokenSearch.of(Pattern.compile(NpmrcTokenSearch.SOURCE, Pattern.MULTILINE))).isNull();
        assertThat(RuleCatalog.builtIn().rules().stream().filter(r -> NpmrcTokenSearch.of(r.pattern()) != null)
                .map(SecretRule::id).toList()).containsExactly("npmrc-auth-token");
    }

    @Test
    void findsWhatTheRegexFindsAroundEveryKeywordOfTheTraffic() {
        long matches = 0;
        for (String text : TrafficTexts.rawAndNormalised()) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String keyword : List.of(":_authtoken", "npmauthtoken", "//")) {
                for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
                    matches += assertSameMatches(text, Math.max(0, at - 210), Math.min(text.length(), at + 231));
                }
            }
        }
        assertThat(matches).isGreaterThan(10);
    }

    @Test
    void findsWhatTheRegexFindsInGeneratedTexts() {
        String[] pieces = {"//", "/", ":_authToken", ":_AUTHTOKEN", ":_authtoke", "npmAuthToken", "NPMAUTHTOKEN", "npmAuth",
            "n", "N", ":", "=", " ", "  ", "\t", "\n", "\u000b", "\f", "\r", "\u00a0", "\"", "'", "registry.npmjs.org",
            "npm.pkg.github.com/", "a", "Z", "9", "-", ".", "+", "_", "é", "\ud83d\ude00", "\ud83d", "K", "\u212a",
            "abcdefghijABCDEFGHIJ0123456789", "tokenTOKEN-_.+/=", "@", "%2F", "x".repeat(195), "y".repeat(30)};
        Random random = new Random(20261125L);
        long matches = 0;
        for (int t = 0; t < 150_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            int from = random.nextInt(3) == 0 ? random.nextInt(text.length() + 1) : 0;
            int end = random.nextInt(3) == 0 ? from + random.nextInt(text.length() - from + 1) : text.length();
            matches += assertSameMatches(text, from, end);
        }
        assertThat(matches).isGreaterThan(300);
    }

    @Test
    void aSurrogatePairInTheHostRunIsOneRepetitionForTheRegex() {
        // at the run's bound of 200 a pair counts once for the regex and twice as chars: the window is left to it
        long matches = 0;
        for (String pair : List.of("\ud83d\ude00", "\u00e9", "\ud83d")) {
            for (int before = 190; before <= 201; before++) {
                for (String key : List.of(":_authToken=", "/:_authToken = '")) {
                    String text = "//" + "x".repeat(before) + pair + key + "a1".repeat(15) + " npmAuthToken:" + "b2".repeat(12);
                    matches += assertSameMatches(text, 0, text.length());
                }
            }
        }
        assertThat(matches).isGreaterThan(72);
    }

    /** Every match of the search (the regex on where it leaves the window) equals the regex's; the count. */
    private static int assertSameMatches(String text, int from, int end) {
        List<String> expected = new ArrayList<>();
        Matcher m = REGEX.matcher(text).useTransparentBounds(true).useAnchoringBounds(false).region(from, end);
        while (m.find()) {
            expected.add(m.start() + ".." + m.start(1) + ".." + m.end());
        }
        List<String> actual = new ArrayList<>();
        char[] chars = text.toCharArray();
        int[] bounds = new int[2];
        int at = from;
        while (true) {
            int matchEnd = NpmrcTokenSearch.of(REGEX).find(chars, chars.length, at, end, bounds);
            if (matchEnd == SearchedMatcher.UNDECIDED) {
                Matcher rest = REGEX.matcher(text).useTransparentBounds(true).useAnchoringBounds(false).region(at, end);
                while (rest.find()) {
                    actual.add(rest.start() + ".." + rest.start(1) + ".." + rest.end());
                }
                break;
            }
            if (matchEnd < 0) {
                break;
            }
            actual.add(bounds[0] + ".." + bounds[1] + ".." + matchEnd);
            at = matchEnd;
        }
        assertThat(actual).as("window [%d, %d) of %s", from, end, List.of(text)).isEqualTo(expected);
        return expected.size();
    }
}
