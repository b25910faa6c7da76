package io.agentdlp.launcher.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Per-data-directory secrets of the dev stack, created once and kept (so a restart keeps the same
 * keyed hashes and login): the deployment hash key shared by every component, and the console
 * admin password. Files are owner-readable only.
 */
public record DevSecrets(String hashKey, String adminPassword, boolean adminPasswordNew) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static DevSecrets loadOrCreate(Path dataDir) throws IOException {
        Path key = dataDir.resolve("hash.key");
        Path pw = dataDir.resolve("admin.password");
        boolean fresh = !Files.exists(pw);
        return new DevSecrets(readOrCreate(key, 32), readOrCreate(pw, 12), fresh);
    }

    private static String readOrCreate(Path file, int bytes) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Files.writeString(file, value, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user profile's ACLs apply
        }
        return value;
    }
}
