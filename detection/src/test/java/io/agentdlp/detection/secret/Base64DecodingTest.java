package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The base64 validators' in-place decoding against the decoding it replaced, which went through {@link Base64}. */
class Base64DecodingTest {

    /** The decoding before it was done in place. */
    private static String reference(String s) {
        String t = s.strip().replace('-', '+').replace('_', '/');
        int end = t.length();
        while (end > 0 && t.charAt(end - 1) == '=') {
            end--;
        }
        t = t.substring(0, end);
        int pad = (4 - t.length() % 4) % 4;
        if (pad == 3) {
            return null;
        }
        try {
            byte[] b = Base64.getDecoder().decode(t + "=".repeat(pad));
            return new String(b, StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Base64 and base64url chars, padding, blanks of every kind, non-ASCII chars and chars outside the alphabet. */
    private static final String PIECES = "ABCXYZabcxyz0189+/-_====  \t\r\n\u000b\f\u00a0\u2003\u2028\u3000\u0085\u001c"
            + "\u00e9\u0394.,:!\"%\\@#\ud83d\ude00\ud800";

    @Test
    void equalsTheDecoderOnGeneratedStrings() {
        Random random = new Random(20261125L);
        int decoded = 0;
        for (int t = 0; t < 300_000; t++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(t % 10 == 0 ? 200 : 24);
            for (int i = 0; i < length; i++) {
                sb.append(PIECES.charAt(random.nextInt(PIECES.length())));
            }
            decoded += assertSameDecoding(sb.toString());
        }
        assertThat(decoded).isGreaterThan(3_000);
    }

    @Test
    void equalsTheDecoderOnEncodedBytesWithAndWithoutPaddingAndBlanks() {
        Random random = new Random(7L);
        String[] blanks = {"", " ", "\n", "\t \r\n", "\u2003", "\u00a0"};
        for (int t = 0; t < 200_000; t++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            String encoded = (random.nextBoolean() ? Base64.getEncoder() : Base64.getUrlEncoder()).encodeToString(bytes);
            switch (random.nextInt(6)) {
                case 0 -> encoded = encoded.replace("=", "");
                case 1 -> encoded = encoded + "=".repeat(random.nextInt(4));
                // a changed last char sets the bits the padding drops
                case 2 -> encoded = encoded.isEmpty() ? encoded
                        : encoded.substring(0, encoded.length() - 1) + PIECES.charAt(random.nextInt(PIECES.length()));
                case 3 -> encoded = encoded.isEmpty() ? encoded : new StringBuilder(encoded)
                        .insert(random.nextInt(encoded.length()), PIECES.charAt(random.nextInt(PIECES.length()))).toString();
                case 4 -> encoded = encoded.isEmpty() ? encoded : encoded.substring(0, random.nextInt(encoded.length()));
                default -> {
                }
            }
            String s = blanks[random.nextInt(blanks.length)] + encoded + blanks[random.nextInt(blanks.length)];
            assertSameDecoding(s);
        }
    }

    private static int assertSameDecoding(String s) {
        String expected = reference(s);
        assertThat(SecretValidator.decodeBase64(s)).as("%s", s).isEqualTo(expected);
        return expected == null ? 0 : 1;
    }
}
