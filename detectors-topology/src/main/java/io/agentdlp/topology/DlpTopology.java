package io.agentdlp.topology;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Policy;
import io.agentdlp.events.EventAvroReader;
import io.agentdlp.registry.client.SchemaRegistryClient;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.topology.alert.AlertAggregator;
import io.agentdlp.topology.alert.AlertAvroWriter;
import io.agentdlp.topology.alert.AlertState;
import io.agentdlp.topology.code.CodeIndexStats;
import io.agentdlp.topology.code.CodeIndexStoreBuilder;
import io.agentdlp.topology.code.CodeIndexUpdater;
import io.agentdlp.topology.code.CodeMatchAlerts;
import io.agentdlp.topology.code.CodeMatchDetector;
import io.agentdlp.topology.code.PartitionedCodeIndex;
import io.agentdlp.topology.config.CodeIndexMode;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.config.TopologyOptions;
import io.agentdlp.topology.dedup.DuplicateContentFilter;
import io.agentdlp.topology.metrics.DlpMetrics;
import io.agentdlp.topology.policy.PolicyView;
import io.agentdlp.topology.sequence.SensitivePaths;
import io.agentdlp.topology.sequence.SequenceDetector;
import io.agentdlp.topology.sequence.SessionReads;
import io.agentdlp.topology.session.SessionRecorder;
import io.agentdlp.topology.session.SessionSummary;
import io.agentdlp.topology.session.TimelineEntry;
import io.agentdlp.topology.session.TimelineHead;
import io.agentdlp.topology.session.TimelineRecorder;
import io.agentdlp.topology.volume.VolumeAnomalyDetector;
import io.agentdlp.topology.volume.VolumeSample;
import io.agentdlp.topology.volume.VolumeSamples;
import io.agentdlp.topology.volume.VolumeSettings;
import io.agentdlp.topology.volume.VolumeState;

/**
 * The DLP topology. {@link #buildTopology(StreamsBuilder, TopologyConfig)} adds every processor and
 * store to a builder and is the one definition used by the application, the tests
 * (TopologyTestDriver) and offline drivers; configuration loading and the process lifecycle live in
 * {@link DlpApplication}.
 *
 * <p>Session sub-topology (input key {@code <device>:<session>}): inspect, skip duplicate content,
 * content detectors (secrets, own code, sensor findings, risky actions, destination policy), sensitive-read
 * sequence, session summary, alert aggregation, {@code dlp-alerts}. Volume sub-topology: samples
 * repartitioned by entity, windowed anomaly detection, alert aggregation, {@code dlp-alerts}.
 * Global: the policies GlobalKTable and the own-code index store (or, with
 * {@code code.index.mode=partitioned}, the sharded index of {@link PartitionedCodeIndex}).
 */
public final class DlpTopology implements AutoCloseable {
    public static final String DEDUP_STORE = "dedup-content";
    public static final String SEQUENCE_STORE = "sequence-sessions";
    public static final String SESSION_STORE = "session-summaries";
    public static final String SESSION_ALERTS_STORE = "alerts-by-session";
    public static final String TIMELINE_HEAD_STORE = "session-timeline-heads";
    public static final String TIMELINE_STORE = "session-timelines";
    public static final String VOLUME_STORE = "volume-baselines";
    public static final String VOLUME_ALERTS_STORE = "alerts-by-entity";
    public static final String POLICY_STORE = "policies";
    public static final String VOLUME_REPARTITION = "volume-by-entity";
    public static final String CODE_INDEX_STORE = "code-index";
    public static final String CODE_ALERTS_STORE = "alerts-by-code-probe";

    private final TopicSerdes serdes;
    private final DetectorSet detectors;
    private final PolicyView policies;
    private final CodeIndexStats codeIndex;

    private DlpTopology(TopicSerdes serdes, DetectorSet detectors, PolicyView policies, CodeIndexStats codeIndex) {
        this.serdes = serdes;
        this.detectors = detectors;
        this.policies = policies;
        this.codeIndex = codeIndex;
    }

    /** Builds the topology with meters in a detached registry. */
    public static DlpTopology buildTopology(StreamsBuilder builder, TopologyConfig config) {
        return buildTopology(builder, config, DlpMetrics.detached());
    }

    /** Adds the whole topology to {@code builder}; close the result after the Streams instance. */
    public static DlpTopology buildTopology(StreamsBuilder builder, TopologyConfig config, DlpMetrics metrics) {
        return build(builder, config, metrics, TopicSerdes.fromConfig(config.serdeConfig()));
    }

    /**
     * Adds the whole topology to {@code builder} with its serdes on {@code registry} (kept open by the
     * caller) instead of the client {@code schema.registry.url} names: an offline driver can put the
     * in-JVM registry behind the same client cache production uses.
     */
    public static DlpTopology buildTopology(StreamsBuilder builder, TopologyConfig config, DlpMetrics metrics,
                                            SchemaRegistryClient registry) {
        return build(builder, config, metrics, TopicSerdes.withClient(config.serdeConfig(), registry));
    }

    private static DlpTopology build(StreamsBuilder builder, TopologyConfig config, DlpMetrics metrics, TopicSerdes serdes) {
        DetectorSet detectors = DetectorSet.from(config, metrics);
        PolicyView policies = new PolicyView(POLICY_STORE);
        CodeIndexStats codeIndex = new CodeIndexStats();
        new Wiring(builder, config, metrics, serdes, detectors, policies, codeIndex).build();
        metrics.codeIndexGauges(codeIndex);
        return new DlpTopology(serdes, detectors, policies, codeIndex);
    }

    /** The detectors of this topology (shared with the verdict endpoint). */
    public DetectorSet detectors() {
        return detectors;
    }

    public PolicyView policies() {
        return policies;
    }

    /** Size and freshness of the materialised code index. */
    public CodeIndexStats codeIndex() {
        return codeIndex;
    }

    @Override
    public void close() {
        serdes.close();
    }

    /** Adds processors and stores; one instance per build. */
    private static final class Wiring {
        private final StreamsBuilder builder;
        private final TopologyConfig config;
        private final DlpMetrics metrics;
        private final TopicSerdes serdes;
        private final DetectorSet detectors;
        private final PolicyView policies;
        private final CodeIndexStats codeIndex;
        private final TopicNames names;
        private final Duration cleanup;

        Wiring(StreamsBuilder builder, TopologyConfig config, DlpMetrics metrics, TopicSerdes serdes,
               DetectorSet detectors, PolicyView policies, CodeIndexStats codeIndex) {
            this.codeIndex = codeIndex;
            this.builder = builder;
            this.config = config;
            this.metrics = metrics;
            this.serdes = serdes;
            this.detectors = detectors;
            this.policies = policies;
            this.names = config.topicNames();
            this.cleanup = config.duration(TopologyOptions.CLEANUP_INTERVAL);
        }

        void build() {
            builder.globalTable(names.name(Topics.POLICIES),
                    Consumed.with(serdes.keySerde(Topics.POLICIES), serdes.valueSerde(Topics.POLICIES)).withName("policies-source"),
                    Materialized.<String, Policy>as(policies.storeSupplier())
                            .withKeySerde(serdes.keySerde(Topics.POLICIES)).withValueSerde(serdes.valueSerde(Topics.POLICIES)));

            Serde<AgentEgressEvent> eventSerde = serdes.valueSerde(Topics.EGRESS_EVENTS, EventAvroReader.instance());
            KStream<String, AgentEgressEvent> events = builder.stream(names.name(Topics.EGRESS_EVENTS),
                    Consumed.with(serdes.keySerde(Topics.EGRESS_EVENTS), eventSerde)
                            .withTimestampExtractor(new EventTimeExtractor()).withName("egress-events-source"));
            EgressInspection inspection = new EgressInspection(config.bytes(TopologyOptions.SCAN_MAX_BYTES));
            KStream<String, InspectedEvent> inspected = events.process(() -> new InspectProcessor(inspection, metrics),
                    Named.as("inspect"));
            if (config.bool(TopologyOptions.DEDUP_ENABLED)) {
                builder.addStateStore(writeOnceStore(DEDUP_STORE, Serdes.Long()));
                Duration ttl = config.duration(TopologyOptions.DEDUP_TTL);
                inspected = inspected.process(() -> new DuplicateContentFilter(DEDUP_STORE, ttl, cleanup, metrics),
                        Named.as("dedup"), DEDUP_STORE);
            }
            boolean code = config.bool(TopologyOptions.CODE_ENABLED);
            boolean globalCode = code && config.codeIndexMode() == CodeIndexMode.GLOBAL;
            if (globalCode) {
                codeIndexGlobalStore();
            }
            CodeMatchAlerts codeAlerts = new CodeMatchAlerts(detectors.hasher(),
                    config.integer(TopologyOptions.CODE_HIGH_SEVERITY_LINES));
            KStream<String, InspectedEvent> detected = inspected.process(() -> new ContentDetection(
                    detectors.contentStage(globalCode ? List.of(new CodeMatchDetector(CODE_INDEX_STORE, codeAlerts)) : List.of()),
                    policies, metrics), Named.as("detect"));
            if (config.bool(TopologyOptions.SEQUENCE_ENABLED)) {
                builder.addStateStore(store(SEQUENCE_STORE, SessionReads.serde()));
                SensitivePaths paths = new SensitivePaths(config.list(TopologyOptions.SEQUENCE_SENSITIVE_PATHS));
                Duration window = config.duration(TopologyOptions.SEQUENCE_WINDOW);
                Duration ttl = config.duration(TopologyOptions.SEQUENCE_SESSION_TTL);
                int maxReads = config.integer(TopologyOptions.SEQUENCE_MAX_READS);
                detected = detected.process(() -> new SequenceDetector(SEQUENCE_STORE, policies, paths, detectors.hosts(),
                        window, ttl, maxReads, cleanup, metrics), Named.as("sequence"), SEQUENCE_STORE);
            }
            int maxRecent = config.integer(TopologyOptions.SESSION_MAX_FINDINGS);
            Duration sessionTtl = config.duration(TopologyOptions.SESSION_TTL);
            int timelineEvents = config.integer(TopologyOptions.SESSION_TIMELINE_MAX_EVENTS);
            if (timelineEvents > 0) {
                builder.addStateStore(store(TIMELINE_HEAD_STORE, TimelineHead.serde()));
                builder.addStateStore(writeOnceStore(TIMELINE_STORE, TimelineEntry.serde()));
                detected = detected.process(() -> new TimelineRecorder(TIMELINE_HEAD_STORE, TIMELINE_STORE, timelineEvents,
                        sessionTtl, cleanup), Named.as("session-timeline"), TIMELINE_HEAD_STORE, TIMELINE_STORE);
            }
            builder.addStateStore(store(SESSION_STORE, SessionSummary.serde()));
            KStream<String, DlpAlert> occurrences = detected.process(
                    () -> new SessionRecorder(SESSION_STORE, maxRecent, sessionTtl, cleanup), Named.as("session-summary"),
                    SESSION_STORE);
            aggregateAndPublish(occurrences, SESSION_ALERTS_STORE, "session");

            if (config.bool(TopologyOptions.VOLUME_ENABLED)) {
                volume(detected);
            }
            if (code && !globalCode) {
                KStream<String, DlpAlert> codeAlertsOut = PartitionedCodeIndex.build(builder, detected,
                        new PartitionedCodeIndex.Settings(names.name(Topics.CODE_INDEX), serdes.keySerde(Topics.CODE_INDEX),
                                serdes.valueSerde(Topics.CODE_INDEX), config.integer(TopologyOptions.CODE_INDEX_SHARDS),
                                indexOptions(), config.codeMatchThresholds(), codeAlerts, config.duration(TopologyOptions.CODE_PROBE_TIMEOUT),
                                cleanup, this::supplier, metrics));
                aggregateAndPublish(codeAlertsOut, CODE_ALERTS_STORE, "code");
            }
        }

        private IndexOptions indexOptions() {
            return IndexOptions.DEFAULT
                    .withBlockCacheBytes(config.bytes(TopologyOptions.CODE_INDEX_CACHE_BYTES))
                    .withWriteBufferBytes(config.bytes(TopologyOptions.CODE_INDEX_WRITE_BUFFER_BYTES))
                    .withRowCacheEntries(config.integer(TopologyOptions.CODE_INDEX_ROW_CACHE_ENTRIES));
        }

        private void codeIndexGlobalStore() {
            String topic = names.name(Topics.CODE_INDEX);
            Serde<CodeIndexRecord> valueSerde = serdes.valueSerde(Topics.CODE_INDEX);
            builder.addGlobalStore(new CodeIndexStoreBuilder(CODE_INDEX_STORE, topic, indexOptions(), config.codeMatchThresholds(),
                            valueSerde.deserializer(), codeIndex, config.duration(TopologyOptions.CODE_INDEX_SNAPSHOT_INTERVAL)), topic,
                    Consumed.with(serdes.keySerde(Topics.CODE_INDEX), valueSerde).withName("code-index-source"),
                    () -> new CodeIndexUpdater(CODE_INDEX_STORE));
        }

        private void volume(KStream<String, InspectedEvent> detected) {
            builder.addStateStore(store(VOLUME_STORE, VolumeState.serde()));
            VolumeSettings vs = new VolumeSettings(config.duration(TopologyOptions.VOLUME_WINDOW),
                    config.duration(TopologyOptions.VOLUME_GRACE), config.decimal(TopologyOptions.VOLUME_EWMA_ALPHA),
                    config.decimal(TopologyOptions.VOLUME_ZSCORE), config.bytes(TopologyOptions.VOLUME_FLOOR_BYTES),
                    config.integer(TopologyOptions.VOLUME_FLOOR_EVENTS), config.integer(TopologyOptions.VOLUME_MIN_HISTORY),
                    config.duration(TopologyOptions.VOLUME_STATE_TTL), cleanup);
            KStream<String, DlpAlert> alerts = detected
                    .flatMap((k, e) -> {
                        KeyValue<String, VolumeSample> s = VolumeSamples.of(e);
                        return s == null ? List.of() : List.of(s);
                    }, Named.as("volume-samples"))
                    .repartition(Repartitioned.with(Serdes.String(), VolumeSample.serde()).withName(VOLUME_REPARTITION))
                    .process(() -> new VolumeAnomalyDetector(VOLUME_STORE, policies, vs, metrics), Named.as("volume"),
                            VOLUME_STORE);
            aggregateAndPublish(alerts, VOLUME_ALERTS_STORE, "volume");
        }

        private void aggregateAndPublish(KStream<String, DlpAlert> occurrences, String storeName, String scope) {
            builder.addStateStore(store(storeName, AlertState.serde()));
            Duration interval = config.duration(TopologyOptions.ALERT_UPDATE_INTERVAL);
            Duration retention = config.duration(TopologyOptions.ALERT_RETENTION);
            int maxIds = config.integer(TopologyOptions.ALERT_MAX_EVENT_IDS);
            occurrences.process(() -> new AlertAggregator(storeName, interval, retention, maxIds, cleanup, metrics),
                            Named.as("aggregate-" + scope + "-alerts"), storeName)
                    .to(names.name(Topics.ALERTS), Produced.with(serdes.keySerde(Topics.ALERTS),
                            serdes.valueSerde(Topics.ALERTS, AlertAvroWriter.bodyWriter())).withName(scope + "-alerts-sink"));
        }

        private <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
            return Stores.keyValueStoreBuilder(supplier(name), Serdes.String(), valueSerde).withCachingEnabled();
        }

        /**
         * A store whose keys are mostly written once (content hashes, timeline entries): a record cache would
         * add a sorted-map insert per write, fill up with entries no one reads and evict the cached state of
         * the stores that do read theirs. Without it the state and the output are the same; a key updated twice
         * within one commit interval (content re-sent at once) writes two changelog records instead of one.
         */
        private <V> StoreBuilder<KeyValueStore<String, V>> writeOnceStore(String name, Serde<V> valueSerde) {
            return Stores.keyValueStoreBuilder(supplier(name), Serdes.String(), valueSerde);
        }

        private KeyValueBytesStoreSupplier supplier(String name) {
            return config.inMemoryStores() ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
        }
    }
}
