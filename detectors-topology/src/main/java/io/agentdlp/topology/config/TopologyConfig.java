package io.agentdlp.topology.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.agentdlp.detection.fingerprint.MatchThresholds;
import io.agentdlp.topics.TopicNames;

/**
 * The resolved configuration of the topology: defaults, then a properties file, then environment
 * variables ({@link ConfigOption#envName()}), later sources winning. Unknown keys are rejected so a
 * typo never silently falls back to a default. Immutable; {@link #with(String, String)} derives a
 * variant (tests, backtest candidates).
 */
public final class TopologyConfig {
    private static final Map<String, ConfigOption> BY_KEY = index();
    private static final String ENV_STREAMS = "AGENTDLP_STREAMS_";
    private static final String ENV_SERDE = "AGENTDLP_SERDE_";

    private final Map<String, String> values;

    private TopologyConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * The own-code match thresholds: the library's ({@link MatchThresholds#DEFAULT}) with the
     * {@code code.*} options applied.
     */
    public MatchThresholds codeMatchThresholds() {
        return MatchThresholds.DEFAULT
                .withMinMatchedFingerprints(integer(TopologyOptions.CODE_MIN_FINGERPRINTS))
                .withMinRenamedFingerprints(integer(TopologyOptions.CODE_MIN_RENAMED_FINGERPRINTS))
                .withMinSourceLines(integer(TopologyOptions.CODE_MIN_SOURCE_LINES))
                .withMinSimilarity(decimal(TopologyOptions.CODE_MIN_SIMILARITY))
                .withMaxDocumentFrequency(integer(TopologyOptions.CODE_MAX_DOCUMENT_FREQUENCY))
                .withRenamedCoverage(decimal(TopologyOptions.CODE_RENAMED_COVERAGE),
                        integer(TopologyOptions.CODE_MIN_COVERING_FINGERPRINTS));
    }

    /** Defaults only. */
    public static TopologyConfig defaults() {
        return from(new Properties(), Map.of());
    }

    /** Properties, then the process environment. */
    public static TopologyConfig from(Properties props) {
        return from(props, System.getenv());
    }

    /**
     * Properties, then {@code env}. Environment variables {@code AGENTDLP_STREAMS_X_Y} and
     * {@code AGENTDLP_SERDE_X_Y} set pass-through keys {@code streams.x.y} and {@code serde.x.y}.
     */
    public static TopologyConfig from(Properties props, Map<String, String> env) {
        Map<String, String> v = new LinkedHashMap<>();
        for (ConfigOption o : TopologyOptions.ALL) {
            v.put(o.key(), o.defaultValue());
        }
        for (String key : props.stringPropertyNames()) {
            checkKnown(key);
            v.put(key, props.getProperty(key).trim());
        }
        for (ConfigOption o : TopologyOptions.ALL) {
            String e = env.get(o.envName());
            if (e != null) {
                v.put(o.key(), e.trim());
            }
        }
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_STREAMS)) {
                v.put(TopologyOptions.STREAMS_PREFIX + dotted(name.substring(ENV_STREAMS.length())), value.trim());
            } else if (name.startsWith(ENV_SERDE)) {
                v.put(TopologyOptions.SERDE_PREFIX + dotted(name.substring(ENV_SERDE.length())), value.trim());
            }
        });
        TopologyConfig c = new TopologyConfig(v);
        c.validate();
        return c;
    }

    /** Reads a properties file (UTF-8), then applies {@code env}. */
    public static TopologyConfig load(Path file, Map<String, String> env) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        try {
            return from(p, env);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /** A copy with one option changed. */
    public TopologyConfig with(String key, String value) {
        checkKnown(key);
        Map<String, String> v = new HashMap<>(values);
        v.put(key, value);
        TopologyConfig c = new TopologyConfig(v);
        c.validate();
        return c;
    }

    /** The raw text of an option (after defaults and overrides). */
    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new ConfigException("no value for option " + key);
        }
        return v;
    }

    public String string(ConfigOption o) {
        return get(o.key());
    }

    public int integer(ConfigOption o) {
        return ConfigValues.integer(o.key(), get(o.key()));
    }

    public long bytes(ConfigOption o) {
        return ConfigValues.bytes(o.key(), get(o.key()));
    }

    public Duration duration(ConfigOption o) {
        return ConfigValues.duration(o.key(), get(o.key()));
    }

    public double decimal(ConfigOption o) {
        return ConfigValues.decimal(o.key(), get(o.key()));
    }

    public boolean bool(ConfigOption o) {
        return ConfigValues.bool(o.key(), get(o.key()));
    }

    /** {@code pii.min.severity} as a severity. */
    public io.agentdlp.detection.Severity piiMinSeverity() {
        String v = string(TopologyOptions.PII_MIN_SEVERITY).trim().toUpperCase(Locale.ROOT);
        try {
            return io.agentdlp.detection.Severity.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("option pii.min.severity=" + v + " must be one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        }
    }

    public List<String> list(ConfigOption o) {
        return ConfigValues.list(get(o.key()));
    }

    public boolean exactlyOnce() {
        return ProcessingMode.parse(string(TopologyOptions.PROCESSING_GUARANTEE)) == ProcessingMode.EXACTLY_ONCE_V2;
    }

    public CodeIndexMode codeIndexMode() {
        return CodeIndexMode.parse(string(TopologyOptions.CODE_INDEX_MODE));
    }

    public boolean inMemoryStores() {
        return switch (string(TopologyOptions.STATE_STORE_TYPE).toLowerCase(Locale.ROOT)) {
            case "in_memory", "in-memory", "memory" -> true;
            case "rocksdb" -> false;
            default -> throw new ConfigException("option state.store.type='" + string(TopologyOptions.STATE_STORE_TYPE)
                    + "' is not rocksdb or in_memory");
        };
    }

    /** Topic names with the {@code topic.<id>} renames applied. */
    public TopicNames topicNames() {
        Map<String, String> t = new HashMap<>();
        for (ConfigOption o : TopologyOptions.TOPIC_NAMES) {
            t.put(o.key(), get(o.key()));
        }
        return new TopicNames(t);
    }

    /** Configuration of the Avro serde: {@code schema.registry.url} plus every {@code serde.*} key (prefix removed). */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> m = new HashMap<>();
        m.put("schema.registry.url", string(TopologyOptions.SCHEMA_REGISTRY_URL));
        values.forEach((k, v) -> {
            if (k.startsWith(TopologyOptions.SERDE_PREFIX)) {
                m.put(k.substring(TopologyOptions.SERDE_PREFIX.length()), v);
            }
        });
        return m;
    }

    /** Every {@code streams.*} pass-through key with the prefix removed. */
    public Map<String, String> streamsOverrides() {
        Map<String, String> m = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(TopologyOptions.STREAMS_PREFIX)) {
                m.put(k.substring(TopologyOptions.STREAMS_PREFIX.length()), v);
            }
        });
        return m;
    }

    /** Every resolved value (for --describe and diagnostics); the hash key is masked. */
    public Map<String, String> describe() {
        Map<String, String> m = new TreeMap<>(values);
        if (!m.getOrDefault(TopologyOptions.HASH_KEY.key(), "").isEmpty()) {
            m.put(TopologyOptions.HASH_KEY.key(), "<set>");
        }
        return m;
    }

    private void validate() {
        for (ConfigOption o : TopologyOptions.ALL) {
            String def = o.defaultValue();
            String v = get(o.key());
            if (v.isEmpty() && !def.isEmpty()) {
                throw new ConfigException("option " + o.key() + " must not be empty (default " + def + ")");
            }
        }
        ProcessingMode.parse(string(TopologyOptions.PROCESSING_GUARANTEE));
        codeIndexMode();
        inMemoryStores();
        for (ConfigOption o : List.of(TopologyOptions.SCAN_MAX_BYTES, TopologyOptions.POLICY_MAX_CONTENT_BYTES,
                TopologyOptions.VOLUME_FLOOR_BYTES, TopologyOptions.HTTP_MAX_REQUEST_BYTES,
                TopologyOptions.ROCKSDB_BLOCK_CACHE_BYTES, TopologyOptions.ROCKSDB_WRITE_BUFFER_BYTES,
                TopologyOptions.CODE_INDEX_CACHE_BYTES, TopologyOptions.CODE_INDEX_WRITE_BUFFER_BYTES)) {
            positive(o, bytes(o));
        }
        for (ConfigOption o : List.of(TopologyOptions.SEQUENCE_WINDOW, TopologyOptions.SEQUENCE_SESSION_TTL,
                TopologyOptions.VOLUME_WINDOW, TopologyOptions.VOLUME_STATE_TTL, TopologyOptions.DEDUP_TTL,
                TopologyOptions.ALERT_UPDATE_INTERVAL, TopologyOptions.ALERT_RETENTION, TopologyOptions.SESSION_TTL,
                TopologyOptions.CLEANUP_INTERVAL, TopologyOptions.CODE_PROBE_TIMEOUT)) {
            positive(o, duration(o).toMillis());
        }
        if (duration(TopologyOptions.VOLUME_GRACE).isNegative()) {
            throw new ConfigException("option volume.grace must not be negative");
        }
        for (ConfigOption o : List.of(TopologyOptions.NUM_STREAM_THREADS, TopologyOptions.SEQUENCE_MAX_READS,
                TopologyOptions.VOLUME_MIN_HISTORY, TopologyOptions.ALERT_MAX_EVENT_IDS,
                TopologyOptions.SESSION_MAX_FINDINGS, TopologyOptions.HTTP_THREADS, TopologyOptions.CODE_INDEX_SHARDS,
                TopologyOptions.CODE_MIN_FINGERPRINTS, TopologyOptions.CODE_MIN_RENAMED_FINGERPRINTS,
                TopologyOptions.CODE_MIN_SOURCE_LINES, TopologyOptions.CODE_MAX_DOCUMENT_FREQUENCY,
                TopologyOptions.CODE_HIGH_SEVERITY_LINES, TopologyOptions.PII_MAX_FINDINGS)) {
            positive(o, integer(o));
        }
        if (integer(TopologyOptions.PII_BULK_MIN_VALUES) < 2) {
            throw new ConfigException("option pii.bulk.min.values must be at least 2");
        }
        piiMinSeverity();
        if (integer(TopologyOptions.CODE_INDEX_SHARDS) > 64) {
            throw new ConfigException("option code.index.shards=" + integer(TopologyOptions.CODE_INDEX_SHARDS) + " must be at most 64");
        }
        if (integer(TopologyOptions.CODE_INDEX_ROW_CACHE_ENTRIES) < 0) {
            throw new ConfigException("option code.index.row.cache.entries must not be negative (0 disables the row cache)");
        }
        if (integer(TopologyOptions.SESSION_TIMELINE_MAX_EVENTS) < 0) {
            throw new ConfigException("option session.timeline.max.events must not be negative (0 disables the timeline)");
        }
        integer(TopologyOptions.NUM_STANDBY_REPLICAS);
        integer(TopologyOptions.REPLICATION_FACTOR);
        integer(TopologyOptions.HTTP_PORT);
        double alpha = decimal(TopologyOptions.VOLUME_EWMA_ALPHA);
        if (!(alpha > 0 && alpha <= 1)) {
            throw new ConfigException("option volume.ewma.alpha=" + alpha + " must be in (0, 1]");
        }
        double ratio = decimal(TopologyOptions.ROCKSDB_HIGH_PRIORITY_RATIO);
        if (!(ratio >= 0 && ratio < 1)) {
            throw new ConfigException("option rocksdb.high.priority.ratio=" + ratio + " must be in [0, 1)");
        }
        positive(TopologyOptions.VOLUME_ZSCORE, decimal(TopologyOptions.VOLUME_ZSCORE));
        double sim = decimal(TopologyOptions.CODE_MIN_SIMILARITY);
        if (!(sim >= 0 && sim <= 1)) {
            throw new ConfigException("option code.min.similarity=" + sim + " must be in [0, 1]");
        }
        double coverage = decimal(TopologyOptions.CODE_RENAMED_COVERAGE);
        if (!(coverage >= 0 && coverage <= 1)) {
            throw new ConfigException("option code.renamed.coverage=" + coverage + " must be in [0, 1] (0 disables it)");
        }
        if (integer(TopologyOptions.CODE_MIN_COVERING_FINGERPRINTS) < 2) {
            throw new ConfigException("option code.min.covering.fingerprints must be at least 2");
        }
        integer(TopologyOptions.VOLUME_FLOOR_EVENTS);
        for (ConfigOption o : List.of(TopologyOptions.SECRET_ENABLED, TopologyOptions.CODE_ENABLED,
                TopologyOptions.SENSOR_FINDINGS_ENABLED, TopologyOptions.POLICY_ENABLED, TopologyOptions.SEQUENCE_ENABLED,
                TopologyOptions.VOLUME_ENABLED, TopologyOptions.RISKY_ENABLED, TopologyOptions.DEDUP_ENABLED,
                TopologyOptions.PII_ENABLED,
                TopologyOptions.HTTP_ENABLED, TopologyOptions.TOPICS_CREATE)) {
            bool(o);
        }
        String key = string(TopologyOptions.HASH_KEY);
        if (!key.isEmpty() && key.getBytes(StandardCharsets.UTF_8).length < 16) {
            throw new ConfigException("option hash.key must be at least 16 bytes");
        }
    }

    private static void positive(ConfigOption o, double v) {
        if (!(v > 0)) {
            throw new ConfigException("option " + o.key() + "='" + "" + v + "' must be positive");
        }
    }

    private static void checkKnown(String key) {
        if (BY_KEY.containsKey(key) || key.startsWith(TopologyOptions.STREAMS_PREFIX)
                || key.startsWith(TopologyOptions.SERDE_PREFIX)) {
            return;
        }
        throw new ConfigException("unknown option '" + key + "' (see docs/topology.md; Kafka Streams settings go under "
                + TopologyOptions.STREAMS_PREFIX + ", serde settings under " + TopologyOptions.SERDE_PREFIX + ")");
    }

    private static String dotted(String envSuffix) {
        return envSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, ConfigOption> index() {
        Map<String, ConfigOption> m = new HashMap<>();
        TopologyOptions.ALL.forEach(o -> m.put(o.key(), o));
        return m;
    }
}
