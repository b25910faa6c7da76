package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The IP spans count only the dots inside them ({@link SpanClass#grow}), so a version before a full stop
 * ({@code 4.17.21.}) is no IPv4 span: the IP matcher still finds on the screened spans exactly what it finds
 * searching the whole text, and a dot at a span's end never mattered to it.
 */
class IpV4InnerDotsTest {
    /** Octets, versions, dots at the ends of runs, colons, hex letters, version words and non-members. */
    private static final String[] PIECES = {"1", "8", "23", "192", "203", "255", "256", "4.17.21", "8.8.8", ".", ".", "..", ":",
            "::", "a", "F", "v", "version ", " ", "-", "/", "\n", "\\n", "x", "\u00e9", "\uff12"};
    private static final String[] EDITS = {"", ".", "..", " ", "1", "9.", ".8", "a", "\\n"};

    @Test
    void screenedEqualsTheWholeTextSearchOnRandomTexts() {
        Random random = new Random(20261125L);
        int found = 0;
        for (int t = 0; t < 40_000; t++) {
            found += assertScreenedEqualsWhole(TextVariants.ofPieces(random, PIECES, 40));
        }
        assertThat(found).as("addresses found").isGreaterThan(400);
    }

    @Test
    void screenedEqualsTheWholeTextSearchOnTheCorpusItsEscapedAndEditedForms() {
        PiiCorpus corpus = new PiiCorpus(2611L);
        Random random = new Random(2611L);
        for (int i = 0; i < 1_500; i++) {
            String text = corpus.document().text();
            assertScreenedEqualsWhole(text);
            assertScreenedEqualsWhole(TextVariants.jsonEscaped(text));
            assertScreenedEqualsWhole(TextVariants.edited(text, random, EDITS, 12));
        }
    }

    @Test
    void aVersionBeforeAFullStopIsNoSpanAnAddressIs() {
        assertThat(ipSpans("lodash 4.17.21. Then")).isZero();
        assertThat(ipSpans(".1.2.3.")).isZero();
        assertThat(ipSpans("at 8.8.8.8.")).isOne();
        assertThat(ipSpans("at .8.8.8.8")).isOne();
        assertThat(assertScreenedEqualsWhole("hosts 8.8.4.4. and 1.1.1.1.")).isEqualTo(2);
    }

    private static int ipSpans(String text) {
        return Screening.of(ScreenText.of(text), 6).ipAddresses().size();
    }

    private static int assertScreenedEqualsWhole(String text) {
        ScreenText screen = ScreenText.of(text);
        List<String> screened = candidates(Screening.of(screen, 6));
        assertThat(screened).as("IP addresses of %s", text).containsExactlyElementsOf(candidates(Screening.unscreened(screen)));
        return screened.size();
    }

    private static List<String> candidates(Screening screening) {
        List<String> out = new ArrayList<>();
        new IpAddressMatcher().find(screening, c -> out.add(c.start() + "-" + c.end() + " " + c.value()));
        return out;
    }
}
