package io.agentdlp.bench.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Policy;
import io.agentdlp.bench.fingerprint.BenchCorpus;
import io.agentdlp.detection.fingerprint.CodeIndexCodec;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.IndexedDocument;
import io.agentdlp.registry.client.CachedSchemaRegistryClient;
import io.agentdlp.registry.client.MockSchemaRegistry;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.agentdlp.topology.DetectorSet;
import io.agentdlp.topology.DlpTopology;
import io.agentdlp.topology.config.StreamsSettings;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.config.TopologyOptions;
import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * The real topology ({@link DlpTopology#buildTopology}) in a TopologyTestDriver, without a broker:
 * RocksDB stores in a temporary state directory, the Confluent-wire Avro serde against an in-JVM
 * registry scope behind the registry client cache production uses, the code index loaded from
 * {@code dlp-code-index} records. Events are
 * serialised up front so that piping measures what a stream thread does: deserialise, detect,
 * update stores, serialise alerts.
 */
final class TopologyRig implements AutoCloseable {
    final DlpMetrics metrics;
    final TopologyConfig config;
    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final DlpTopology topology;
    private final TopicSerdes serdes;
    private final CachedSchemaRegistryClient registry;
    private final TestInputTopic<byte[], byte[]> events;
    private final TestOutputTopic<byte[], byte[]> alerts;

    TopologyRig(TopologyConfig base, List<BenchCorpus.Source> indexed) {
        this(base, indexed, null);
    }

    /**
     * @param profile null, or a profile every processor is timed into (thread CPU time; the detector
     *                timers then read the thread's CPU clock too)
     */
    TopologyRig(TopologyConfig base, List<BenchCorpus.Source> indexed, ProcessorCpuProfile profile) {
        metrics = profile == null ? DlpMetrics.detached() : new DlpMetrics(new SimpleMeterRegistry(), profile::cpuNow);
        try {
            stateDir = Files.createTempDirectory("agentdlp-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String scope = "bench-" + UUID.randomUUID();
        config = base.with("schema.registry.url", MockSchemaRegistry.MOCK_URL_PREFIX + scope)
                .with("state.dir", stateDir.toString()).with("hash.key", "benchmark-hash-key-0123456789");
        // Production's registry client caches schema ids; mock:// alone hands out the uncached in-memory
        // registry, which renders the schema as text on every call.
        registry = new CachedSchemaRegistryClient(MockSchemaRegistry.scope(scope), 1000, Optional.empty());
        Properties props = StreamsSettings.properties(config, metrics);
        StreamsBuilder builder = new StreamsBuilder();
        if (profile != null) {
            props.put(StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG, ProcessorCpuWrapper.class.getName());
            props.put(ProcessorCpuWrapper.PROFILE, profile);
            builder = new StreamsBuilder(new org.apache.kafka.streams.TopologyConfig(new StreamsConfig(props)));
        }
        topology = DlpTopology.buildTopology(builder, config, metrics, registry);
        driver = new TopologyTestDriver(builder.build(props), props, Instant.parse("2026-03-02T09:00:00Z"));
        serdes = TopicSerdes.withClient(config.serdeConfig(), registry);
        events = driver.createInputTopic(Topics.EGRESS_EVENTS.defaultName(), new ByteArraySerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.defaultName(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        if (!config.bool(TopologyOptions.CODE_ENABLED)) {
            return;
        }
        var index = driver.createInputTopic(Topics.CODE_INDEX.defaultName(), new StringSerializer(),
                serdes.valueSerde(Topics.CODE_INDEX).serializer());
        for (Map.Entry<String, CodeIndexRecord> r : codeIndexRecords(indexed)) {
            index.pipeInput(r.getKey(), r.getValue());
        }
    }

    /** The {@code dlp-code-index} records (key, value) that index {@code indexed} with the default parameters. */
    static List<Map.Entry<String, CodeIndexRecord>> codeIndexRecords(List<BenchCorpus.Source> indexed) {
        Fingerprinter fp = Fingerprinter.withDefaults();
        List<Map.Entry<String, CodeIndexRecord>> out = new ArrayList<>(indexed.size());
        for (BenchCorpus.Source s : indexed) {
            IndexedDocument d = IndexedDocument.create("bench", s.path(), s.text().getBytes(StandardCharsets.UTF_8), fp,
                    false, null, 1);
            out.add(Map.entry(CodeIndexCodec.key(d), CodeIndexRecord.newBuilder().setRepo(d.repo()).setSourcePath(d.sourcePath())
                    .setContentSha256(d.contentSha256()).setLineCount(d.lineCount()).setK(d.k()).setW(d.w())
                    .setHashes(CodeIndexCodec.hashes(d)).setStartLines(CodeIndexCodec.startLines(d))
                    .setEndLines(CodeIndexCodec.endLines(d)).setIndexVersion(1).setPublishedAt(Instant.EPOCH).build()));
        }
        return out;
    }

    /** The topology's detectors and scanners (the instances its content stage runs). */
    DetectorSet detectors() {
        return topology.detectors();
    }

    /** Serialised events ready to pipe: key bytes, Confluent-wire value bytes, event time. */
    record Wire(byte[] key, byte[] value, long time, int contentBytes) {
    }

    /** The next {@code n} events of {@code events}, serialised with the rig's event serde. */
    List<Wire> serialise(Supplier<EgressWorkload.Keyed> events, int n) {
        return serialise(serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(), events, n);
    }

    /** The next {@code n} events of {@code events}, serialised with {@code ser}. */
    static List<Wire> serialise(Serializer<AgentEgressEvent> ser, Supplier<EgressWorkload.Keyed> events, int n) {
        List<Wire> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            EgressWorkload.Keyed k = events.get();
            AgentEgressEvent e = k.event();
            out.add(new Wire(k.key().getBytes(StandardCharsets.UTF_8), ser.serialize(Topics.EGRESS_EVENTS.defaultName(), e),
                    e.getEventTime().toEpochMilli(), e.getContent() == null ? 0 : (int) e.getContent().getBytes()));
        }
        return out;
    }

    /** Publishes a policy document to {@code dlp-policies} (the GlobalKTable the policy detectors read). */
    void publishPolicy(String key, Policy policy) {
        driver.createInputTopic(Topics.POLICIES.defaultName(), new StringSerializer(),
                serdes.valueSerde(Topics.POLICIES).serializer()).pipeInput(key, policy);
    }

    void pipe(Wire w) {
        events.pipeInput(w.key(), w.value(), w.time());
    }

    /** Advances the driver's wall clock (punctuations, the alert update interval). */
    void advanceWallClock(java.time.Duration d) {
        driver.advanceWallClockTime(d);
    }

    /** Drains the alert records written so far as (key, value) pairs, as the topology serialised them. */
    List<org.apache.kafka.streams.test.TestRecord<byte[], byte[]>> drainAlertRecords() {
        return alerts.readRecordsToList();
    }

    /** Drains and counts the alert records written so far. */
    /** Every topic the topology wrote to so far (changelogs, repartition topics, sinks), sorted. */
    java.util.SortedSet<String> producedTopics() {
        return new java.util.TreeSet<>(driver.producedTopicNames());
    }

    /** The records written to {@code topic} since the last drain of it, raw bytes. */
    List<org.apache.kafka.streams.test.TestRecord<byte[], byte[]>> drain(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
    }

    int drainAlerts() {
        return alerts.readRecordsToList().size();
    }

    /** Drains the alert records written so far, as the topology serialised them. */
    List<byte[]> drainAlertValues() {
        return alerts.readValuesToList();
    }

    /** The event serde's deserialiser (Confluent wire, the in-JVM registry scope). */
    Deserializer<AgentEgressEvent> eventDeserializer() {
        return serdes.valueSerde(Topics.EGRESS_EVENTS).deserializer();
    }

    /** The alert serde (Confluent wire, the in-JVM registry scope behind the client cache). */
    Serde<DlpAlert> alertSerde() {
        return serdes.valueSerde(Topics.ALERTS);
    }

    @Override
    public void close() {
        driver.close();
        topology.close();
        serdes.close();
        registry.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
