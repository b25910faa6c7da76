package io.agentdlp.ingest.sensor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import io.agentdlp.ingest.delivery.SpoolConfig;
import io.agentdlp.ingest.delivery.SpoolingPublisher;
import io.agentdlp.ingest.normalize.ContentFactory;
import io.agentdlp.ingest.policy.PolicySettings;

/**
 * Settings of the sensor daemon.
 *
 * @param dataDir          identity files and the spool ({@code ~/.agentdlp/sensor} by default)
 * @param hookHost         address of the hook endpoint (127.0.0.1: never reachable from the network)
 * @param hookPort         hook port (7788; 0 picks a free port)
 * @param otlpHost         address of the OTLP/HTTP logs receiver
 * @param otlpPort         OTLP port (4318; 0 picks a free port; -1 disables the receiver)
 * @param otlpRequireToken whether OTLP requests must carry the hook token header
 * @param spool            spool settings (its directory normally under {@code dataDir})
 * @param privacyMode      keep raw content on the machine (sizes, hashes, fingerprints, findings only)
 * @param modes            enforcement mode per severity
 * @param verdictUrl       central verdict service ({@code http://topology:8082/v1/verdict}), or null
 * @param verdictTimeout   budget for the verdict service
 * @param failClosed       deny blockable actions when the verdict service fails
 * @param maxHookBytes     largest hook body accepted
 * @param maxOtlpBytes     largest OTLP body accepted (after gzip inflation too)
 * @param maxTextChars     text kept per event before truncation
 * @param hashKey          deployment keyed-hash key, or null to use this install's own key
 * @param userEmail        e-mail stamped on events whose source has none, or null
 * @param policy           where the access policy comes from, and the {@code ask} fallback
 * @param forwarding       batch sizes and retry delays of the spool's forwarder
 */
public record SensorConfig(Path dataDir, String hookHost, int hookPort, String otlpHost, int otlpPort,
                           boolean otlpRequireToken, SpoolConfig spool, boolean privacyMode, SeverityModes modes,
                           URI verdictUrl, Duration verdictTimeout, boolean failClosed, long maxHookBytes,
                           long maxOtlpBytes, int maxTextChars, String hashKey, String userEmail,
                           PolicySettings policy, SpoolingPublisher.Options forwarding) {
    /** Default hook port. */
    public static final int HOOK_PORT = 7788;
    /** Default OTLP/HTTP port. */
    public static final int OTLP_PORT = 4318;
    /** Header carrying the local hook token. */
    public static final String TOKEN_HEADER = "X-Agentdlp-Token";

    public SensorConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(spool, "spool");
        Objects.requireNonNull(modes, "modes");
        Objects.requireNonNull(verdictTimeout, "verdictTimeout");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(forwarding, "forwarding");
    }

    /** With the default forwarding options. */
    public SensorConfig(Path dataDir, String hookHost, int hookPort, String otlpHost, int otlpPort,
                        boolean otlpRequireToken, SpoolConfig spool, boolean privacyMode, SeverityModes modes,
                        URI verdictUrl, Duration verdictTimeout, boolean failClosed, long maxHookBytes,
                        long maxOtlpBytes, int maxTextChars, String hashKey, String userEmail, PolicySettings policy) {
        this(dataDir, hookHost, hookPort, otlpHost, otlpPort, otlpRequireToken, spool, privacyMode, modes, verdictUrl,
                verdictTimeout, failClosed, maxHookBytes, maxOtlpBytes, maxTextChars, hashKey, userEmail, policy,
                SpoolingPublisher.Options.defaults());
    }

    /** Without an access policy source (only a cached policy is enforced). */
    public SensorConfig(Path dataDir, String hookHost, int hookPort, String otlpHost, int otlpPort,
                        boolean otlpRequireToken, SpoolConfig spool, boolean privacyMode, SeverityModes modes,
                        URI verdictUrl, Duration verdictTimeout, boolean failClosed, long maxHookBytes,
                        long maxOtlpBytes, int maxTextChars, String hashKey, String userEmail) {
        this(dataDir, hookHost, hookPort, otlpHost, otlpPort, otlpRequireToken, spool, privacyMode, modes, verdictUrl,
                verdictTimeout, failClosed, maxHookBytes, maxOtlpBytes, maxTextChars, hashKey, userEmail, PolicySettings.none());
    }

    /** Defaults for a data directory: loopback ports 7788 / 4318, spool under {@code dataDir/spool}. */
    public static SensorConfig defaults(Path dataDir) {
        return new SensorConfig(dataDir, "127.0.0.1", HOOK_PORT, "127.0.0.1", OTLP_PORT, false,
                SpoolConfig.defaults(dataDir.resolve("spool")), false, SeverityModes.defaults(), null,
                Duration.ofMillis(15), false, 16L << 20, 16L << 20, ContentFactory.DEFAULT_MAX_TEXT_CHARS, null, null, PolicySettings.none());
    }

    /** The default data directory: {@code ~/.agentdlp/sensor}. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".agentdlp", "sensor");
    }

    public SensorConfig withPorts(int hook, int otlp) {
        return new SensorConfig(dataDir, hookHost, hook, otlpHost, otlp, otlpRequireToken, spool, privacyMode, modes,
                verdictUrl, verdictTimeout, failClosed, maxHookBytes, maxOtlpBytes, maxTextChars, hashKey, userEmail, policy, forwarding);
    }

    public SensorConfig withPrivacyMode(boolean privacy) {
        return new SensorConfig(dataDir, hookHost, hookPort, otlpHost, otlpPort, otlpRequireToken, spool, privacy, modes,
                verdictUrl, verdictTimeout, failClosed, maxHookBytes, maxOtlpBytes, maxTextChars, hashKey, userEmail, policy, forwarding);
    }

    public SensorConfig withVerdict(URI url, Duration timeout, boolean closed) {
        return new SensorConfig(dataDir, hookHost, hookPort, otlpHost, otlpPort, otlpRequireToken, spool, privacyMode, modes,
                url, timeout, closed, maxHookBytes, maxOtlpBytes, maxTextChars, hashKey, userEmail, policy, forwarding);
    }

    public SensorConfig withModes(SeverityModes m) {
        return new SensorConfig(dataDir, hookHost, hookPort, otlpHost, otlpPort, otlpRequireToken, spool, privacyMode, m,
                verdictUrl, verdictTimeout, failClosed, maxHookBytes, maxOtlpBytes, maxTextChars, hashKey, userEmail, policy, forwarding);
    }

    public SensorConfig withPolicy(PolicySettings p) {
        return new SensorConfig(dataDir, hookHost, hookPort, otlpHost, otlpPort, otlpRequireToken, spool, privacyMode, modes,
                verdictUrl, verdictTimeout, failClosed, maxHookBytes, maxOtlpBytes, maxTextChars, hashKey, userEmail, p, forwarding);
    }

    public SensorConfig withLimits(long hookBytes, long otlpBytes) {
        return new SensorConfig(dataDir, hookHost, hookPort, otlpHost, otlpPort, otlpRequireToken, spool, privacyMode, modes,
                verdictUrl, verdictTimeout, failClosed, hookBytes, otlpBytes, maxTextChars, hashKey, userEmail, policy, forwarding);
    }

    public SensorConfig withForwarding(SpoolingPublisher.Options f) {
        return new SensorConfig(dataDir, hookHost, hookPort, otlpHost, otlpPort, otlpRequireToken, spool, privacyMode, modes,
                verdictUrl, verdictTimeout, failClosed, maxHookBytes, maxOtlpBytes, maxTextChars, hashKey, userEmail, policy, f);
    }
}
