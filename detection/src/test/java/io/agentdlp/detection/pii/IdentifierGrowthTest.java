package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The identifier growth that reads eight bytes at a time ({@link DigitRunWalk#growIdentifier},
 * {@link IdentifierWords}) against the byte-by-byte growth it replaced ({@link IdentifierGrowthReference}),
 * grown from every digit run of each text: same end, same span kept or dropped, same counts.
 */
class IdentifierGrowthTest {
    /**
     * Identifier members and their neighbours: digits, upper-case letters, the {@code x}, spaces, plus and
     * minus, lower-case hex letters, the bytes next to the ranges' ends ({@code / : @ [ ` {}), Latin-1 and
     * characters above it (a screen byte {@code 0xFF}), JSON escapes.
     */
    private static final String[] PIECES = {"0", "1", "9", "12", "123456", "4158675309", "A", "Z", "DE", "QQ", "X", "x",
            "ABCDEFGHIJKLM", " ", "  ", "+", "-", ",", ".", "/", ":", "@", "[", "`", "{", "a", "f", "deadbeef", "y", "\n",
            "\\n", "\\\"", "\"", "\u00c0", "\u00d7", "\u00ff", "\u0100", "\uff11", "\ud83d\ude00"};
    private static final String[] EDITS = {"", "-", " ", ".", "a", "7", "@", ":", "\\n", "+", "X", "/", "\n", "x", "Q"};

    @Test
    void equalsTheByteByByteGrowthOnRandomTexts() {
        Random random = new Random(20261125L);
        for (int t = 0; t < 40_000; t++) {
            String text = TextVariants.ofPieces(random, PIECES, 80);
            assertEqualGrowths(text);
        }
    }

    @Test
    void equalsTheByteByByteGrowthOnTheCorpusItsEscapedAndEditedForms() {
        PiiCorpus corpus = new PiiCorpus(1125L);
        Random random = new Random(1125L);
        for (int i = 0; i < 1_500; i++) {
            String text = corpus.document().text();
            assertEqualGrowths(text);
            assertEqualGrowths(TextVariants.jsonEscaped(text));
            assertEqualGrowths(TextVariants.edited(text, random, EDITS, 12));
        }
    }

    @Test
    void equalsTheByteByByteGrowthAcrossWordEdges() {
        // spans ending at every position of an eight-byte word, at the text's edges and running over several words
        for (int pad = 0; pad < 20; pad++) {
            for (int tail = 0; tail < 20; tail++) {
                String left = "ab".repeat(pad % 3) + "QWERTYUIOPASDFGHJK".substring(0, pad % 18);
                String right = "ZXCVBNMLKJHGFDSAQ".substring(0, tail % 17) + "yz".repeat(tail % 2);
                assertEqualGrowths(left + "12345678" + right);
                assertEqualGrowths(left + "1234567 8 - 9" + right + "\u00e9");
                assertEqualGrowths("\u00ff" + left + "12 3456 789 0123" + right);
            }
        }
    }

    private static void assertEqualGrowths(String raw) {
        ScreenText screen = ScreenText.of(raw);
        byte[] bytes = screen.bytes();
        DigitRuns digits = screen.digits();
        for (int r = 0; r < digits.size(); r++) {
            Spans expected = new Spans();
            Spans actual = new Spans();
            int expectedEnd = IdentifierGrowthReference.grow(bytes, digits, r, expected);
            int actualEnd = DigitRunWalk.growIdentifier(bytes, digits, r, actual);
            assertThat(actualEnd).as("end of the span of run %d of %s", r, screen.text()).isEqualTo(expectedEnd);
            assertThat(spans(actual)).as("span of run %d of %s", r, screen.text()).containsExactlyElementsOf(spans(expected));
        }
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
