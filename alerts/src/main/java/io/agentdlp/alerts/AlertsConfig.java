package io.agentdlp.alerts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.agentdlp.alerts.auth.Role;
import io.agentdlp.alerts.config.ConfigException;
import io.agentdlp.alerts.config.Settings;
import io.agentdlp.alerts.feed.AlertLinks;
import io.agentdlp.alerts.web.ConsoleSettings;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.Topics;

/**
 * Typed view of the alerts service's settings. Every key, its default and meaning is listed in
 * docs/alerts.md; {@link #KEYS} drives the environment overrides ({@code AGENTDLP_ALERTS_HTTP_PORT} …).
 */
public final class AlertsConfig {
    /** Known top-level keys (sink keys are dynamic: {@code alerts.sink.<name>.*}). */
    public static final List<String> KEYS = List.of(
            "kafka.bootstrap.servers", "schema.registry.url", "schema.registry.basic.auth.user.info",
            "basic.auth.credentials.source", "basic.auth.user.info",
            "alerts.http.host", "alerts.http.port", "alerts.http.tls.keystore", "alerts.http.tls.keystore-password",
            "alerts.http.secure-cookies", "alerts.http.hsts", "alerts.http.public-origin", "alerts.http.metrics-public",
            "alerts.http.max-streams",
            "alerts.auth.users-file", "alerts.auth.api-tokens-file", "alerts.auth.session-idle",
            "alerts.auth.session-max-age", "alerts.auth.oidc.issuer", "alerts.auth.oidc.audience",
            "alerts.auth.oidc.jwks-url", "alerts.auth.oidc.jwks-file", "alerts.auth.oidc.username-claim",
            "alerts.auth.oidc.roles-claim", "alerts.auth.oidc.default-role",
            "alerts.console.base-url", "alerts.console.code-link-template",
            "alerts.store.max-alerts", "alerts.session-events.enabled", "alerts.session-events.lookback",
            "alerts.session-events.max-sessions", "alerts.session-events.max-per-session",
            "alerts.triage.max-suppression", "alerts.topics.create", "alerts.topics.replication-factor",
            "alerts.sinks", "alerts.sinks.group-prefix",
            "alerts.trail.enabled", "alerts.trail.topic", "alerts.trail.kinds", "alerts.trail.paths", "alerts.trail.urls",
            "alerts.trail.finding-previews", "alerts.trail.retention", "alerts.trail.application-id",
            "alerts.trail.state-dir", "alerts.trail.processing-guarantee", "alerts.trail.sinks");

    private final Settings s;

    /**
     * Loads the service's settings: {@code file} (may be null), then the environment (every key of
     * {@link #KEYS}; {@code AGENTDLP_KAFKA_*} as Kafka client properties; {@code AGENTDLP_BOOTSTRAP_SERVERS}
     * as the bootstrap servers; {@code AGENTDLP_ALERTS_SINK_<NAME>_<KEY>} for each sink named in
     * {@code alerts.sinks}), then {@code overrides}.
     */
    public static Settings load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> m = new HashMap<>(Settings.load(file, env, Map.of(), KEYS).raw());
        String bootstrap = env.get("AGENTDLP_BOOTSTRAP_SERVERS");
        if (bootstrap != null && !env.containsKey("AGENTDLP_KAFKA_BOOTSTRAP_SERVERS")) {
            m.put("kafka.bootstrap.servers", bootstrap);
        }
        m.putAll(Settings.fromEnvPrefix(env, "AGENTDLP_KAFKA_", "kafka."));
        Map<String, String> withOverrides = new HashMap<>(m);
        withOverrides.putAll(overrides);
        Settings merged = new Settings(withOverrides);
        List<String> sinkPrefixes = new ArrayList<>();
        merged.list("alerts.sinks").forEach(n -> sinkPrefixes.add("alerts.sink." + n + "."));
        merged.list("alerts.trail.sinks").forEach(n -> sinkPrefixes.add("alerts.trail.sink." + n + "."));
        for (String sink : sinkPrefixes) {
            for (String key : io.agentdlp.alerts.sink.SinkFactory.KEYS) {
                String k = sink + key;
                String v = env.get(Settings.envName(k));
                if (v != null) {
                    m.put(k, v);
                }
            }
        }
        m.putAll(overrides);
        return new Settings(m);
    }

    public AlertsConfig(Settings settings) {
        this.s = settings;
    }

    public Settings settings() {
        return s;
    }

    /** Kafka client properties: {@code kafka.*} without the prefix (security settings pass through). */
    public Map<String, Object> kafka() {
        Map<String, Object> m = new HashMap<>(s.withPrefix("kafka."));
        m.putIfAbsent("bootstrap.servers", "localhost:9092");
        return m;
    }

    /** Serde configuration: registry URL, auth and the other serializer keys. */
    public Map<String, Object> serde() {
        Map<String, Object> m = new HashMap<>();
        s.withPrefix("schema.registry.").forEach((k, v) -> m.put("schema.registry." + k, v));
        s.withPrefix("basic.auth.").forEach((k, v) -> m.put("basic.auth." + k, v));
        s.get("auto.register.schemas").ifPresent(v -> m.put("auto.register.schemas", v));
        s.get("use.latest.version").ifPresent(v -> m.put("use.latest.version", v));
        m.putIfAbsent("schema.registry.url", "http://localhost:8081");
        return m;
    }

    public TopicNames topicNames() {
        return new TopicNames(s.withPrefix("").entrySet().stream()
                .filter(e -> e.getKey().startsWith("topic."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public ConsoleSettings console() {
        String keystore = s.string("alerts.http.tls.keystore", null);
        String publicOrigin = s.string("alerts.http.public-origin", null);
        if (publicOrigin == null && s.get("alerts.console.base-url").isPresent()) {
            URI u = URI.create(s.required("alerts.console.base-url"));
            publicOrigin = u.getScheme() + "://" + u.getAuthority();
        }
        return new ConsoleSettings(s.string("alerts.http.host", "127.0.0.1"), s.integer("alerts.http.port", 8088),
                keystore == null ? null : Path.of(keystore), s.string("alerts.http.tls.keystore-password", null),
                s.bool("alerts.http.secure-cookies", false), s.bool("alerts.http.hsts", false), publicOrigin,
                s.bool("alerts.http.metrics-public", true), s.integer("alerts.http.max-streams", 100),
                s.duration("alerts.auth.session-idle", Duration.ofMinutes(30)),
                s.duration("alerts.auth.session-max-age", Duration.ofHours(12)));
    }

    public AlertLinks links() {
        return new AlertLinks(s.string("alerts.console.base-url", null),
                s.string("alerts.console.code-link-template", null));
    }

    public Path usersFile() {
        return s.get("alerts.auth.users-file").map(Path::of).orElse(null);
    }

    public Path apiTokensFile() {
        return s.get("alerts.auth.api-tokens-file").map(Path::of).orElse(null);
    }

    /** True when an OIDC issuer is configured. */
    public boolean oidcEnabled() {
        return s.get("alerts.auth.oidc.issuer").isPresent();
    }

    public Map<String, Role> oidcRoleMapping() {
        Map<String, Role> m = new HashMap<>();
        s.withPrefix("alerts.auth.oidc.role.").forEach((claimValue, role) -> {
            try {
                m.put(claimValue, Role.parse(role));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("alerts.auth.oidc.role." + claimValue + ": " + e.getMessage(), e);
            }
        });
        return m;
    }

    public int maxAlerts() {
        return s.integer("alerts.store.max-alerts", 100_000);
    }

    public boolean sessionEvents() {
        return s.bool("alerts.session-events.enabled", true);
    }

    public Duration sessionEventsLookback() {
        return s.duration("alerts.session-events.lookback", Duration.ofHours(24));
    }

    public int sessionEventsMaxSessions() {
        return s.integer("alerts.session-events.max-sessions", 10_000);
    }

    public int sessionEventsMaxPerSession() {
        return s.integer("alerts.session-events.max-per-session", 200);
    }

    public Duration maxSuppression() {
        return s.duration("alerts.triage.max-suppression", Duration.ofDays(90));
    }

    public boolean createTopics() {
        return s.bool("alerts.topics.create", true);
    }

    public short replicationFactor() {
        int rf = s.integer("alerts.topics.replication-factor", 1);
        if (rf < 1 || rf > Short.MAX_VALUE) {
            throw new ConfigException("alerts.topics.replication-factor must be >= 1");
        }
        return (short) rf;
    }

    public List<String> sinkNames() {
        return s.list("alerts.sinks");
    }

    public Settings sink(String name) {
        return s.scoped("alerts.sink." + name + ".");
    }

    public String sinkGroupPrefix() {
        return s.string("alerts.sinks.group-prefix", "agentdlp-alerts-sink");
    }

    /** Whether the agent audit trail is written and exported (docs/audit.md). */
    public boolean trailEnabled() {
        return s.bool("alerts.trail.enabled", true);
    }

    public String trailTopic() {
        return s.string("alerts.trail.topic", Topics.AUDIT_TRAIL.defaultName());
    }

    /** Streams application id of the trail writer: its consumer group, apart from the sinks'. */
    public String trailApplicationId() {
        return s.string("alerts.trail.application-id", "agentdlp-audit-trail");
    }

    /** Streams state directory; empty for a fresh temporary directory (the chain store is in memory). */
    public Optional<Path> trailStateDir() {
        return s.get("alerts.trail.state-dir").map(Path::of);
    }

    public String trailProcessingGuarantee() {
        String g = s.string("alerts.trail.processing-guarantee", "exactly_once_v2");
        if (!g.equals("exactly_once_v2") && !g.equals("at_least_once")) {
            throw new ConfigException("alerts.trail.processing-guarantee must be exactly_once_v2 or at_least_once");
        }
        return g;
    }

    public List<String> trailSinkNames() {
        return s.list("alerts.trail.sinks");
    }

    public Settings trailSink(String name) {
        return s.scoped("alerts.trail.sink." + name + ".");
    }
}
