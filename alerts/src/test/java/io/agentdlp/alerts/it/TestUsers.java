package io.agentdlp.alerts.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.agentdlp.alerts.auth.Role;
import io.agentdlp.alerts.auth.UserStore;

/** A user file for tests: one user per role, with a low PBKDF2 work factor to keep tests fast. */
public final class TestUsers {
    public static final String PASSWORD = "correct horse battery staple";

    private TestUsers() {
    }

    /** Users {@code viewer}, {@code triager} and {@code admin}, all with {@link #PASSWORD}. */
    public static Path create() throws IOException {
        Path dir = Files.createTempDirectory("agentdlp-alerts-users");
        Path f = dir.resolve("users");
        for (Role r : Role.values()) {
            UserStore.upsert(f, r.id(), r, PASSWORD.toCharArray(), 1000);
        }
        return f;
    }
}
