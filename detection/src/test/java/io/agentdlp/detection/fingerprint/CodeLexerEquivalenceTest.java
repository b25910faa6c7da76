package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The optimised lexer gives the tokens of the reference: symbols, spellings, lines and identifier links. */
class CodeLexerEquivalenceTest {
    /** Every ASCII char and a few non-ASCII letters, digits and symbols, each as likely as the others. */
    private static final char[] ALPHABET = alphabet();

    @Test
    void randomCharsLexAsWithTheReference() {
        SplittableRandom random = new SplittableRandom(20261125L);
        for (int i = 0; i < 2_000; i++) {
            char[] text = new char[random.nextInt(400)];
            for (int j = 0; j < text.length; j++) {
                text[j] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            assertSameTokens(new String(text));
        }
    }

    @Test
    void randomWrappedTextsLexAsWithTheReference() {
        SplittableRandom random = new SplittableRandom(20261124L);
        for (int i = 0; i < 1_000; i++) {
            String text = WrappedText.random(random, 1 + random.nextInt(120));
            assertSameTokens(text);
            ProbeText decoded = ProbeText.decode(text);
            assertSameTokens(new String(decoded.chars(), 0, decoded.length()));
        }
    }

    @Test
    void generatedAndRealSourcesLexAsWithTheReference() throws IOException {
        SplittableRandom random = new SplittableRandom(11L);
        for (long seed = 0; seed < 30; seed++) {
            assertSameTokens(SyntheticCode.java(seed, 3));
            assertSameTokens(SyntheticCode.python(seed, 3));
            assertSameTokens(LeakTransforms.rename(SyntheticCode.java(seed, 2), "java", random));
        }
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(sources).hasSizeGreaterThan(20);
        for (Path p : sources) {
            assertSameTokens(Files.readString(p));
        }
    }

    private static void assertSameTokens(String text) {
        char[] chars = text.toCharArray();
        for (int window : new int[] {4, 16, 64}) {
            TokenBuffer expected = new TokenBuffer(16, window);
            TokenBuffer actual = new TokenBuffer(16, window);
            CodeLexerReference.lex(chars, chars.length, expected);
            CodeLexer.lex(chars, chars.length, actual);
            int n = expected.size;
            boolean same = actual.size == n
                    && Arrays.equals(actual.symbols, 0, n, expected.symbols, 0, n)
                    && Arrays.equals(actual.spellings, 0, n, expected.spellings, 0, n)
                    && Arrays.equals(actual.lines, 0, n, expected.lines, 0, n)
                    && Arrays.equals(actual.entering, 0, n, expected.entering, 0, n)
                    && Arrays.equals(actual.laterDistance, 0, n, expected.laterDistance, 0, n);
            if (!same) {
                assertThat(describe(actual)).as("tokens of %s", text).isEqualTo(describe(expected));
            }
        }
    }

    private static String describe(TokenBuffer t) {
        int n = t.size;
        return Arrays.toString(Arrays.copyOf(t.symbols, n)) + Arrays.toString(Arrays.copyOf(t.spellings, n))
                + Arrays.toString(Arrays.copyOf(t.lines, n)) + Arrays.toString(Arrays.copyOf(t.entering, n))
                + Arrays.toString(Arrays.copyOf(t.laterDistance, n));
    }

    private static char[] alphabet() {
        StringBuilder s = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            s.append(c);
        }
        // line breaks, blanks and the chars that open literals and comments more often than the rest
        s.append("\n\n\n    \"\"''``//**##--<!>..");
        s.append("\u00e9\u00c9\u00a0\u2192\u4e2d\u0661\u00b2\u03bb\u2028");
        return s.toString().toCharArray();
    }
}
