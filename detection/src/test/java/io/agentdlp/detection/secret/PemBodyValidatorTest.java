package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link SecretValidator#PEM_BODY} against the check it replaced, which split the block into stripped lines. */
class PemBodyValidatorTest {

    /** The check before the block was walked in place. */
    private static boolean reference(String secret) {
        int body = 0;
        for (String line : secret.split("\n")) {
            String l = line.strip();
            if (l.startsWith("----") || l.contains(":") || l.isEmpty()) {
                continue;
            }
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                if (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=') {
                    body++;
                } else {
                    return false;
                }
            }
        }
        return body >= 64;
    }

    /** Base64 chars, blanks of every kind, the chars that make a line a header or delimiter, and non-ASCII ones. */
    private static final String PIECES = "ABCXYZabcxyz0189+/=-:  \t\r\u000b\f\u00a0\u2003\u2028\u3000\u0085"
            + "\u00e9\u00fc\u0394\u0663\u0669\u00b2\u2160.,_!\"%\\@#\ud83d\ude00\ud835\udfce\ud800";

    @Test
    void equalsTheSplittingCheckOnGeneratedBlocks() {
        Random random = new Random(20261125L);
        int accepted = 0;
        for (int t = 0; t < 200_000; t++) {
            String block = generatedBlock(random);
            boolean expected = reference(block);
            assertThat(SecretValidator.PEM_BODY.accepts(block)).as("block %d", t).isEqualTo(expected);
            if (expected) {
                accepted++;
            }
        }
        // the generated blocks reach both verdicts often
        assertThat(accepted).isBetween(20_000, 180_000);
    }

    @Test
    void equalsTheSplittingCheckOnTheTrafficsPemBlocks() {
        List<String> blocks = new ArrayList<>();
        for (String text : TrafficTexts.rawAndNormalised()) {
            for (int at = text.indexOf("-----BEGIN"); at >= 0; at = text.indexOf("-----BEGIN", at + 1)) {
                int end = text.indexOf("-----END", at);
                int close = end < 0 ? -1 : text.indexOf("-----", end + 8);
                if (close >= 0) {
                    String block = text.substring(at, close + 5);
                    blocks.add(block);
                    // the block with trailing blanks and line ends, and cut at every tenth char
                    blocks.add(block + " \r\n\n");
                    for (int cut = 0; cut < block.length(); cut += 10) {
                        blocks.add(block.substring(0, cut));
                        blocks.add(block.substring(cut));
                    }
                }
            }
        }
        assertThat(blocks).hasSizeGreaterThan(900);
        for (String block : blocks) {
            assertThat(SecretValidator.PEM_BODY.accepts(block)).isEqualTo(reference(block));
        }
    }

    private static String generatedBlock(Random random) {
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(4) > 0) {
            sb.append(random.nextBoolean() ? "-----BEGIN RSA PRIVATE KEY-----" : "  ----x:y").append('\n');
        }
        int lines = random.nextInt(8);
        for (int l = 0; l < lines; l++) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                sb.append(random.nextBoolean() ? "Proc-Type: 4,ENCRYPTED" : " \t ");
            } else {
                int length = random.nextInt(70);
                for (int i = 0; i < length; i++) {
                    // mostly the base64 alphabet, so that many blocks pass
                    if (random.nextInt(kind == 1 ? 4 : 300) == 0) {
                        sb.append(PIECES.charAt(random.nextInt(PIECES.length())));
                    } else {
                        sb.append(PIECES.charAt(random.nextInt(15)));
                    }
                }
            }
            if (random.nextInt(8) == 0) {
                sb.append(PIECES.charAt(20 + random.nextInt(8)));
            }
            sb.append(random.nextInt(6) == 0 ? "\r\n" : random.nextInt(20) == 0 ? "\n\n" : "\n");
        }
        if (random.nextBoolean()) {
            sb.append("-----END RSA PRIVATE KEY-----");
        }
        if (random.nextInt(5) == 0) {
            sb.append(random.nextBoolean() ? "\n" : " \n \u2003");
        }
        return sb.toString();
    }
}
