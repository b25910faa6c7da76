package io.agentdlp.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class BasicAuthUsersTest {
    private static final int ITERATIONS = 1000;

    private static String header(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void passwordHashesVerifyAndRoundTripThroughTheirEncoding() {
        PasswordHash hash = PasswordHash.create("pa:ss".toCharArray(), ITERATIONS);
        assertThat(hash.encoded()).startsWith("pbkdf2-sha512:1000:").doesNotContain("pa:ss");
        PasswordHash decoded = PasswordHash.parse(hash.encoded());
        assertThat(decoded.matches("pa:ss".toCharArray())).isTrue();
        assertThat(decoded.matches("pa:sS".toCharArray())).isFalse();
        assertThat(PasswordHash.create("pa:ss".toCharArray(), ITERATIONS).encoded()).as("salted").isNotEqualTo(hash.encoded());
        assertThat(hash.toString()).doesNotContain(hash.encoded().split(":")[3]);
    }

    @Test
    void malformedHashesAreRejected() {
        for (String bad : new String[] {"plain", "pbkdf2-sha512:x:AAAA:AAAA", "pbkdf2-sha512:10:AAAA", "pbkdf2-sha512:0:AAAA:AAAA",
                "pbkdf2-sha512:10:!!:AAAA"}) {
            assertThatThrownBy(() -> PasswordHash.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void plainAndHashedEntriesAuthenticate() {
        BasicAuthUsers users = BasicAuthUsers.parse(List.of("# comment", "", "alice:wonder:land",
                "bob:" + PasswordHash.create("builder".toCharArray(), ITERATIONS).encoded()), ITERATIONS);
        assertThat(users.size()).isEqualTo(2);
        assertThat(users.authenticate(header("alice", "wonder:land"))).contains("alice");
        assertThat(users.authenticate(header("alice", "wonder:land"))).as("remembered").contains("alice");
        assertThat(users.authenticate(header("bob", "builder"))).contains("bob");
        assertThat(users.authenticate(header("bob", "wonder:land"))).isEmpty();
        assertThat(users.authenticate(header("carol", "builder"))).isEmpty();
        assertThat(users.authenticate(header("alice", "wonder"))).isEmpty();
        assertThat(users.authenticate("Bearer abc")).isEmpty();
        assertThat(users.authenticate("Basic ***")).isEmpty();
        assertThat(users.authenticate("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes()))).isEmpty();
        assertThat(users.authenticate(null)).isEmpty();
    }

    @Test
    void badEntriesNameTheirPositionNotTheirSecret() {
        assertThatThrownBy(() -> BasicAuthUsers.parse(List.of("ok:fine", "justasecretword"), ITERATIONS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry 2").hasMessageNotContaining("justasecretword");
        assertThatThrownBy(() -> BasicAuthUsers.parse(List.of("dave:pbkdf2-sha512:broken"), ITERATIONS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dave");
    }
}
