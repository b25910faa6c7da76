package io.agentdlp.ingest.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import io.agentdlp.detection.policy.PolicyFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last policy bundle received, kept in the sensor's data directory so the sensor starts and
 * keeps enforcing without the gateway. Written atomically (temp file + rename): a crash leaves the
 * previous version, never half a policy.
 */
public final class PolicyCache {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyCache.class);

    private final Path file;

    public PolicyCache(Path dataDir) {
        this.file = dataDir.resolve("policy-cache.json");
    }

    public Path file() {
        return file;
    }

    /** The cached bundle; empty when there is none or it is unreadable (logged, then ignored). */
    public Optional<PolicyBundle> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PolicyBundle.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
        } catch (IOException | PolicyFileException e) {
            LOG.error("event=policy_cache_unreadable file={} error={}", file, e.getMessage());
            return Optional.empty();
        }
    }

    public void save(PolicyBundle bundle) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, bundle.render(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
