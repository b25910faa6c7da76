package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The walk's IP spans ({@link DigitRunWalk#ipAddresses}), whose anchor is tested without branches first, against
 * the walk's IP half as it was ({@link IpSpansReference}): the same spans with the same counts.
 */
class IpSpansTest {
    /**
     * IPv4 and IPv6 pieces and their look-alikes: first groups {@code 2xxx} and {@code 3xxx} (hex letters of both
     * cases), runs of five digits, colons at and off the fourth character, dots, IP members and non-members before
     * a run, text ends, escapes and non-ASCII neighbours.
     */
    private static final String[] PIECES = {"2", "3", "20", "2001", "2a0f", "3FFF", "2025", "30000", "1", "192", "8", "0", ":",
            "::", ".", "..", "a", "F", "g", "x", " ", "-", "/", "_", "\n", "\\n", "v", "db8", "12345", "\u00e9", "\u00ff",
            "\uff12", "\ud83d\ude00"};
    private static final String[] EDITS = {"", ":", ".", " ", "2", "3", "a", "g", "\\n", "::"};

    @Test
    void equalsTheBranchingAnchorOnRandomTexts() {
        Random random = new Random(20261125L);
        for (int t = 0; t < 40_000; t++) {
            String text = TextVariants.ofPieces(random, PIECES, 60);
            assertEqualSpans(text);
        }
    }

    @Test
    void equalsTheBranchingAnchorOnTheCorpusItsEscapedAndEditedForms() {
        PiiCorpus corpus = new PiiCorpus(2511L);
        Random random = new Random(2511L);
        for (int i = 0; i < 1_500; i++) {
            String text = corpus.document().text();
            assertEqualSpans(text);
            assertEqualSpans(TextVariants.jsonEscaped(text));
            assertEqualSpans(TextVariants.edited(text, random, EDITS, 12));
        }
    }

    @Test
    void equalsTheBranchingAnchorAtTheTextEnds() {
        for (String text : new String[] {"2001", "2001:", "2001:db8", "x2001:db8::1", "2", "3:", "203:", "2aB3:1:2:3", "1.2.3.4",
                "2001:db8::", ":2001:db8::1", "g2001:0:0::1", "30000:1::2", "2025-03-06", "3fff:1234::9 ", "2::1"}) {
            assertEqualSpans(text);
        }
    }

    private static void assertEqualSpans(String raw) {
        ScreenText screen = ScreenText.of(raw);
        DigitRunWalk walk = DigitRunWalk.of(screen.bytes(), screen.digits(), !screen.digits().nonAscii(), 6);
        assertThat(spans(walk.ipAddresses())).as("IP spans of %s", screen.text())
                .containsExactlyElementsOf(spans(IpSpansReference.of(screen.bytes(), screen.digits())));
    }

    private static List<int[]> spans(Spans spans) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            out.add(new int[] {spans.start(i), spans.end(i), spans.digits(i), spans.upper(i), spans.dots(i), spans.colons(i),
                    spans.longestDigitRun(i), spans.digitRunLengths(i), spans.freeDigitRunLengths(i)});
        }
        return out;
    }
}
