package io.agentdlp.ingest.sensor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.TextDetector;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.ingest.delivery.DeliveryStatus;
import io.agentdlp.ingest.delivery.EventPublisher;
import io.agentdlp.ingest.delivery.Spool;
import io.agentdlp.ingest.delivery.SpoolingPublisher;
import io.agentdlp.ingest.http.HttpServers;
import io.agentdlp.ingest.http.Responses;
import io.agentdlp.ingest.normalize.ContentFactory;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.normalize.GitRepoLookup;
import io.agentdlp.ingest.normalize.HookNormalizer;
import io.agentdlp.ingest.normalize.OtelLogNormalizer;
import io.agentdlp.ingest.normalize.RepoLookup;
import io.agentdlp.ingest.policy.EdgePolicy;
import io.agentdlp.ingest.policy.EnforcedPolicy;
import io.agentdlp.ingest.policy.PolicySync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The developer-machine sensor: a hook endpoint on 127.0.0.1 ({@code /hook/<agent>}, {@code /status},
 * {@code /health}), an OTLP/HTTP logs receiver ({@code /v1/logs}), inline decisions, and write-ahead
 * delivery through the local spool to Kafka or the gateway. Pure Java: no native library on this
 * path (secret scanning and fingerprinting are plain Java; own-code matching is the verdict
 * service's job).
 */
public final class SensorDaemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SensorDaemon.class);

    private final SensorConfig config;
    private final SensorIdentity identity;
    private final SpoolingPublisher delivery;
    private final SensorActivity activity = new SensorActivity();
    private final ExecutorService pool;
    private final HttpServer hookServer;
    private final HttpServer otlpServer;
    private final EdgePolicy policy;

    private SensorDaemon(SensorConfig config, SensorIdentity identity, SpoolingPublisher delivery, ExecutorService pool,
                         HttpServer hookServer, HttpServer otlpServer, EdgePolicy policy) {
        this.config = config;
        this.policy = policy;
        this.identity = identity;
        this.delivery = delivery;
        this.pool = pool;
        this.hookServer = hookServer;
        this.otlpServer = otlpServer;
    }

    /**
     * Starts the sensor.
     *
     * @param config       settings
     * @param upstream     Kafka or gateway publisher the spool drains to (closed with the daemon)
     * @param upstreamName how status names the upstream (no credentials)
     * @param repos        repository lookup for {@code cwd} (normally {@link GitRepoLookup#standard()})
     * @param clock        clock for event times
     */
    public static SensorDaemon start(SensorConfig config, EventPublisher upstream, String upstreamName, RepoLookup repos,
                                     Clock clock) throws IOException {
        return start(config, upstream, upstreamName, repos, clock, null);
    }

    /** Same, stamping events with {@code device} instead of the local machine's identity (tests, fleet tooling). */
    public static SensorDaemon start(SensorConfig config, EventPublisher upstream, String upstreamName, RepoLookup repos,
                                     Clock clock, DeviceContext deviceOverride) throws IOException {
        SensorIdentity identity = SensorIdentity.loadOrCreate(config.dataDir());
        DeviceContext device = deviceOverride != null ? deviceOverride : DeviceContext.local(identity.deviceId(), config.userEmail());
        KeyedHasher hasher = KeyedHasher.fromSecret(config.hashKey() != null ? config.hashKey() : identity.hashKey());
        TextDetector detector = SecretScanner.builder().catalog(RuleCatalog.builtIn()).hasher(hasher).build();
        // privacy mode keeps raw text on the machine, so the text-based verdict service is not consulted
        VerdictService remote = config.verdictUrl() == null || config.privacyMode() ? null : new HttpVerdictClient(config.verdictUrl(), null);
        EdgePolicy edgePolicy = EdgePolicy.open(config.policy(), device, config.dataDir(), clock);
        EnforcedPolicy policy = edgePolicy.enforced();
        InlineDecider decider = new InlineDecider(detector, remote, config.verdictTimeout(), config.failClosed(), config.modes(),
                policy, config.policy().askFallback());
        PrivacyFilter privacy = config.privacyMode() ? new PrivacyFilter(Fingerprinter.withDefaults()) : null;
        ContentFactory contents = new ContentFactory(config.maxTextChars());

        SpoolingPublisher delivery = new SpoolingPublisher(Spool.open(config.spool()), upstream, upstreamName,
                config.forwarding(), clock);
        ExecutorService pool = HttpServers.pool("agentdlp-sensor-http", 4);
        HttpServer hooks = null;
        HttpServer otlp = null;
        try {
            hooks = HttpServers.http(config.hookHost(), config.hookPort(), pool);
            if (config.otlpPort() >= 0) {
                otlp = HttpServers.http(config.otlpHost(), config.otlpPort(), pool);
            }
            SensorDaemon daemon = new SensorDaemon(config, identity, delivery, pool, hooks, otlp, edgePolicy);
            SensorActivity activity = daemon.activity;
            SensorPipeline pipeline = new SensorPipeline(decider, privacy, delivery, activity, config.failClosed(), policy);
            hooks.createContext("/hook", new HookEndpoint(identity, new HookNormalizer(device, repos, contents, clock),
                    pipeline, activity, config.maxHookBytes()));
            hooks.createContext("/status", new StatusEndpoint(identity, daemon));
            hooks.createContext("/health", ex -> Responses.json(ex, 200, "{\"status\":\"up\"}"));
            if (otlp != null) {
                otlp.createContext("/v1/logs", new SensorOtlpEndpoint(identity, config.otlpRequireToken(),
                        new OtelLogNormalizer(device, contents, clock), pipeline, activity, config.maxOtlpBytes()));
                otlp.start();
            }
            hooks.start();
            edgePolicy.start();
            LOG.info("event=sensor_started hook_address={} otlp_address={} device_id={} upstream={} privacy_mode={} modes={}",
                    hooks.getAddress(), otlp == null ? "disabled" : otlp.getAddress(), identity.deviceId(), upstreamName,
                    config.privacyMode(), config.modes());
            return daemon;
        } catch (IOException | RuntimeException e) {
            if (hooks != null) {
                hooks.stop(0);
            }
            if (otlp != null) {
                otlp.stop(0);
            }
            edgePolicy.close();
            pool.shutdownNow();
            delivery.close();
            throw e;
        }
    }

    public InetSocketAddress hookAddress() {
        return hookServer.getAddress();
    }

    /** The OTLP receiver's address, or null when disabled. */
    public InetSocketAddress otlpAddress() {
        return otlpServer == null ? null : otlpServer.getAddress();
    }

    public SensorIdentity identity() {
        return identity;
    }

    public SensorConfig config() {
        return config;
    }

    public DeliveryStatus delivery() {
        return delivery.status();
    }

    public SensorActivity activity() {
        return activity;
    }

    /** The access policy being enforced. */
    public EnforcedPolicy policy() {
        return policy.enforced();
    }

    /** The gateway policy sync, or null when policies do not come from the gateway. */
    public PolicySync policySync() {
        return policy.sync();
    }

    /** The enforced policy version, its origin and the sync state as JSON (for {@code status}). */
    public String policyStatusJson() {
        return policy.statusJson();
    }

    /** Stops accepting requests, stops forwarding (the spool keeps what is undelivered). */
    @Override
    public void close() {
        policy.close();
        hookServer.stop(0);
        if (otlpServer != null) {
            otlpServer.stop(0);
        }
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delivery.close();
        LOG.info("event=sensor_stopped");
    }
}
