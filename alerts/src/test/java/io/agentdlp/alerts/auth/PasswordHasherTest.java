package io.agentdlp.alerts.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordHasherTest {
    @TempDir
    Path dir;

    @Test
    void hashesVerifyOnlyTheRightPasswordAndAreSalted() {
        String a = PasswordHasher.hash("s3cret-passphrase".toCharArray(), 1000);
        String b = PasswordHasher.hash("s3cret-passphrase".toCharArray(), 1000);
        assertThat(a).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(b).doesNotContain("s3cret");
        assertThat(PasswordHasher.verify("s3cret-passphrase".toCharArray(), a)).isTrue();
        assertThat(PasswordHasher.verify("s3cret-passphrasE".toCharArray(), a)).isFalse();
        assertThat(PasswordHasher.verify("x".toCharArray(), "pbkdf2-sha256$1000$!!$??")).isFalse();
        assertThat(PasswordHasher.verify("x".toCharArray(), "plain")).isFalse();
        assertThat(PasswordHasher.wellFormed(a)).isTrue();
    }

    @Test
    void userFileRoundTripsAndReloadsOnChange() throws IOException {
        Path f = dir.resolve("users");
        UserStore.upsert(f, "ana", Role.TRIAGER, "first-password".toCharArray(), 1000);
        UserStore store = new UserStore(f);
        assertThat(store.authenticate("ana", "first-password".toCharArray()))
                .hasValue(new Principal("ana", Role.TRIAGER, "password"));
        assertThat(store.authenticate("ana", "wrong".toCharArray())).isEmpty();
        assertThat(store.authenticate("bob", "first-password".toCharArray())).isEmpty();
        assertThat(Files.getPosixFilePermissions(f)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);

        UserStore.upsert(f, "ana", Role.ADMIN, "second-password".toCharArray(), 1000);
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(store.authenticate("ana", "first-password".toCharArray())).isEmpty();
        assertThat(store.authenticate("ana", "second-password".toCharArray()).orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void malformedUserFilesAreRejectedWithTheLine() throws IOException {
        Path f = dir.resolve("users");
        Files.writeString(f, "# comment\n\nana:admin:plaintext-password\n");
        assertThatThrownBy(() -> new UserStore(f)).isInstanceOf(AuthConfigException.class)
                .hasMessageContaining("line 3").hasMessageNotContaining("plaintext-password");
    }

    @Test
    void rolesIncludeTheLowerOnes() {
        assertThat(Role.ADMIN.includes(Role.TRIAGER)).isTrue();
        assertThat(Role.TRIAGER.includes(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.includes(Role.TRIAGER)).isFalse();
        assertThat(Role.parse(" Triager ")).isEqualTo(Role.TRIAGER);
        assertThatThrownBy(() -> Role.parse("root")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void apiTokensMatchOnlyTheirOwnHash() throws IOException {
        String token = ApiTokens.generate();
        Path f = dir.resolve("tokens");
        Files.writeString(f, ApiTokens.line("soar", Role.VIEWER, token) + "\n");
        ApiTokens tokens = ApiTokens.load(f);
        assertThat(Files.readString(f)).doesNotContain(token);
        assertThat(tokens.authenticate(token)).hasValue(new Principal("soar", Role.VIEWER, "api-token"));
        assertThat(tokens.authenticate(ApiTokens.generate())).isEmpty();
        assertThat(token).startsWith(ApiTokens.PREFIX).hasSizeGreaterThan(40);
    }
}
