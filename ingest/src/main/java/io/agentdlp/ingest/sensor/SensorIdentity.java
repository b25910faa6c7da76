package io.agentdlp.ingest.sensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * The install's identity, kept in the sensor's data directory: a stable device id, the local hook
 * token that keeps other local processes off the hook endpoint, and the keyed-hash key used for
 * findings when no deployment key is configured. Files are created on first use, readable only by
 * the owner where the file system supports POSIX permissions.
 *
 * @param deviceId device id
 * @param token    local hook token
 * @param hashKey  keyed-hash key material
 */
public record SensorIdentity(String deviceId, String token, String hashKey) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Loads the identity from {@code dataDir}, creating missing parts. */
    public static SensorIdentity loadOrCreate(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        String device = readOrCreate(dataDir.resolve("device-id"), () -> UUID.randomUUID().toString());
        String token = readOrCreate(dataDir.resolve("token"), () -> randomSecret(32));
        String key = readOrCreate(dataDir.resolve("hash-key"), () -> randomSecret(32));
        return new SensorIdentity(device, token, key);
    }

    /** Compares a presented token with this install's in constant time. */
    public boolean tokenMatches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(presented.trim().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    static String randomSecret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private interface Value {
        String make();
    }

    private static String readOrCreate(Path file, Value value) throws IOException {
        if (Files.exists(file)) {
            String v = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!v.isEmpty()) {
                return v;
            }
        }
        String v = value.make();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, v + "\n", StandardCharsets.UTF_8);
        ownerOnly(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return v;
    }

    /** rw------- where POSIX permissions exist (on Windows the user profile's ACL already restricts it). */
    static void ownerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
