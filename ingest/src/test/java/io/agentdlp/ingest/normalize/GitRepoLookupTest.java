package io.agentdlp.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.agentdlp.avro.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepoLookupTest {
    @TempDir
    Path dir;

    private void git(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", cwd.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", args)).isZero();
    }

    @Test
    void derivesRemoteAndBranchFromTheWorkingDirectory() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("app"));
        git(repo, "init", "-q", "-b", "feature/dlp");
        git(repo, "remote", "add", "origin", "git@github.com:acme/app.git");
        Path sub = Files.createDirectories(repo.resolve("src/main"));

        GitRepoLookup lookup = new GitRepoLookup("git", Duration.ofMinutes(1), Duration.ofSeconds(10), Clock.systemUTC());

        Repo r = lookup.lookup(sub.toString());
        assertThat(r.getRemote()).isEqualTo("git@github.com:acme/app.git");
        assertThat(r.getBranch()).isEqualTo("feature/dlp");
        assertThat(lookup.lookup(dir.toString())).as("outside any work tree").isNull();
        assertThat(lookup.lookup(dir.resolve("missing").toString())).isNull();
        assertThat(lookup.lookup(null)).isNull();
        assertThat(new GitRepoLookup("no-such-git-binary", Duration.ofMinutes(1), Duration.ofSeconds(1), Clock.systemUTC())
                .lookup(sub.toString())).as("git missing").isNull();
    }
}
