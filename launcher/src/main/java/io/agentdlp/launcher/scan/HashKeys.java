package io.agentdlp.launcher.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import io.agentdlp.detection.KeyedHasher;

/**
 * Where {@code agentdlp scan} gets the key of its keyed hashes: the {@code AGENTDLP_HASH_KEY} environment
 * variable (at least 16 bytes), else a per-user key file created on first use with 32 random bytes
 * (hex) and owner-only permissions: {@code $AGENTDLP_HASH_KEY_FILE}, else
 * {@code $XDG_CONFIG_HOME/agentdlp/hash.key}, else {@code ~/.config/agentdlp/hash.key}. The same key gives
 * the same hashes across scans, so findings correlate with alerts produced under that key.
 */
public final class HashKeys {
    public static final String ENV_KEY = "AGENTDLP_HASH_KEY";
    public static final String ENV_KEY_FILE = "AGENTDLP_HASH_KEY_FILE";

    private HashKeys() {
    }

    /** The hasher from the environment or the key file ({@code explicitFile} wins when non-null). */
    public static KeyedHasher resolve(Map<String, String> env, Path explicitFile) throws IOException {
        String key = env.get(ENV_KEY);
        if (explicitFile == null && key != null && !key.isEmpty()) {
            if (key.getBytes(StandardCharsets.UTF_8).length < 16) {
                throw new IllegalArgumentException(ENV_KEY + " must be at least 16 bytes");
            }
            return KeyedHasher.fromSecret(key);
        }
        Path file = explicitFile != null ? explicitFile : defaultFile(env);
        return KeyedHasher.fromSecret(readOrCreate(file));
    }

    static Path defaultFile(Map<String, String> env) {
        if (env.get(ENV_KEY_FILE) != null && !env.get(ENV_KEY_FILE).isEmpty()) {
            return Path.of(env.get(ENV_KEY_FILE));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("agentdlp").resolve("hash.key");
    }

    private static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".hash", ".key");
            try {
                if (Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(tmp, HexFormat.of().formatHex(random) + "\n");
                try {
                    Files.move(tmp, file);
                } catch (FileAlreadyExistsException raced) {
                    // another scan created it first: use theirs
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        String key = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (key.length() < 16) {
            throw new IllegalArgumentException("hash key file " + file + " holds fewer than 16 characters");
        }
        return key;
    }
}
