package io.agentdlp.detection.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The digit-run pass that writes two edges per store from a table of change positions ({@link DigitRuns})
 * against the pass it replaced, one store per edge ({@link DigitRunsReference}): same runs, same non-ASCII
 * and replacement flags, on dense random texts (every number of changes per eight bytes, at every offset,
 * the run table grown), corpus documents with their escaped and randomly edited forms, and short texts
 * ending at every position of a word.
 */
class DigitRunsLayoutTest {
    /** Digits and their neighbours in the byte order, {@code ?}, Latin-1, above Latin-1, a surrogate pair, escapes. */
    private static final String[] PIECES = {"0", "9", "5", "12", "12345678", "123456789012", "/", ":", "a", "f", "?", " ",
            "\n", "\\n", "\\\"", "-", ".", "\u00e9", "\u00ff", "\u00b9", "\u4e2d", "\ud83d\ude00", "\u0660", "\uff11",
            "\u007f", "\u0080"};
    private static final String[] DENSE = {"0", "a", "12", "b", "?", "/", ":", "1a", "a1", "0a0a", "9/9"};
    private static final String[] EDITS = {"", "-", " ", ".", "a", "7", "42", "?", ":", "\\n", "/", "\n", "\u00e9", "\u4e2d"};

    @Test
    void equalsTheOneStorePerEdgePassOnRandomTexts() {
        Random random = new Random(20261125L);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(t % 10 == 0 ? 2_000 : 60);
            boolean dense = random.nextBoolean();
            for (int p = 0; p < pieces; p++) {
                text.append(dense && random.nextInt(4) > 0 ? DENSE[random.nextInt(DENSE.length)] : PIECES[random.nextInt(PIECES.length)]);
            }
            assertSameRuns(text.toString());
        }
    }

    @Test
    void equalsTheOneStorePerEdgePassOnTheCorpusItsEscapedAndEditedForms() {
        PiiCorpus corpus = new PiiCorpus(1126L);
        Random random = new Random(1126L);
        for (int i = 0; i < 1_500; i++) {
            String text = corpus.document().text();
            assertSameRuns(text);
            assertSameRuns(TextVariants.jsonEscaped(text));
            assertSameRuns(TextVariants.edited(text, random, EDITS, 12));
        }
    }

    @Test
    void equalsTheOneStorePerEdgePassOnEveryChangeMaskAtEveryLength() {
        // every pattern of digits and letters over eight bytes, after every prefix length, cut at every length
        for (int mask = 0; mask < 512; mask++) {
            StringBuilder word = new StringBuilder();
            for (int bit = 0; bit < 9; bit++) {
                word.append((mask >>> bit & 1) != 0 ? '7' : 'q');
            }
            for (int prefix = 0; prefix < 9; prefix++) {
                String text = "1".repeat(prefix % 2) + "z".repeat(prefix) + word + word;
                for (int cut = 0; cut <= text.length(); cut += 3) {
                    assertSameRuns(text.substring(0, cut));
                }
            }
        }
    }

    private static void assertSameRuns(String s) {
        byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
        if (latin1.length == s.length()) {
            assertSame(DigitRuns.of(latin1, s), DigitRunsReference.of(latin1.clone(), s));
        }
        ScreenText screen = ScreenText.of(s);
        assertSame(screen.digits(), DigitRunsReference.of(screen.bytes(), screen.text()));
    }

    private static void assertSame(DigitRuns runs, DigitRunsReference reference) {
        assertThat(runs.size()).isEqualTo(reference.size());
        for (int r = 0; r < runs.size(); r++) {
            assertThat(runs.start(r)).as("start of run %d", r).isEqualTo(reference.start(r));
            assertThat(runs.end(r)).as("end of run %d", r).isEqualTo(reference.end(r));
        }
        assertThat(runs.nonAscii()).isEqualTo(reference.nonAscii());
        assertThat(runs.noReplacement()).isEqualTo(reference.noReplacement());
    }
}
