package io.agentdlp.alerts.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Static API tokens for scripts and SOAR tools ({@code Authorization: Bearer adlp_...}), from a file
 * of {@code name:role:<hex SHA-256 of the token>} lines. Only hashes are stored; tokens are 256-bit
 * random, so a plain SHA-256 is enough (no password stretching needed).
 */
public final class ApiTokens {
    /** Prefix of generated tokens, so secret scanners (including ours) can recognise them. */
    public static final String PREFIX = "adlp_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final List<Entry> entries;

    private record Entry(String name, Role role, byte[] hash) {
    }

    private ApiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** No tokens. */
    public static ApiTokens none() {
        return new ApiTokens(List.of());
    }

    public static ApiTokens load(Path file) {
        List<Entry> entries = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AuthConfigException("cannot read API token file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split(":");
            if (p.length != 3 || p[2].length() != 64) {
                throw new AuthConfigException(file + " line " + n + ": expected name:role:<64 hex chars>");
            }
            try {
                entries.add(new Entry(p[0], Role.parse(p[1]), HexFormat.of().parseHex(p[2])));
            } catch (IllegalArgumentException e) {
                throw new AuthConfigException(file + " line " + n + ": " + e.getMessage(), e);
            }
        }
        return new ApiTokens(entries);
    }

    /** The principal of a presented token, if it is one of ours. */
    public Optional<Principal> authenticate(String token) {
        byte[] h = sha256(token);
        Principal found = null;
        for (Entry e : entries) {
            // Compare against every entry so timing does not reveal which one matched.
            if (MessageDigest.isEqual(e.hash, h) && found == null) {
                found = new Principal(e.name, e.role, "api-token");
            }
        }
        return Optional.ofNullable(found);
    }

    /** A new random token (shown once to whoever creates it). */
    public static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The file line for a token. */
    public static String line(String name, Role role, String token) {
        return name + ":" + role.id() + ":" + HexFormat.of().formatHex(sha256(token));
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
