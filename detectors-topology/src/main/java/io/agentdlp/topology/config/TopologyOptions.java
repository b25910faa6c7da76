package io.agentdlp.topology.config;

import java.util.ArrayList;
import java.util.List;

import io.agentdlp.detection.fingerprint.MatchThresholds;
import io.agentdlp.topics.TopicSpec;
import io.agentdlp.topics.Topics;

/**
 * Every option of the topology with its default and description: the single source of the option
 * table in docs/topology.md (a test checks the table lists each key). Keys under the prefixes
 * {@link #STREAMS_PREFIX} and {@link #SERDE_PREFIX} pass through to Kafka Streams and the Avro serde.
 */
public final class TopologyOptions {
    /** {@code streams.<kafka-streams-key>} passes the key to Kafka Streams (e.g. {@code streams.commit.interval.ms}). */
    public static final String STREAMS_PREFIX = "streams.";
    /** {@code serde.<key>} passes the key to the Avro serde (e.g. {@code serde.basic.auth.user.info}). */
    public static final String SERDE_PREFIX = "serde.";

    private static final List<ConfigOption> OPTIONS = new ArrayList<>();
    /** The code-match options default to the library's thresholds, so the topology matches as {@code agentdlp scan} does. */
    private static final MatchThresholds LIBRARY_MATCH = MatchThresholds.DEFAULT;

    // Kafka and Kafka Streams
    public static final ConfigOption BOOTSTRAP_SERVERS = add("bootstrap.servers", "localhost:9092", "Kafka bootstrap servers.");
    public static final ConfigOption APPLICATION_ID = add("application.id", "agentdlp-topology",
            "Kafka Streams application id: consumer group, prefix of internal topics and state directories.");
    public static final ConfigOption STATE_DIR = add("state.dir", ".agentdlp/streams",
            "Directory of the local state stores (RocksDB) and the materialised code index.");
    public static final ConfigOption PROCESSING_GUARANTEE = add("processing.guarantee", "exactly_once_v2",
            "exactly_once_v2 (transactions; alerts and state move together) or at_least_once.");
    public static final ConfigOption NUM_STREAM_THREADS = add("num.stream.threads", "1",
            "Stream threads per instance; each processes a share of the partitions.");
    public static final ConfigOption NUM_STANDBY_REPLICAS = add("num.standby.replicas", "0",
            "Warm copies of each task's state on other instances, for fast fail-over.");
    public static final ConfigOption REPLICATION_FACTOR = add("replication.factor", "-1",
            "Replication factor of internal topics (changelogs, repartition); -1 uses the broker default.");
    public static final ConfigOption APPLICATION_SERVER = add("application.server", "",
            "host:port this instance's HTTP API is reachable at (port 0: the port http.port bound); with several instances, /v1/sessions on any instance answers for sessions another instance owns (forwarded to it).");
    public static final ConfigOption SCHEMA_REGISTRY_URL = add("schema.registry.url", "http://localhost:8081",
            "Schema registry URL(s) for the Avro serde; mock://<scope> gives an in-JVM registry (tests, backtests).");
    public static final ConfigOption TOPICS_CREATE = add("topics.create", "true",
            "At start, create missing agentdlp topics (partitions and configs from the topic registry; replication.factor, or 1 when it is -1).");
    public static final ConfigOption STATE_STORE_TYPE = add("state.store.type", "rocksdb",
            "rocksdb (persistent, bounded by the RocksDB options below) or in_memory (tests, backtests).");

    // Evidence
    public static final ConfigOption HASH_KEY = add("hash.key", "",
            "Deployment key of the keyed hashes (HMAC-SHA256) in evidence; at least 16 bytes. Empty uses a development key and logs a warning.");
    public static final ConfigOption SCAN_MAX_BYTES = add("scan.max.bytes", "1MiB",
            "Content above this many UTF-8 bytes is scanned up to the limit; its alerts say content_truncated=true.");

    // Detectors
    public static final ConfigOption SECRET_ENABLED = add("detector.secret.enabled", "true", "Secret detector (library rule catalogue).");
    public static final ConfigOption SECRET_RULES_FILE = add("secret.rules.file", "",
            "Additional secret rule file added to the built-in catalogue (format: docs of the detection library).");
    public static final ConfigOption PII_ENABLED = add("detector.pii.enabled", "true",
            "Personal-data detector (library PiiScanner: e-mail, phone, cards, IBAN, national ids, IPs, dates of birth).");
    public static final ConfigOption PII_BULK_MIN_VALUES = add("pii.bulk.min.values", "10",
            "Distinct personal values in one text that make it one pii.bulk alert with counts by type (instead of one alert per value).");
    public static final ConfigOption PII_MIN_SEVERITY = add("pii.min.severity", "MEDIUM",
            "Single values below this severity (e-mail and phone LOW, public IP INFO) only count toward bulk; INFO alerts on every value.");
    public static final ConfigOption PII_PHONE_REGION = add("pii.phone.region", "US",
            "ISO 3166 region used to read phone numbers written without a country code.");
    public static final ConfigOption PII_MAX_FINDINGS = add("pii.max.findings", "200",
            "Value findings kept per text (bulk counts still cover the whole scanned text).");
    public static final ConfigOption CODE_ENABLED = add("detector.code.enabled", "true", "Own-code fingerprint detector.");
    public static final ConfigOption CODE_INDEX_MODE = add("code.index.mode", "global",
            "global: every instance holds the whole index (lowest latency); partitioned: index sharded by fingerprint across instances.");
    public static final ConfigOption CODE_INDEX_SHARDS = add("code.index.shards", "6",
            "Partitioned mode: number of index shards (partitions of the shard repartition topics).");
    public static final ConfigOption CODE_PROBE_TIMEOUT = add("code.probe.timeout", "10m",
            "Partitioned mode: a probe still missing shard answers after this long (wall clock) is reported with what arrived.");
    public static final ConfigOption CODE_MIN_FINGERPRINTS = add("code.min.fingerprints", String.valueOf(LIBRARY_MATCH.minMatchedFingerprints()),
            "Fewest shared fingerprints (identifier spellings agreeing) in one run for a code match.");
    public static final ConfigOption CODE_MIN_RENAMED_FINGERPRINTS = add("code.min.renamed.fingerprints", String.valueOf(LIBRARY_MATCH.minRenamedFingerprints()),
            "Fewest shared fingerprints in one run when identifiers were renamed.");
    public static final ConfigOption CODE_RENAMED_COVERAGE = add("code.renamed.coverage", String.valueOf(LIBRARY_MATCH.renamedCoverage()),
            "Renamed code with fewer distinct shapes than code.min.renamed.fingerprints still matches when one gap-free run holds at least this share (0..1) of the sent text's code fingerprints (the text is that code and little else); 0 disables.");
    public static final ConfigOption CODE_MIN_COVERING_FINGERPRINTS = add("code.min.covering.fingerprints", String.valueOf(LIBRARY_MATCH.minCoveringFingerprints()),
            "Fewest shared fingerprints of such a covering run (at least 2; it also needs 2 distinct shapes).");
    public static final ConfigOption CODE_MIN_SOURCE_LINES = add("code.min.source.lines", String.valueOf(LIBRARY_MATCH.minSourceLines()),
            "Fewest lines of the indexed file a match must cover.");
    public static final ConfigOption CODE_MIN_SIMILARITY = add("code.min.similarity", String.valueOf(LIBRARY_MATCH.minSimilarity()),
            "Lowest share (0..1) of the sent text's code fingerprints found in the file.");
    public static final ConfigOption CODE_MAX_DOCUMENT_FREQUENCY = add("code.max.document.frequency", String.valueOf(LIBRARY_MATCH.maxDocumentFrequency()),
            "Fingerprints found in more indexed files than this are common code, never evidence.");
    public static final ConfigOption CODE_HIGH_SEVERITY_LINES = add("code.high.severity.lines", "20",
            "A match covering at least this many source lines (or similarity >= 0.8) is HIGH, else MEDIUM.");
    public static final ConfigOption CODE_INDEX_CACHE_BYTES = add("code.index.block.cache.bytes", "64MiB",
            "Block cache of the materialised code index (its own RocksDB, outside the Streams stores' shared cache).");
    public static final ConfigOption CODE_INDEX_WRITE_BUFFER_BYTES = add("code.index.write.buffer.bytes", "16MiB",
            "Memtable budget of the materialised code index.");
    public static final ConfigOption CODE_INDEX_ROW_CACHE_ENTRIES = add("code.index.row.cache.entries", "262144",
            "Postings rows of the code index cached in the Java heap (about 50 bytes each; re-sent context hits it); 0 disables.");
    public static final ConfigOption CODE_INDEX_SNAPSHOT_INTERVAL = add("code.index.snapshot.interval", "5m",
            "Global mode: the code index is compacted in the background after its restore and, checked this often, whenever it stopped using its postings snapshot (present fingerprints read from a memory-mapped file instead of RocksDB); 0 disables the snapshot.");
    public static final ConfigOption SENSOR_FINDINGS_ENABLED = add("detector.sensor.enabled", "true",
            "Alerts from findings the sensor or proxy attached to events (the only evidence in privacy mode).");
    public static final ConfigOption POLICY_ENABLED = add("detector.policy.enabled", "true", "Destination policy detector.");
    public static final ConfigOption POLICY_MAX_CONTENT_BYTES = add("policy.max.content.bytes", "256KiB",
            "Content above this size sent to a non-allowed destination alerts even without secrets or own code; a policy's threshold policy.max_content_bytes overrides it.");
    public static final ConfigOption SEQUENCE_ENABLED = add("detector.sequence.enabled", "true", "Sensitive read followed by egress detector.");
    public static final ConfigOption SEQUENCE_WINDOW = add("sequence.window", "10m",
            "How long after a sensitive read an egress in the same session alerts (event time).");
    public static final ConfigOption SEQUENCE_SENSITIVE_PATHS = add("sequence.sensitive.paths",
            "**/.env,**/.env.*,**/id_rsa,**/id_dsa,**/id_ecdsa,**/id_ed25519,**/*.pem,**/*.key,**/*.p12,**/*.pfx,"
                    + "**/.aws/credentials,**/.aws/config,**/.kube/config,**/kubeconfig,**/.npmrc,**/.pypirc,**/.netrc,"
                    + "**/.docker/config.json,**/.git-credentials,**/secrets/**,**/.ssh/**,**/credentials.json,**/service-account*.json",
            "Comma-separated path globs whose reads are sensitive; policies add their sensitive_paths.");
    public static final ConfigOption SEQUENCE_MAX_READS = add("sequence.max.reads", "16",
            "Sensitive reads remembered per session (oldest dropped first): bounds session state.");
    public static final ConfigOption SEQUENCE_SESSION_TTL = add("sequence.session.ttl", "2h",
            "Session state idle longer than this (stream time) is removed by the cleanup punctuation.");
    public static final ConfigOption VOLUME_ENABLED = add("detector.volume.enabled", "true", "Volume anomaly detector.");
    public static final ConfigOption VOLUME_WINDOW = add("volume.window", "5m", "Tumbling window of the volume detector (event time).");
    public static final ConfigOption VOLUME_GRACE = add("volume.grace", "1m",
            "Late events up to this much behind stream time still count in their window; later ones are dropped and counted.");
    public static final ConfigOption VOLUME_EWMA_ALPHA = add("volume.ewma.alpha", "0.2",
            "Weight of the newest closed window in the EWMA baseline (0..1].");
    public static final ConfigOption VOLUME_ZSCORE = add("volume.zscore", "4.0",
            "Alert when a window exceeds the baseline mean by this many standard deviations (policy threshold volume.zscore overrides).");
    public static final ConfigOption VOLUME_FLOOR_BYTES = add("volume.floor.bytes", "8MiB",
            "Absolute floor: a window below this many bytes never alerts on bytes.");
    public static final ConfigOption VOLUME_FLOOR_EVENTS = add("volume.floor.events", "500",
            "Absolute floor: a window below this many events never alerts on events.");
    public static final ConfigOption VOLUME_MIN_HISTORY = add("volume.min.history", "6",
            "Closed windows of baseline an entity needs before it can alert.");
    public static final ConfigOption VOLUME_STATE_TTL = add("volume.state.ttl", "14d",
            "Entity baselines idle longer than this (stream time) are removed.");
    public static final ConfigOption RISKY_ENABLED = add("detector.risky.enabled", "true", "Risky agent action rules.");
    public static final ConfigOption RISKY_RULES_FILE = add("risky.rules.file", "",
            "Additional risky-action rule file (JSON, same format as the built-in risky-actions.json); same ids override.");
    public static final ConfigOption RISKY_INTERNAL_HOSTS = add("risky.internal.hosts", "localhost,*.local,*.internal,*.corp",
            "Host globs treated as internal (never external) by risky-action rules; loopback and private IPs always are.");
    public static final ConfigOption RISKY_KNOWN_REMOTES = add("risky.known.git.remotes", "origin,upstream",
            "git remote names a push to is not flagged as an unknown remote.");

    // Noise and alert lifecycle
    public static final ConfigOption DEDUP_ENABLED = add("dedup.enabled", "true",
            "Skip content blocks already scanned in the same session (agents re-send whole conversations).");
    public static final ConfigOption DEDUP_TTL = add("dedup.ttl", "6h", "How long a scanned content hash is remembered per session (event time).");
    public static final ConfigOption ALERT_UPDATE_INTERVAL = add("alert.update.interval", "30s",
            "At most one update of an alert per interval after its first occurrence (first occurrences and severity raises are immediate).");
    public static final ConfigOption ALERT_RETENTION = add("alert.retention", "24h",
            "An alert without new occurrences for this long (stream time) is closed; a later occurrence starts it again.");
    public static final ConfigOption ALERT_MAX_EVENT_IDS = add("alert.max.event.ids", "20", "Triggering event ids kept per alert (the first ones).");
    public static final ConfigOption SESSION_MAX_FINDINGS = add("session.max.findings", "20",
            "Recent findings kept per session for GET /v1/sessions/{id}.");
    public static final ConfigOption SESSION_TTL = add("session.ttl", "24h",
            "Session summaries and timelines idle longer than this (stream time) are removed.");
    public static final ConfigOption SESSION_TIMELINE_MAX_EVENTS = add("session.timeline.max.events", "500",
            "Newest events kept per session for GET /v1/sessions/{id}/timeline (older ones are dropped); 0 disables the timeline.");
    public static final ConfigOption CLEANUP_INTERVAL = add("cleanup.interval", "1m",
            "Wall-clock period of the TTL cleanup punctuations (dedup, sequence, volume, alerts, sessions).");

    // Operations
    public static final ConfigOption HTTP_ENABLED = add("http.enabled", "true", "Serve /metrics, /health, /ready, /v1/verdict, /v1/sessions.");
    public static final ConfigOption HTTP_HOST = add("http.host", "0.0.0.0", "HTTP bind address.");
    public static final ConfigOption HTTP_PORT = add("http.port", "8082", "HTTP port (0 picks a free port).");
    public static final ConfigOption HTTP_THREADS = add("http.threads", "4", "HTTP worker threads.");
    public static final ConfigOption HTTP_MAX_REQUEST_BYTES = add("http.max.request.bytes", "2MiB", "Larger request bodies get 413.");
    public static final ConfigOption ROCKSDB_BLOCK_CACHE_BYTES = add("rocksdb.block.cache.bytes", "128MiB",
            "One LRU block cache shared by every RocksDB store of the instance (index and filter blocks included).");
    public static final ConfigOption ROCKSDB_WRITE_BUFFER_BYTES = add("rocksdb.write.buffer.bytes", "64MiB",
            "Write-buffer manager limit on all memtables together, charged to the block cache.");
    public static final ConfigOption ROCKSDB_HIGH_PRIORITY_RATIO = add("rocksdb.high.priority.ratio", "0.1",
            "Share of the block cache reserved for index and filter blocks.");

    /** Topic renames {@code topic.<id>} (e.g. {@code topic.alerts=team-a.dlp-alerts}). */
    public static final List<ConfigOption> TOPIC_NAMES = topicOptions();

    /** Every option, in table order. */
    public static final List<ConfigOption> ALL = List.copyOf(OPTIONS);

    private TopologyOptions() {
    }

    private static ConfigOption add(String key, String def, String description) {
        ConfigOption o = new ConfigOption(key, def, description);
        OPTIONS.add(o);
        return o;
    }

    private static List<ConfigOption> topicOptions() {
        List<ConfigOption> out = new ArrayList<>();
        for (TopicSpec<?, ?> spec : List.of(Topics.EGRESS_EVENTS, Topics.ALERTS, Topics.CODE_INDEX, Topics.POLICIES,
                Topics.DEAD_LETTER)) {
            out.add(add(spec.nameProperty(), spec.defaultName(), "Name of the " + spec.id() + " topic."));
        }
        return List.copyOf(out);
    }
}
