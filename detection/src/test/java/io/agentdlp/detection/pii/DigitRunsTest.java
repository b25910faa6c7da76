package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The eight-at-a-time reading of {@link DigitRuns#of} against the character-by-character one (the reader
 * {@code DigitRuns} had for texts whose Latin-1 copy is shorter, kept here as the oracle), both on a
 * text's Latin-1 copy and through {@link ScreenText}.
 */
class DigitRunsTest {
    /** Digits, their neighbours in the byte order ('/' and ':'), '?', Latin-1, a BMP character above U+00FF, a surrogate pair. */
    private static final String[] PIECES = {"0", "9", "5", "12345678", "/", ":", "a", "f", "?", " ", "\n", "\u00e9", "\u00ff",
            "\u00b9", "\u4e2d", "\ud83d\ude00", "\u0660", "\uff11", "\u007f", "\u0080"};

    @Test
    void readsTheSameRunsAndNonAsciiFlagAsCharacterByCharacter() {
        Random random = new Random(20261124L);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(40);
            boolean ascii = random.nextInt(3) > 0;
            for (int p = 0; p < pieces; p++) {
                String piece = PIECES[random.nextInt(ascii ? 11 : PIECES.length)];
                text.append(piece);
            }
            String s = text.toString();
            Reference reference = new Reference(s.toCharArray());
            byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
            if (latin1.length == s.length()) {
                DigitRuns fast = DigitRuns.of(latin1, s);
                assertThat(runs(fast)).as("runs of %s", s).isEqualTo(reference.runs);
                assertThat(fast.nonAscii()).as("non-ASCII %s", s).isEqualTo(reference.nonAscii);
                assertThat(fast.noReplacement()).as("Latin-1 %s", s).isEqualTo(s.chars().allMatch(c -> c <= 0xFF));
            }
            DigitRuns screened = ScreenText.of(s).digits();
            assertThat(runs(screened)).as("screen runs of %s", s).isEqualTo(reference.runs);
            assertThat(screened.nonAscii()).as("screen non-ASCII %s", s).isEqualTo(reference.nonAscii);
        }
    }

    /** Long texts of short pieces: many changes per eight bytes (up to eight), and the run table grown past its first size. */
    @Test
    void readsLongTextsOfDenseRunsAsCharacterByCharacter() {
        Random random = new Random(20261125L);
        String[] dense = {"0", "a", "12", "b", "?", "/", ":", "1a", "a1"};
        for (int t = 0; t < 2_000; t++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(3_000);
            for (int p = 0; p < pieces; p++) {
                text.append(random.nextInt(4) == 0 ? PIECES[random.nextInt(11)] : dense[random.nextInt(dense.length)]);
            }
            String s = text.toString();
            Reference reference = new Reference(s.toCharArray());
            DigitRuns fast = DigitRuns.of(s.getBytes(StandardCharsets.ISO_8859_1), s);
            assertThat(runs(fast)).as("runs of a text of %d characters", s.length()).isEqualTo(reference.runs);
            assertThat(runs(ScreenText.of(s).digits())).isEqualTo(reference.runs);
        }
    }

    @Test
    void findsRunsAcrossTheEightCharacterSteps() {
        String text = "abcdefg1" + "23456789" + "0abcdef9" + "9" + "?x" + "\u00e97";
        DigitRuns runs = ScreenText.of(text).digits();
        assertThat(runs(runs)).containsExactly(7, 17, 23, 25, 28, 29);
        assertThat(runs.nonAscii()).isTrue();
    }

    /** The runs read character by character. */
    private static final class Reference {
        private final List<Integer> runs = new ArrayList<>();
        private final boolean nonAscii;

        Reference(char[] text) {
            int n = text.length;
            int seen = 0;
            int i = 0;
            while (i < n) {
                char c = text[i];
                if (c >= '0' && c <= '9') {
                    runs.add(i);
                    do {
                        i++;
                    } while (i < n && text[i] >= '0' && text[i] <= '9');
                    runs.add(i);
                } else {
                    seen |= c;
                    i++;
                }
            }
            this.nonAscii = seen >= 128;
        }
    }

    private static List<Integer> runs(DigitRuns runs) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            out.add(runs.start(r));
            out.add(runs.end(r));
        }
        return out;
    }
}
