package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The date-of-birth label test the walk over the digit runs makes ({@link DigitRunWalk#mayHoldDateOfBirthLabel})
 * against the separate pass over the digit runs it replaced ({@link Original}, kept as the oracle).
 */
class DateOfBirthLabelScreenTest {
    /** Label pieces and near-pieces of both cases, the characters between a label and a date, date pieces, Latin-1 and above. */
    private static final String[] PIECES = {"birth", "Birth", "BIRTH", "born", "born on", "dob", "D.O.B", "d.o.b.", "do", "ob",
            "date", "day", "birthday", "geburtsdatum", "Geburtsdatum", "fecha de nacimiento", "nacimiento", "naissance", "date de",
            "_", " ", "  ", ":", "=", "\"", "'", "\t", "\n", "\\n", "-", "/", ".", "1990", "12", "3", "123", "2025-03-06",
            "06/03/1990", "a", "x", "th", "rn", "um", "ce", "to", "ay", "\u00e9", "\u0130", "\u212a", "\ud83d\ude00"};

    @Test
    void equalsTheSeparatePassOnRandomTexts() {
        Random random = new Random(20261125L);
        int labelled = 0;
        for (int t = 0; t < 40_000; t++) {
            String text = TextVariants.ofPieces(random, PIECES, 24);
            labelled += assertSameAnswer(text) ? 1 : 0;
        }
        // the random texts reach both answers often
        assertThat(labelled).isBetween(2_000, 38_000);
    }

    @Test
    void equalsTheSeparatePassOnTheCorpus() {
        PiiCorpus corpus = new PiiCorpus(4242L);
        for (int i = 0; i < 1_500; i++) {
            String text = corpus.document().text();
            assertSameAnswer(text);
            assertSameAnswer(text.replace("\n", "\\n").replace("\"", "\\\""));
        }
    }

    private static boolean assertSameAnswer(String raw) {
        ScreenText screen = ScreenText.of(raw);
        DigitRunWalk walk = DigitRunWalk.of(screen.bytes(), screen.digits(), !screen.digits().nonAscii(), 1);
        boolean expected = Original.mayHoldLabel(screen.text().toCharArray(), screen.digits());
        assertThat(walk.mayHoldDateOfBirthLabel()).as("label before a date in %s", raw).isEqualTo(expected);
        return expected;
    }

    /** The pass over the digit runs as {@code DateOfBirthMatcher} had it before the walk took it over. */
    private static final class Original {
        private static final int LABEL_REACH = 14;

        static boolean mayHoldLabel(char[] text, DigitRuns digits) {
            for (int r = 0; r < digits.size(); r++) {
                if (!mayStartDate(text, digits.start(r), digits.end(r))) {
                    continue;
                }
                int end = labelEnd(text, digits.start(r));
                if (end >= 2 && labelEnding(text[end - 2], text[end - 1]) && labelPieceBefore(text, end)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the digit run {@code [start, end)} can be the first group of a date: the pattern reads
         * {@code \d{4}} or {@code \d{1,2}} and then one of {@code - / .}, so the run has 4, 2 or 1 digits
         * and one of those follows it. Most digit runs (hex digests) fail this before any label is looked for.
         */
        private static boolean mayStartDate(char[] text, int start, int end) {
            int length = end - start;
            if ((length != 4 && length > 2) || end == text.length) {
                return false;
            }
            char next = text[end];
            return next == '-' || next == '/' || next == '.';
        }

        /**
         * Whether two characters can end a label (ASCII case-insensitive): {@code ob} or {@code .b}
         * (dob), {@code th} (birth), {@code te} (birth date), {@code ay} (birthday), {@code rn} or
         * {@code on} (born, born on), {@code um} (geburtsdatum), {@code to} (nacimiento), {@code ce}
         * (naissance). Cheap enough to try before every digit run (hex strings have hundreds).
         */
        private static boolean labelEnding(char a, char b) {
            char x = (char) (a | 0x20);
            return switch ((char) (b | 0x20)) {
                case 'b' -> x == 'o' || a == '.';
                case 'h' -> x == 't';
                case 'e' -> x == 't' || x == 'c';
                case 'y' -> x == 'a';
                case 'n' -> x == 'r' || x == 'o';
                case 'm' -> x == 'u';
                case 'o' -> x == 't';
                default -> false;
            };
        }

        /** Where a label would end for a date starting at {@code dateStart}: skips back over {@code ["']?\s*[:=]?\s*["']?}. */
        private static int labelEnd(char[] text, int dateStart) {
            int e = dateStart;
            while (e > 0 && betweenLabelAndDate(text[e - 1])) {
                e--;
            }
            return e;
        }

        private static boolean betweenLabelAndDate(char c) {
            return c == '"' || c == '\'' || c == ':' || c == '=' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B'
                    || c == '\f' || c == '\r';
        }

        private static boolean labelPieceBefore(char[] text, int end) {
            for (int i = Math.max(0, end - LABEL_REACH); i < end; i++) {
                char c = (char) (text[i] | 0x20);
                if (c == 'b') {
                    if (at(text, i, "birth") || at(text, i, "born") || at(text, i - 2, "geburtsdatum") || dobEndsAt(text, i)) {
                        return true;
                    }
                } else if (c == 'n' && (at(text, i, "nacimiento") || at(text, i, "naissance"))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean dobEndsAt(char[] text, int b) {
            int i = b - 1;
            if (i >= 0 && text[i] == '.') {
                i--;
            }
            if (i < 0 || (text[i] | 0x20) != 'o') {
                return false;
            }
            i--;
            if (i >= 0 && text[i] == '.') {
                i--;
            }
            return i >= 0 && (text[i] | 0x20) == 'd';
        }

        /** Whether {@code lower} is spelled at {@code from}, ASCII case-insensitively (as the pattern's {@code (?i)}). */
        private static boolean at(char[] text, int from, String lower) {
            if (from < 0 || from + lower.length() > text.length) {
                return false;
            }
            for (int k = 0; k < lower.length(); k++) {
                if (Character.toLowerCase(Character.toUpperCase(text[from + k])) != lower.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
    }
}
