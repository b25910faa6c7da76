package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The identifier span filters that ask for a digit run of an exact length ({@link Spans#hasDigitRunOf}, with no
 * letter beside it: {@link Spans#hasFreeDigitRunOf}) never skip a span their pattern matches in, nor does the walk
 * drop a span with letters right before and after it: every match of the pattern over the whole text lies in an
 * identifier span the filter accepts.
 */
class DigitRunLengthFiltersTest {
    /** Digit runs of many lengths, the identifiers' separators and letters, and non-members. */
    private static final String[] PIECES = {"-", "-", " ", " ", "+", "A", "B", "F", "X", "Y", "Z", "x", "GB", "QQ", ",", "a", "\n",
            "_", "123-45-6789", "010190-123A", "010190A1234", "19900101-1234", "900101+1234", "2345 6789 0123", "12345678Z",
            "X1234567L", "11010519491231002X", "GB82", "WEST", "AB", "AB123456C", "QQ12 34 56 C", "4111 1111 1111 1111",
            "5555-5555-5555-4444", "b", "Q", "z"};

    @Test
    void everyMatchLiesInASpanTheFilterAccepts() {
        Map<String, Object[]> filters = new LinkedHashMap<>();
        filters.put("ssn dashed", new Object[] {NationalIdMatchers.UsSsn.DASHED, NationalIdMatchers.UsSsn.DASHED_SPANS});
        filters.put("ssn bare", new Object[] {NationalIdMatchers.UsSsn.BARE, NationalIdMatchers.UsSsn.BARE_SPANS});
        filters.put("dni", new Object[] {NationalIdMatchers.EuNationalId.DNI, NationalIdMatchers.EuNationalId.DNI_SPANS});
        filters.put("eleven or nine", new Object[] {NationalIdMatchers.EuNationalId.ELEVEN_OR_NINE,
                NationalIdMatchers.EuNationalId.ELEVEN_OR_NINE_SPANS});
        filters.put("hetu", new Object[] {NationalIdMatchers.EuNationalId.HETU, NationalIdMatchers.EuNationalId.HETU_SPANS});
        filters.put("swedish", new Object[] {NationalIdMatchers.EuNationalId.SWEDISH, NationalIdMatchers.EuNationalId.SWEDISH_SPANS});
        filters.put("chinese id", new Object[] {NationalIdMatchers.ChineseResidentId.ID, NationalIdMatchers.ChineseResidentId.ID_SPANS});
        filters.put("aadhaar spaced", new Object[] {NationalIdMatchers.Aadhaar.SPACED_AADHAAR, NationalIdMatchers.Aadhaar.SPACED_SPANS});
        filters.put("aadhaar bare", new Object[] {NationalIdMatchers.Aadhaar.BARE_AADHAAR, NationalIdMatchers.Aadhaar.BARE_SPANS});
        filters.put("payment card", new Object[] {PaymentCardMatcher.CARD, PaymentCardMatcher.SPANS});
        filters.put("iban", new Object[] {IbanMatcher.IBAN, IbanMatcher.SPANS});
        filters.put("uk nino", new Object[] {NationalIdMatchers.UkNino.NINO, NationalIdMatchers.UkNino.SPANS});
        Map<String, Integer> matches = new LinkedHashMap<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        Random random = new Random(20261125L);
        for (int t = 0; t < 20_000; t++) {
            String text = randomText(random);
            Spans spans = Screening.of(ScreenText.of(text), 1).identifiers();
            for (Map.Entry<String, Object[]> e : filters.entrySet()) {
                Pattern pattern = (Pattern) e.getValue()[0];
                Spans.Filter filter = (Spans.Filter) e.getValue()[1];
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    int span = spanHolding(spans, m.start(), m.end());
                    assertThat(span).as("%s match %s in %s lies in an identifier span", e.getKey(), m.group(), text).isNotNegative();
                    assertThat(filter.test(spans, span)).as("%s filter accepts the span of %s in %s", e.getKey(), m.group(), text).isTrue();
                    matches.merge(e.getKey(), 1, Integer::sum);
                }
                for (int i = 0; i < spans.size(); i++) {
                    skipped.merge(e.getKey(), filter.test(spans, i) ? 0 : 1, Integer::sum);
                }
            }
        }
        // every pattern matched often, and every filter skipped spans
        assertThat(matches).hasSize(filters.size()).allSatisfy((name, count) -> assertThat(count).as(name).isGreaterThan(100));
        assertThat(skipped).allSatisfy((name, count) -> assertThat(count).as(name).isGreaterThan(100));
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(16);
        for (int p = 0; p < pieces; p++) {
            if (random.nextInt(3) == 0) {
                int length = 1 + random.nextInt(random.nextBoolean() ? 6 : 19);
                text.append((char) ('1' + random.nextInt(9)));
                for (int d = 1; d < length; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            } else {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return text.toString();
    }

    private static int spanHolding(Spans spans, int start, int end) {
        for (int i = 0; i < spans.size(); i++) {
            if (spans.start(i) <= start && end <= spans.end(i)) {
                return i;
            }
        }
        return -1;
    }
}
