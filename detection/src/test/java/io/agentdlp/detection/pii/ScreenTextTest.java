package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link ScreenText} against the string blanking it replaced ({@link PiiScanner#neutraliseEscapes}) and a byte per character. */
class ScreenTextTest {
    /** Escapes and near-escapes, {@code ?} (what a Latin-1 encoder writes for what it cannot), Latin-1, above Latin-1, a surrogate pair. */
    private static final String[] PIECES = {"\\", "\\n", "\\r", "\\t", "\\\"", "\\\\", "\\\\n", "\\x", "n", "\"", "?", "??", "a",
            "7", "2025-03-06", " ", "\n", "\u00e9", "\u00ff", "\u0080", "\u4e2d", "\u0130", "\ud83d\ude00", "\uff11"};
    private static final int LATIN1_PIECES = PIECES.length - 4;

    @Test
    void blanksLikeTheStringBlankingAndKeepsOneBytePerCharacter() {
        Random random = new Random(20261125L);
        for (int t = 0; t < 30_000; t++) {
            StringBuilder raw = new StringBuilder();
            int pieces = random.nextInt(30);
            boolean latin1 = random.nextInt(3) > 0;
            for (int p = 0; p < pieces; p++) {
                raw.append(PIECES[random.nextInt(latin1 ? LATIN1_PIECES : PIECES.length)]);
            }
            String s = raw.toString();
            ScreenText screen = ScreenText.of(s);
            String expected = PiiScanner.neutraliseEscapes(s);
            assertThat(screen.text()).as("blanked %s", s).isEqualTo(expected);
            byte[] bytes = screen.bytes();
            assertThat(bytes).hasSize(expected.length());
            for (int i = 0; i < bytes.length; i++) {
                char c = expected.charAt(i);
                assertThat(bytes[i]).as("byte %d of %s", i, s).isEqualTo(c <= 0xFF ? (byte) c : (byte) 0xFF);
            }
        }
    }

    @Test
    void keepsTheTextWhenNothingIsBlanked() {
        String text = "call 415-867-5309 \\x";
        assertThat(ScreenText.of(text).text()).isSameAs(text);
    }
}
