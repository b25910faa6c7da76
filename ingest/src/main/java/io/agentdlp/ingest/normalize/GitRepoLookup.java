package io.agentdlp.ingest.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.agentdlp.avro.Repo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code git -C <cwd> remote get-url origin} and {@code git -C <cwd> rev-parse --abbrev-ref HEAD}
 * and caches the answer per directory, so a burst of hooks from one session costs two process
 * spawns per {@code ttl}, not two per hook. A missing git, a timeout or a directory outside any
 * work tree all give "no repository".
 */
public final class GitRepoLookup implements RepoLookup {
    private static final Logger LOG = LoggerFactory.getLogger(GitRepoLookup.class);
    private static final int MAX_ENTRIES = 256;

    private final String gitExecutable;
    private final Duration ttl;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private record Cached(Repo repo, long expiresAtMillis) {
    }

    public GitRepoLookup(String gitExecutable, Duration ttl, Duration timeout, Clock clock) {
        this.gitExecutable = gitExecutable;
        this.ttl = ttl;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** {@code git} from the PATH, answers cached for one minute, 2 s per git call. */
    public static GitRepoLookup standard() {
        return new GitRepoLookup("git", Duration.ofMinutes(1), Duration.ofSeconds(2), Clock.systemUTC());
    }

    @Override
    public Repo lookup(String cwd) {
        if (cwd == null || cwd.isBlank()) {
            return null;
        }
        long now = clock.millis();
        synchronized (cache) {
            Cached c = cache.get(cwd);
            if (c != null && c.expiresAtMillis > now) {
                return c.repo;
            }
        }
        Repo repo = resolve(cwd);
        synchronized (cache) {
            cache.put(cwd, new Cached(repo, now + ttl.toMillis()));
        }
        return repo;
    }

    private Repo resolve(String cwd) {
        if (!Files.isDirectory(Path.of(cwd))) {
            return null;
        }
        String remote = git(cwd, "remote", "get-url", "origin");
        String branch = git(cwd, "rev-parse", "--abbrev-ref", "HEAD");
        if (branch == null) {
            branch = git(cwd, "symbolic-ref", "--short", "HEAD"); // a branch without commits yet
        }
        if (remote == null && branch == null) {
            return null;
        }
        return new Repo(remote, branch);
    }

    private String git(String cwd, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = gitExecutable;
        cmd[1] = "-C";
        cmd[2] = cwd;
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.debug("event=git_unavailable executable={} error={}", gitExecutable, e.toString());
            return null;
        }
        try (InputStream in = p.getInputStream()) {
            // one line of output fits the pipe buffer, so waiting before reading cannot deadlock
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                LOG.debug("event=git_timeout timeout_ms={}", timeout.toMillis());
                return null;
            }
            if (p.exitValue() != 0) {
                return null;
            }
            byte[] out = in.readNBytes(4096);
            String s = new String(out, StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? null : s;
        } catch (IOException e) {
            LOG.debug("event=git_failed error={}", e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return null;
        }
    }
}
