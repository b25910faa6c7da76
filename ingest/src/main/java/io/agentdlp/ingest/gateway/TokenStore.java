package io.agentdlp.ingest.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-sensor bearer tokens, stored hashed in a text file and re-read when the file changes, so
 * tokens are added and revoked without a restart. One token per line:
 * <pre>
 * sha256:&lt;hex of SHA-256(token)&gt; &lt;name&gt; [device=&lt;id&gt;] [user=&lt;id&gt;] [email=&lt;e-mail&gt;]
 *     [groups=&lt;g1,g2&gt;] [rate=&lt;events/s&gt;] [burst=&lt;events&gt;] [revoked]
 * </pre>
 * {@code device}, {@code user} and {@code email} bind the install's identity: the gateway rejects
 * events that claim another one. {@code groups} are the policy subjects of that user.
 * Tokens are 256-bit random values, so a plain SHA-256 is enough (a slow password hash protects
 * guessable secrets, which these are not). Deleting a line or adding {@code revoked} revokes.
 */
public final class TokenStore {
    private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long CHECK_INTERVAL_MS = 1000;

    private final Path file;
    private final double defaultRate;
    private final long defaultBurst;
    private volatile Map<String, SensorPrincipal> byHash = Map.of();
    private volatile FileTime loadedModified;
    private volatile long loadedSize = -1;
    private volatile long lastCheck;

    public TokenStore(Path file, double defaultRate, long defaultBurst) throws IOException {
        this.file = file;
        this.defaultRate = defaultRate;
        this.defaultBurst = defaultBurst;
        reload();
    }

    /** The principal of a presented token, or null when unknown or revoked. */
    public SensorPrincipal authenticate(String token) {
        maybeReload();
        return token == null || token.isBlank() ? null : byHash.get(hash(token.trim()));
    }

    /** Number of active tokens. */
    public int size() {
        maybeReload();
        return byHash.size();
    }

    private void maybeReload() {
        long now = System.currentTimeMillis();
        if (now - lastCheck < CHECK_INTERVAL_MS) {
            return;
        }
        lastCheck = now;
        try {
            FileTime m = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (!m.equals(loadedModified) || size != loadedSize) {
                reload();
            }
        } catch (NoSuchFileException e) {
            if (!byHash.isEmpty()) {
                LOG.warn("event=token_file_missing file={} active_tokens=0", file);
                byHash = Map.of();
                loadedModified = null;
                loadedSize = -1;
            }
        } catch (IOException e) {
            LOG.error("event=token_file_unreadable file={} error={} keeping_previous_tokens=true", file, e.toString());
        }
    }

    /** Re-reads the file now. */
    public synchronized void reload() throws IOException {
        if (!Files.exists(file)) {
            byHash = Map.of();
            loadedModified = null;
            loadedSize = -1;
            lastCheck = System.currentTimeMillis();
            return;
        }
        FileTime m = Files.getLastModifiedTime(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, SensorPrincipal> next = new HashMap<>();
        int revoked = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length < 2 || !parts[0].startsWith("sha256:") || parts[0].length() != 7 + 64) {
                LOG.warn("event=token_line_ignored file={} line={} reason=expected 'sha256:<64 hex> <name> ...'", file, i + 1);
                continue;
            }
            String device = null;
            String user = null;
            String email = null;
            List<String> groups = List.of();
            double rate = defaultRate;
            long burst = defaultBurst;
            boolean isRevoked = false;
            try {
                for (int p = 2; p < parts.length; p++) {
                    String opt = parts[p];
                    if (opt.equals("revoked")) {
                        isRevoked = true;
                    } else if (opt.startsWith("device=")) {
                        device = opt.substring(7);
                    } else if (opt.startsWith("user=")) {
                        user = opt.substring(5);
                    } else if (opt.startsWith("email=")) {
                        email = opt.substring(6);
                    } else if (opt.startsWith("groups=")) {
                        groups = List.of(opt.substring(7).split(","));
                    } else if (opt.startsWith("rate=")) {
                        rate = Double.parseDouble(opt.substring(5));
                    } else if (opt.startsWith("burst=")) {
                        burst = Long.parseLong(opt.substring(6));
                    }
                }
            } catch (NumberFormatException e) {
                LOG.warn("event=token_line_ignored file={} line={} reason=bad number", file, i + 1);
                continue;
            }
            if (isRevoked) {
                revoked++;
                continue;
            }
            next.put(parts[0].substring(7).toLowerCase(java.util.Locale.ROOT), new SensorPrincipal(parts[1], device, rate, burst,
                    user, email, groups));
        }
        byHash = Map.copyOf(next);
        loadedModified = m;
        loadedSize = Files.size(file);
        lastCheck = System.currentTimeMillis();
        LOG.info("event=tokens_loaded file={} active={} revoked={}", file, next.size(), revoked);
    }

    /** Hex SHA-256 of a token. */
    public static String hash(String token) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Creates a token, appends its hash line to {@code file} and returns the token (shown once).
     *
     * @param options extra line options, e.g. {@code device=laptop-42 rate=500}
     */
    public static String issue(Path file, String name, String options) throws IOException {
        if (name == null || name.isBlank() || name.contains(" ")) {
            throw new IllegalArgumentException("token name must be one word, e.g. the sensor's host name");
        }
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = "adlp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        String line = "sha256:" + hash(token) + " " + name + (options == null || options.isBlank() ? "" : " " + options.trim()) + "\n";
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return token;
    }
}
