package io.agentdlp.ingest.samples;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.agentdlp.avro.Repo;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.normalize.RepoLookup;

/** The fixed machine, clock and repository every sample is normalized against. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-11-23T10:15:02.114Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final DeviceContext DEVICE = new DeviceContext("dev-7f3a", "laptop-42", "linux", "alice", null);
    public static final String REPO_DIR = "/home/dev/repo";
    public static final RepoLookup REPOS = cwd -> cwd != null && cwd.startsWith(REPO_DIR)
            ? new Repo("git@github.com:acme/app.git", "main") : null;

    private Fixtures() {
    }
}
