package io.agentdlp.registry.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP basic-auth users, each with a PBKDF2 hash. Entries are {@code user:password} (hashed on load,
 * the plain text is not kept) or {@code user:pbkdf2-sha512:...}. Because PBKDF2 is deliberately slow,
 * a successful check is remembered as an HMAC of the password under a per-process random key, so a
 * client sending the same credentials on every request pays the cost once.
 */
final class BasicAuthUsers {
    private final Map<String, PasswordHash> users;
    private final PasswordHash unknownUser;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final byte[] cacheKey = new byte[32];

    private BasicAuthUsers(Map<String, PasswordHash> users, int iterations) {
        this.users = Map.copyOf(users);
        // Checked for unknown users too, so that response time does not tell which users exist.
        this.unknownUser = PasswordHash.create("unknown-user".toCharArray(), iterations);
        new SecureRandom().nextBytes(cacheKey);
    }

    /**
     * @throws IllegalArgumentException for an entry without {@code user:} or with a malformed hash;
     *                                  the message names the entry's position, never its content
     */
    static BasicAuthUsers parse(List<String> entries, int iterations) {
        Map<String, PasswordHash> users = new HashMap<>();
        int n = 0;
        for (String raw : entries) {
            n++;
            String entry = raw.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("basic-auth entry " + n + " is not 'user:password' or 'user:" + PasswordHash.PREFIX + "...'");
            }
            String user = entry.substring(0, colon);
            String secret = entry.substring(colon + 1);
            try {
                users.put(user, PasswordHash.isEncoded(secret) ? PasswordHash.parse(secret)
                        : PasswordHash.create(secret.toCharArray(), iterations));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("basic-auth entry " + n + " (user '" + user + "'): " + e.getMessage(), e);
            }
        }
        return new BasicAuthUsers(users, iterations);
    }

    /** Reads one entry per line ({@code #} comments and blank lines ignored). */
    static BasicAuthUsers load(Path file, int iterations) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), iterations);
        } catch (IOException e) {
            throw new RegistryStartupException("cannot read basic-auth users file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new RegistryStartupException("basic-auth users file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Users of both; {@code b} wins for a user in both. */
    static BasicAuthUsers merge(BasicAuthUsers a, BasicAuthUsers b, int iterations) {
        Map<String, PasswordHash> all = new HashMap<>(a.users);
        all.putAll(b.users);
        return new BasicAuthUsers(all, iterations);
    }

    int size() {
        return users.size();
    }

    /** The authenticated user for an {@code Authorization} header value, or empty. */
    Optional<String> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        PasswordHash hash = users.get(user);
        if (hash == null) {
            unknownUser.matches(password);
            return Optional.empty();
        }
        byte[] fingerprint = fingerprint(password);
        byte[] known = verified.get(user);
        if (known != null && MessageDigest.isEqual(known, fingerprint)) {
            return Optional.of(user);
        }
        if (hash.matches(password)) {
            verified.put(user, fingerprint);
            return Optional.of(user);
        }
        return Optional.empty();
    }

    private byte[] fingerprint(char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            return mac.doFinal(new String(password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
