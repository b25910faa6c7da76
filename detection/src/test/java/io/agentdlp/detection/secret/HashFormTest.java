package io.agentdlp.detection.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class HashFormTest {

    @Test
    void multiLineSecretsHashWithEveryLineTrimmed() {
        assertThat(SecretScanner.hashForm("ghp_single")).isEqualTo("ghp_single");
        assertThat(SecretScanner.hashForm("  -----BEGIN X-----\r\n    AAAA\t\n  -----END X-----  "))
                .isEqualTo("-----BEGIN X-----\nAAAA\n-----END X-----");
        assertThat(SecretScanner.hashForm("a\n\n b \r\n")).isEqualTo("a\n\nb\n");
        assertThat(SecretScanner.hashForm("\n \nkey\n")).isEqualTo("key\n");
    }

    @Test
    void agreesWithSplittingOnLineBreaksAndStrippingEachLine() {
        Random random = new Random(11);
        String alphabet = "ab \t\r\n\u2003-";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder("\n");
            int n = random.nextInt(16);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertThat(SecretScanner.hashForm(s)).as("%s", s.replace("\r", "\\r").replace("\n", "\\n")).isEqualTo(reference(s));
        }
    }

    private static String reference(String secret) {
        StringBuilder sb = new StringBuilder();
        for (String line : secret.split("\r?\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line.strip());
        }
        return sb.toString();
    }
}
