package io.agentdlp.alerts.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Console users from a text file, one per line: {@code name:role:pbkdf2-sha256$...}; blank lines and
 * {@code #} comments ignored. The file is re-read when it changes, so users can be added or removed
 * without a restart. Unknown users cost the same PBKDF2 work as known ones (no user enumeration by
 * timing).
 */
public final class UserStore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@+-]{1,64}");
    private final Path file;
    private volatile String dummyHash;
    private volatile Map<String, User> users = Map.of();
    private volatile FileTime loadedAt;

    /** One stored user. */
    public record User(String name, Role role, String hash) {
    }

    public UserStore(Path file) {
        this.file = file;
        reloadIfChanged();
    }

    /** Checks a password; empty when the user is unknown or the password wrong. */
    public Optional<Principal> authenticate(String name, char[] password) {
        reloadIfChanged();
        User u = name == null ? null : users.get(name);
        boolean ok = PasswordHasher.verify(password, u == null ? dummyHash() : u.hash());
        return ok && u != null ? Optional.of(new Principal(u.name(), u.role(), "password")) : Optional.empty();
    }

    /** A hash to verify against for unknown names, with the work factor of the stored users. */
    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            int iterations = users.values().stream().map(x -> x.hash().split("\\$")[1]).mapToInt(Integer::parseInt)
                    .max().orElse(PasswordHasher.DEFAULT_ITERATIONS);
            h = PasswordHasher.hash("unused-dummy-password".toCharArray(), iterations);
            dummyHash = h;
        }
        return h;
    }

    public int size() {
        return users.size();
    }

    private void reloadIfChanged() {
        try {
            FileTime mtime = Files.getLastModifiedTime(file);
            if (mtime.equals(loadedAt)) {
                return;
            }
            users = parse(Files.readAllLines(file, StandardCharsets.UTF_8), file);
            loadedAt = mtime;
        } catch (IOException e) {
            throw new AuthConfigException("cannot read user file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    static Map<String, User> parse(List<String> lines, Path file) {
        Map<String, User> m = new LinkedHashMap<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", 3);
            if (parts.length != 3 || !NAME.matcher(parts[0]).matches() || !PasswordHasher.wellFormed(parts[2])) {
                throw new AuthConfigException(file + " line " + n + ": expected name:role:pbkdf2-sha256$... "
                        + "(create entries with 'agentdlp alerts add-user')");
            }
            Role role;
            try {
                role = Role.parse(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new AuthConfigException(file + " line " + n + ": " + e.getMessage(), e);
            }
            m.put(parts[0], new User(parts[0], role, parts[2]));
        }
        return Map.copyOf(m);
    }

    /**
     * Adds or replaces a user in {@code file} (created with owner-only permissions when missing).
     * The file is rewritten atomically.
     */
    public static void upsert(Path file, String name, Role role, char[] password, int iterations) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("user names are 1-64 characters of letters, digits and ._@+-");
        }
        List<String> out = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.strip().startsWith(name + ":")) {
                    out.add(line);
                }
            }
        } else {
            out.add("# agentdlp alerts console users: name:role:hash (roles: viewer, triager, admin)");
        }
        out.add(name + ":" + role.id() + ":" + PasswordHasher.hash(password, iterations));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".users", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's ACLs apply.
        }
        Files.write(tmp, out, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
