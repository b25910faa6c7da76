package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The eight-at-a-time reading of {@link DigitRuns#of} against the character-by-character one. */
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
            char[] chars = s.toCharArray();
            DigitRuns fast = DigitRuns.of(s, chars);
            DigitRuns reference = new DigitRuns(chars);
            assertThat(runs(fast)).as("runs of %s", s).isEqualTo(runs(reference));
            assertThat(fast.nonAscii()).as("non-ASCII %s", s).isEqualTo(reference.nonAscii());
        }
    }

    @Test
    void findsRunsAcrossTheEightCharacterSteps() {
        String text = "abcdefg1" + "23456789" + "0abcdef9" + "9" + "?x" + "\u00e97";
        DigitRuns runs = DigitRuns.of(text, text.toCharArray());
        assertThat(runs(runs)).containsExactly(7, 17, 23, 25, 28, 29);
        assertThat(runs.nonAscii()).isTrue();
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
