package io.agentdlp.registry.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A PBKDF2-HMAC-SHA512 password hash, encoded as {@code pbkdf2-sha512:<iterations>:<salt b64>:<hash b64>}
 * so that credential files never hold plain passwords.
 */
public final class PasswordHash {
    /** Encoded hashes start with this. */
    public static final String PREFIX = "pbkdf2-sha512:";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA512. */
    public static final int DEFAULT_ITERATIONS = 210_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes a password with a fresh random salt. */
    public static PasswordHash create(char[] password, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /** True when the text is an encoded hash rather than a plain password. */
    public static boolean isEncoded(String text) {
        return text.startsWith(PREFIX);
    }

    /**
     * Decodes {@link #encoded()} output.
     *
     * @throws IllegalArgumentException when the text is not a well-formed hash (the text is not echoed)
     */
    public static PasswordHash parse(String encoded) {
        if (!isEncoded(encoded)) {
            throw new IllegalArgumentException("not a " + PREFIX + " password hash");
        }
        String[] parts = encoded.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a password hash needs iterations, salt and hash separated by ':'");
        }
        try {
            int iterations = Integer.parseInt(parts[0]);
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] hash = Base64.getDecoder().decode(parts[2]);
            if (iterations < 1 || salt.length == 0 || hash.length == 0) {
                throw new IllegalArgumentException("password hash has empty salt/hash or iterations < 1");
            }
            return new PasswordHash(iterations, salt, hash);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("password hash iterations is not a number", e);
        }
    }

    /** Constant-time comparison of the password's hash with this one. */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations, hash.length * 8));
    }

    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    @Override
    public String toString() {
        return "PasswordHash[pbkdf2-sha512, iterations=" + iterations + "]";
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        return derive(password, salt, iterations, HASH_BITS);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
