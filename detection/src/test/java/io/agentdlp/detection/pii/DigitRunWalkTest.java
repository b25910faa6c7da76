package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The one walk over the digit runs ({@link DigitRunWalk}) against whole-text readings: its identifier
 * spans must be exactly the maximal runs of identifier members with a digit that some identifier
 * matcher's span filter accepts, with their counts, and its phone windows exactly the windows of the whole-text
 * reading ({@link PhoneWindows#forEach}) that hold a digit, a separator or plus and the fewest digits
 * asked for.
 */
class DigitRunWalkTest {
    /**
     * What the two screens read: digits, their separators, brackets, plus, letters of both cases (labels,
     * near-labels, hex digest letters, the identifier {@code x}), colons and label punctuation, line
     * breaks, JSON escapes, non-ASCII characters (Latin-1, full-width, a surrogate pair).
     */
    private static final String[] PIECES = {"0", "1", "4", "9", "123", "4158675309", "2025", "  ", " ", "-", " - ", ".", ",",
            "(", ")", "[", "]", "/", "~", "+", "#", ";", "=", ":", "\t", "\n", "\\n", "\\\"", "\\", "\"", "'", "_", "@",
            "x", "X", "ext", "EXT", "Ext", "int", "anexo", "extension", "xt", "e", "ex", "a", "b", "f", "i", "n", "o", "t",
            "ab", "deadbeef", "A", "Z", "DE", "QQ", "T", "ssn", "\u00e9", "\u00a0", "\uff11", "\u0660", "\ud83d\ude00"};
    private static final int ASCII_PIECES = PIECES.length - 5;
    /** Fewest window digits: 1 keeps every window with a digit; the phone matcher asks for 6 (a calling code and 5). */
    private static final int[] FEWEST_DIGITS = {1, 2, 4, 6, 7, 10};

    @Test
    void equalsTheWholeTextReadingsOnRandomTexts() {
        Random random = new Random(20261124L);
        for (int t = 0; t < 40_000; t++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(60);
            boolean ascii = random.nextInt(4) > 0;
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(ascii ? ASCII_PIECES : PIECES.length)]);
            }
            assertEqualReadings(text.toString(), FEWEST_DIGITS[t % FEWEST_DIGITS.length]);
        }
    }

    @Test
    void equalsTheWholeTextReadingsOnTheCorpus() {
        PiiCorpus corpus = new PiiCorpus(777L);
        for (int i = 0; i < 1_500; i++) {
            String text = corpus.document().text();
            int fewest = FEWEST_DIGITS[i % FEWEST_DIGITS.length];
            assertEqualReadings(text, fewest);
            assertEqualReadings(PiiScanner.neutraliseEscapes(text.replace("\n", "\\n").replace("\"", "\\\"")), fewest);
        }
    }

    @Test
    void keepsOnlySpansAnIdentifierCanUseAndWindowsWithASeparator() {
        String text = "a1b2 ssn 536-22-1234 id 1234567 DNI 12345678Z call 415-867-5309,4158675309 deadbeef42 x7";
        DigitRunWalk walk = walk(text, 1);
        assertThat(identifierSpans(walk.identifiers())).extracting(s -> text.substring(s[0], s[1]))
                .containsExactly(" 536-22-1234 ", " 1234567 DNI 12345678Z ");
        assertThat(walkWindows(walk)).extracting(w -> text.substring(w[0], w[1]))
                .containsExactly("2 ", " 536-22-1234 ", " 1234567 ", " 12345678", " 415-867-5309,4158675309 ", "42 x7");
        assertThat(walkWindows(walk(text, 6))).extracting(w -> text.substring(w[0], w[1]))
                .containsExactly(" 536-22-1234 ", " 1234567 ", " 12345678", " 415-867-5309,4158675309 ");
    }

    @Test
    void readsShortRunsWhoseWindowOrSpanReachesFurther() {
        String text = "a 12 345 b|(1) 2-3 4|ext 12|12:ab|1 #:22 3|x 1 y|A1 B|AB 12 CDEFGHIJ";
        assertThat(walkWindows(walk(text, 4))).extracting(w -> text.substring(w[0], w[1]))
                .containsExactly(" 12 345 ", "(1) 2-3 4", "ext 12", "1 #:22 3");
        assertThat(identifierSpans(walk(text, 4).identifiers())).extracting(s -> text.substring(s[0], s[1]))
                .containsExactly("AB 12 CDEFGHIJ");
    }

    private static void assertEqualReadings(String raw, int fewest) {
        ScreenText screen = ScreenText.of(raw);
        String text = screen.text();
        char[] chars = text.toCharArray();
        DigitRuns digits = screen.digits();
        DigitRunWalk walk = DigitRunWalk.of(screen.bytes(), digits, !digits.nonAscii(), fewest);
        assertThat(identifierSpans(walk.identifiers())).as("identifier spans of %s", text)
                .containsExactlyElementsOf(referenceIdentifierSpans(chars));
        if (!digits.nonAscii()) {
            List<int[]> reference = new ArrayList<>();
            PhoneWindows.forEach(chars, (start, end, d, letters, plus, separator) -> {
                if (d > 0 && separator && PhoneWindows.reachableDigits(d, letters) >= fewest) {
                    reference.add(new int[] {start, end, d, letters, plus ? 1 : 0});
                }
            });
            assertThat(walkWindows(walk)).as("phone windows of %s (fewest digits %d)", text, fewest).containsExactlyElementsOf(reference);
        }
    }

    private static DigitRunWalk walk(String text, int fewestPhoneDigits) {
        ScreenText screen = ScreenText.of(text);
        return DigitRunWalk.of(screen.bytes(), screen.digits(), !screen.digits().nonAscii(), fewestPhoneDigits);
    }

    private static List<int[]> walkWindows(DigitRunWalk walk) {
        List<int[]> out = new ArrayList<>();
        walk.phoneWindows((start, end, d, letters, plus, separator) -> {
            assertThat(separator).isTrue();
            out.add(new int[] {start, end, d, letters, plus ? 1 : 0});
        });
        return out;
    }

    private static List<int[]> identifierSpans(Spans spans) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            out.add(new int[] {spans.start(i), spans.end(i), spans.digits(i), spans.upper(i), spans.dots(i), spans.colons(i),
                    spans.longestDigitRun(i), spans.digitRunLengths(i), spans.freeDigitRunLengths(i)});
        }
        return out;
    }

    /** Every maximal run of {@code [A-Z0-9 +-x]} read from the start that some identifier matcher's span filter accepts. */
    private static List<int[]> referenceIdentifierSpans(char[] text) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < text.length) {
            if (!SpanClass.IDENTIFIER.member(text[i])) {
                i++;
                continue;
            }
            int start = i;
            int digits = 0;
            int upper = 0;
            int digitRun = 0;
            int longest = 0;
            int runLengths = 0;
            int freeRunLengths = 0;
            for (; i < text.length && SpanClass.IDENTIFIER.member(text[i]); i++) {
                char c = text[i];
                boolean digit = c >= '0' && c <= '9';
                if (!digit && digitRun > 0) {
                    runLengths |= 1 << Math.min(digitRun, 31);
                    freeRunLengths |= freeRun(text, i - digitRun, i) ? 1 << Math.min(digitRun, 31) : 0;
                }
                digits += digit ? 1 : 0;
                digitRun = digit ? digitRun + 1 : 0;
                longest = Math.max(longest, digitRun);
                upper += c >= 'A' && c <= 'Z' ? 1 : 0;
            }
            if (digitRun > 0) {
                runLengths |= 1 << Math.min(digitRun, 31);
                freeRunLengths |= freeRun(text, i - digitRun, i) ? 1 << Math.min(digitRun, 31) : 0;
            }
            Spans span = new Spans();
            span.add(start, i, digits, upper, 0, 0, longest, runLengths, freeRunLengths);
            boolean wordEdges = i - start > digits + upper || freeRun(text, start, i);
            if (digits > 0 && wordEdges && IdentifierSpanFilters.anyAccepts(span, 0)) {
                out.add(new int[] {start, i, digits, upper, 0, 0, longest, runLengths, freeRunLengths});
            }
        }
        return out;
    }

    /** Whether the characters {@code [start, end)} have no ASCII letter right before or after them. */
    private static boolean freeRun(char[] text, int start, int end) {
        return (start == 0 || !asciiLetter(text[start - 1])) && (end == text.length || !asciiLetter(text[end]));
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
