package io.agentdlp.ingest.policy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyEngine;
import io.agentdlp.detection.policy.PolicyFile;
import io.agentdlp.ingest.http.Responses;
import io.agentdlp.ingest.normalize.DeviceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access policy an edge component (the sensor or the egress proxy) enforces and how it stays
 * current: a local policy file, or the on-disk cache first (so it enforces the last known version
 * before, and without, reaching the gateway) and then the gateway, polled with the component's
 * token. One implementation for both, so they distribute, cache and report policies identically.
 */
public final class EdgePolicy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EdgePolicy.class);
    private static final PolicyEngine ALLOW_ALL = new PolicyEngine(PolicyDocument.allowAll());

    private final EnforcedPolicy enforced;
    private final PolicySync sync;
    private final PolicySettings.AskFallback askFallback;

    private EdgePolicy(EnforcedPolicy enforced, PolicySync sync, PolicySettings.AskFallback askFallback) {
        this.enforced = enforced;
        this.sync = sync;
        this.askFallback = askFallback;
    }

    /**
     * Loads the policy to enforce from the settings' file, else from the cache in {@code dataDir},
     * and prepares the gateway sync when the settings name a gateway ({@link #start()} starts it).
     *
     * @param device the component's own identity (used when the gateway binds no subject)
     * @throws IOException when the policy file cannot be read
     */
    public static EdgePolicy open(PolicySettings settings, DeviceContext device, Path dataDir, Clock clock) throws IOException {
        EnforcedPolicy enforced = new EnforcedPolicy(device, clock);
        PolicyCache cache = new PolicyCache(dataDir);
        PolicyBundle cached = null;
        if (settings.file() != null) {
            // a local file is the whole truth: a stale cache from an earlier gateway setup must not win
            enforced.install(new PolicyBundle(PolicyFile.load(settings.file()), PolicySubject.unbound()), "file");
        } else {
            cached = cache.load().orElse(null);
            if (cached != null) {
                enforced.install(cached, "cache");
            }
        }
        PolicySync sync = settings.gateway() == null ? null : new PolicySync(settings, enforced, cache, clock);
        if (sync != null && cached != null) {
            sync.knownBundle(cached);
        }
        return new EdgePolicy(enforced, sync, settings.askFallback());
    }

    /** Starts polling the gateway, when there is one. */
    public EdgePolicy start() {
        if (sync != null) {
            sync.start();
        }
        EnforcedPolicy.Snapshot p = enforced.current();
        LOG.info("event=edge_policy policy_id={} version={} origin={} sync_url={}",
                p == null ? "none" : p.engine().document().id(), p == null ? "none" : String.valueOf(p.engine().document().version()),
                p == null ? "none" : p.origin(), sync == null ? "none" : sync.url());
        return this;
    }

    public EnforcedPolicy enforced() {
        return enforced;
    }

    /** The gateway sync, or null when the policy does not come from the gateway. */
    public PolicySync sync() {
        return sync;
    }

    /** What {@code ask} becomes where it cannot be asked. */
    public PolicySettings.AskFallback askFallback() {
        return askFallback;
    }

    /** The engine in force, or an allow-all engine while no policy is installed. */
    public PolicyEngine engineOrAllowAll() {
        EnforcedPolicy.Snapshot s = enforced.current();
        return s == null ? ALLOW_ALL : s.engine();
    }

    /**
     * The enforced version, where it came from and the sync state, as JSON (null when there is no
     * policy and no sync): {@code {"id":…,"version":…,"rules":…,"default":…,"origin":…,"loaded_at":…,"sync":{…}}}.
     */
    public String statusJson() {
        EnforcedPolicy.Snapshot p = enforced.current();
        if (p == null && sync == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("{");
        if (p != null) {
            PolicyDocument d = p.engine().document();
            b.append("\"id\":\"").append(Responses.quote(d.id())).append('"')
                    .append(",\"version\":").append(d.version())
                    .append(",\"rules\":").append(d.rules().size())
                    .append(",\"default\":\"").append(d.defaultEffect().name().toLowerCase(Locale.ROOT)).append('"')
                    .append(",\"origin\":\"").append(p.origin()).append('"')
                    .append(",\"loaded_at\":").append(time(p.loadedAt()));
        } else {
            b.append("\"id\":null,\"version\":null");
        }
        if (sync != null) {
            b.append(",\"sync\":{\"url\":\"").append(Responses.quote(sync.url().toString())).append('"')
                    .append(",\"last_success\":").append(time(sync.lastSuccess()))
                    .append(",\"last_error\":").append(sync.lastError() == null ? "null" : "\"" + Responses.quote(sync.lastError()) + "\"")
                    .append('}');
        }
        return b.append('}').toString();
    }

    private static String time(Instant t) {
        return t == null ? "null" : "\"" + t + "\"";
    }

    @Override
    public void close() {
        if (sync != null) {
            sync.close();
        }
    }
}
