package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.agentdlp.detection.secret.eval.AgentTrafficCorpus;
import io.agentdlp.detection.secret.eval.LabeledSample;
import io.agentdlp.detection.text.AgentText;

/**
 * The automaton reports exactly the occurrences a naive case-insensitive search finds, and in exactly the order of
 * the former one-walk automaton ({@link OriginalKeywordAutomaton}), which long texts walked as three thirds must keep.
 */
class KeywordAutomatonTest {

    @Test
    void reportsEveryOccurrenceANaiveSearchFinds() {
        Random random = new Random(7);
        String keywordAlphabet = "abAB:_x";
        String textAlphabet = "abcAB:_x\u00e9\n ";
        int totalHits = 0;
        for (int round = 0; round < 300; round++) {
            List<String> keywords = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            // every fifth round has a one-char keyword, which the root's pair skip must not jump over
            int minLength = round % 5 == 0 ? 1 : 2;
            while (keywords.size() < count) {
                String k = randomString(random, keywordAlphabet, minLength + random.nextInt(4));
                if (!keywords.contains(k.toLowerCase(Locale.ROOT))) {
                    keywords.add(k.toLowerCase(Locale.ROOT));
                }
            }
            KeywordAutomaton automaton = new KeywordAutomaton(keywords);
            String text = randomString(random, textAlphabet, random.nextInt(400));
            List<String> hits = new ArrayList<>();
            automaton.scan(text.toCharArray(), text.length(), (keyword, end) -> hits.add(keyword + "@" + end));
            List<String> expected = naive(keywords, text);
            assertThat(hits).as("keywords %s in %s", keywords, text).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(automaton.containsAny(text)).isEqualTo(!expected.isEmpty());
            totalHits += expected.size();
        }
        assertThat(totalHits).isGreaterThan(1000);
    }

    @Test
    void findsKeywordsAtTheTextsEdges() {
        KeywordAutomaton automaton = new KeywordAutomaton(List.of("ghp_", "to", "k"));
        List<String> hits = new ArrayList<>();
        String text = "TOk ghp_";
        automaton.scan(text.toCharArray(), text.length(), (keyword, end) -> hits.add(keyword + "@" + end));
        assertThat(hits).containsExactly("1@2", "2@3", "0@8");
    }

    @Test
    void longTextsReportTheFormerAutomatonsHitsInItsOrder() {
        Random random = new Random(20251125L);
        String keywordAlphabet = "abAB:_x";
        String textAlphabet = "abcAB:_x\u00e9\n ";
        int totalHits = 0;
        for (int round = 0; round < 2_000; round++) {
            List<String> keywords = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            while (keywords.size() < count) {
                // long keywords too, so that the later walks' warm-up matters
                String k = randomString(random, keywordAlphabet, 1 + random.nextInt(round % 3 == 0 ? 24 : 5)).toLowerCase(Locale.ROOT);
                if (!keywords.contains(k)) {
                    keywords.add(k);
                }
            }
            // repeated keywords around the middle and at the edges, so that occurrences straddle where the walks meet
            StringBuilder text = new StringBuilder(randomString(random, textAlphabet, random.nextInt(round % 2 == 0 ? 400 : 4_000)));
            for (int p = random.nextInt(6); p > 0; p--) {
                String k = keywords.get(random.nextInt(keywords.size()));
                text.insert(random.nextInt(text.length() + 1), random.nextBoolean() ? k : k + k.toUpperCase(Locale.ROOT) + k);
            }
            totalHits += assertSameHitsAsFormer(keywords, text.toString());
        }
        assertThat(totalHits).isGreaterThan(100_000);
    }

    @Test
    void keywordsAcrossWhereTheThirdsMeetMatchTheFormerAutomaton() {
        // each walk after the first starts the longest keyword's length before its third: occurrences that end
        // just before, at and just after a third's start, longest keywords included, test that warm-up exactly
        Random random = new Random(31L);
        String textAlphabet = "abcAB:_x\u00e9\n ";
        int totalHits = 0;
        for (int round = 0; round < 3_000; round++) {
            List<String> keywords = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            while (keywords.size() < count) {
                String k = randomString(random, "abAB:_x", 1 + random.nextInt(round % 2 == 0 ? 24 : 6)).toLowerCase(Locale.ROOT);
                if (!keywords.contains(k)) {
                    keywords.add(k);
                }
            }
            int longest = keywords.stream().mapToInt(String::length).max().orElseThrow();
            char[] text = randomString(random, textAlphabet, 8 * longest + random.nextInt(round % 3 == 0 ? 3_000 : 300)).toCharArray();
            int third = text.length / 3;
            for (int boundary : new int[] {third, 2 * third}) {
                String k = random.nextBoolean() ? keywords.get(random.nextInt(keywords.size()))
                        : keywords.stream().filter(x -> x.length() == longest).findFirst().orElseThrow();
                // an occurrence ending anywhere from just before the boundary to the end of its walk's warm-up
                int end = boundary - 1 + random.nextInt(k.length() + 3);
                int at = Math.max(0, Math.min(text.length - k.length(), end - k.length()));
                k.getChars(0, k.length(), text, at);
            }
            totalHits += assertSameHitsAsFormer(keywords, new String(text));
        }
        assertThat(totalHits).isGreaterThan(10_000);
    }

    @Test
    void everyLengthAroundTheSplittingThresholdMatchesTheFormerAutomaton() {
        List<String> keywords = List.of("aaaa", "aab", "ab", "b", "abababab");
        Random random = new Random(5L);
        for (int length = 0; length < 200; length++) {
            for (int t = 0; t < 20; t++) {
                assertSameHitsAsFormer(keywords, randomString(random, "abAB ", length));
            }
        }
    }

    @Test
    void theRulesKeywordsOnTrafficMatchTheFormerAutomaton() {
        List<String> keywords = new ArrayList<>();
        for (SecretRule rule : RuleCatalog.builtIn().rules()) {
            for (String k : rule.keywords()) {
                if (!keywords.contains(k)) {
                    keywords.add(k);
                }
            }
        }
        KeywordAutomaton automaton = new KeywordAutomaton(keywords);
        OriginalKeywordAutomaton former = new OriginalKeywordAutomaton(keywords);
        AgentTrafficCorpus corpus = new AgentTrafficCorpus(20250301L);
        List<String> texts = new ArrayList<>();
        for (LabeledSample s : corpus.generate(3000)) {
            texts.add(s.text());
        }
        for (int size : new int[] {1024, 5120, 102400}) {
            for (int i = 0; i < 8; i++) {
                texts.add(corpus.traffic(size, i % 2 == 0));
            }
        }
        for (String text : texts) {
            for (String t : List.of(text, AgentText.normalize(text).toString())) {
                assertThat(hits(automaton::scan, t)).isEqualTo(hits(former::scan, t));
            }
        }
    }

    @Test
    void containsAnyAgreesWithTheFormerAutomatonWhereTheThirdsMeet() {
        // long texts are searched as three walks: occurrences planted from just before to just after where a walk
        // starts, longest keywords included, and texts around the splitting threshold, with and without a keyword
        Random random = new Random(1125L);
        int found = 0;
        int rounds = 20_000;
        for (int round = 0; round < rounds; round++) {
            List<String> keywords = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            while (keywords.size() < count) {
                String k = randomString(random, "abAB:_x", 1 + random.nextInt(round % 2 == 0 ? 14 : 5)).toLowerCase(Locale.ROOT);
                if (!keywords.contains(k)) {
                    keywords.add(k);
                }
            }
            int longest = keywords.stream().mapToInt(String::length).max().orElseThrow();
            // a text of chars outside the keywords, so that only a planted occurrence is found
            char[] text = randomString(random, "cdCD \n\u00e9", Math.max(0, 3 * longest - 4 + random.nextInt(round % 3 == 0 ? 600 : 40)))
                    .toCharArray();
            int third = text.length / 3;
            if (round % 4 != 0 && text.length > 0) {
                String k = keywords.get(random.nextInt(keywords.size()));
                int boundary = new int[] {0, third, 2 * third, text.length}[random.nextInt(4)];
                int end = boundary - 1 + random.nextInt(k.length() + 3);
                int at = Math.max(0, Math.min(text.length - k.length(), end - k.length()));
                k.toUpperCase(Locale.ROOT).getChars(0, Math.min(k.length(), text.length - at), text, at);
            }
            String t = new String(text);
            boolean expected = new OriginalKeywordAutomaton(keywords).containsAny(t);
            assertThat(new KeywordAutomaton(keywords).containsAny(t)).as("keywords %s in %s", keywords, t).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).isBetween(rounds / 2, rounds - rounds / 8);
    }

    @Test
    void containsAnyOfThePlaceholderWordsOnTrafficAgreesWithTheFormerAutomaton() {
        List<String> words = List.of("example", "sample", "changeme", "change_me", "your-", "xxxxx", "...", "${", "{{",
                "insert_token", "fake-password", "1234567890", "foobar");
        KeywordAutomaton automaton = new KeywordAutomaton(words);
        OriginalKeywordAutomaton former = new OriginalKeywordAutomaton(words);
        int checked = 0;
        for (String text : TrafficTexts.rawAndNormalised()) {
            // every stretch of the traffic from each line start, at lengths around and far above the threshold
            for (int at = 0; at >= 0 && at < text.length(); at = text.indexOf('\n', at + 1)) {
                for (int length : new int[] {7, 38, 39, 40, 103, 104, 105, 300, 2_000}) {
                    String part = text.substring(at, Math.min(text.length(), at + length));
                    assertThat(automaton.containsAny(part)).isEqualTo(former.containsAny(part));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void automataOfMoreThanHalfTheSixteenBitStatesMatchTheFormerAutomaton() {
        // entries are 16-bit state numbers: states above 32,767 must read back unsigned, and long texts' scans load
        // the shallow states' entries first, here from a table far larger than what they warm
        Random random = new Random(65_536L);
        List<String> keywords = new ArrayList<>();
        while (keywords.size() < 2_500) {
            String k = randomString(random, "abcdefghijklmnopqrstuvwxyz_-0123456789", 12 + random.nextInt(10));
            if (!keywords.contains(k)) {
                keywords.add(k);
            }
        }
        KeywordAutomaton automaton = new KeywordAutomaton(keywords);
        OriginalKeywordAutomaton former = new OriginalKeywordAutomaton(keywords);
        int totalHits = 0;
        for (int round = 0; round < 200; round++) {
            int length = random.nextInt(round % 4 == 0 ? 20_000 : 2_000);
            StringBuilder text = new StringBuilder(randomString(random, "abcdefghij_-01 \n\u00e9", length));
            for (int p = random.nextInt(30); p > 0; p--) {
                String k = keywords.get(random.nextInt(keywords.size()));
                text.insert(random.nextInt(text.length() + 1), random.nextBoolean() ? k : k.toUpperCase(Locale.ROOT));
            }
            String t = text.toString();
            List<String> expected = hits(former::scan, t);
            assertThat(hits(automaton::scan, t)).isEqualTo(expected);
            assertThat(automaton.containsAny(t)).isEqualTo(former.containsAny(t));
            totalHits += expected.size();
        }
        assertThat(totalHits).isGreaterThan(2_000);
    }

    @Test
    void rejectsKeywordsNeedingMoreStatesThanSixteenBitsNumber() {
        Random random = new Random(3L);
        List<String> keywords = new ArrayList<>();
        while (keywords.size() < 3_000) {
            keywords.add(randomString(random, "abcdefghijklmnopqrstuvwxyz", 24));
        }
        assertThatThrownBy(() -> new KeywordAutomaton(keywords)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("automaton states");
    }

    private static int assertSameHitsAsFormer(List<String> keywords, String text) {
        List<String> expected = hits(new OriginalKeywordAutomaton(keywords)::scan, text);
        assertThat(hits(new KeywordAutomaton(keywords)::scan, text)).as("keywords %s in %s", keywords, text).isEqualTo(expected);
        return expected.size();
    }

    private interface Scan {
        void scan(char[] text, int length, KeywordAutomaton.HitSink sink);
    }

    private static List<String> hits(Scan scan, String text) {
        List<String> hits = new ArrayList<>();
        // a longer array than the text: the scan must stop at the given length
        char[] chars = (text + "abab").toCharArray();
        scan.scan(chars, text.length(), (keyword, end) -> hits.add(keyword + "@" + end));
        return hits;
    }

    private static List<String> naive(List<String> keywords, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> hits = new ArrayList<>();
        for (int k = 0; k < keywords.size(); k++) {
            for (int at = lower.indexOf(keywords.get(k)); at >= 0; at = lower.indexOf(keywords.get(k), at + 1)) {
                hits.add(k + "@" + (at + keywords.get(k).length()));
            }
        }
        return hits;
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
