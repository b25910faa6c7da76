package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The automaton reports exactly the occurrences a naive case-insensitive search finds. */
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
