package io.agentdlp.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Policy;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.agentdlp.topology.config.StreamsSettings;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * The real topology in a TopologyTestDriver: real RocksDB stores in a temporary state directory,
 * the Avro serde against its in-JVM {@code mock://} registry scope (one per fixture), and the
 * topics read and written with the same serdes as production.
 */
public final class TopologyFixture implements AutoCloseable {
    public final TopologyConfig config;
    public final DlpMetrics metrics = DlpMetrics.detached();
    public final TopologyTestDriver driver;
    public final DlpTopology topology;
    public final TestInputTopic<String, AgentEgressEvent> events;
    public final TestInputTopic<byte[], byte[]> rawEvents;
    public final TestInputTopic<String, Policy> policies;
    public final TestInputTopic<String, CodeIndexRecord> codeIndex;
    public final TestOutputTopic<String, DlpAlert> alerts;
    public final TestOutputTopic<byte[], byte[]> deadLetters;
    private final TopicSerdes serdes;
    private final Path stateDir;

    public TopologyFixture(TopologyConfig base) {
        try {
            stateDir = Files.createTempDirectory("agentdlp-ttd-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.config = base.with("schema.registry.url", "mock://ttd-" + UUID.randomUUID())
                .with("hash.key", "test-deployment-key-0123456789")
                .with("state.dir", stateDir.toString());
        StreamsBuilder builder = new StreamsBuilder();
        topology = DlpTopology.buildTopology(builder, config, metrics);
        Properties props = StreamsSettings.properties(config, metrics);
        driver = new TopologyTestDriver(builder.build(props), props, Instant.parse("2026-01-01T00:00:00Z"));
        serdes = TopicSerdes.fromConfig(config.serdeConfig());
        var names = config.topicNames();
        events = driver.createInputTopic(names.name(Topics.EGRESS_EVENTS), new StringSerializer(),
                serdes.valueSerde(Topics.EGRESS_EVENTS).serializer());
        rawEvents = driver.createInputTopic(names.name(Topics.EGRESS_EVENTS), new ByteArraySerializer(), new ByteArraySerializer());
        policies = driver.createInputTopic(names.name(Topics.POLICIES), new StringSerializer(),
                serdes.valueSerde(Topics.POLICIES).serializer());
        codeIndex = driver.createInputTopic(names.name(Topics.CODE_INDEX), new StringSerializer(),
                serdes.valueSerde(Topics.CODE_INDEX).serializer());
        alerts = driver.createOutputTopic(names.name(Topics.ALERTS), serdes.keySerde(Topics.ALERTS).deserializer(),
                serdes.valueSerde(Topics.ALERTS).deserializer());
        deadLetters = driver.createOutputTopic(names.name(Topics.DEAD_LETTER), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    public static TopologyFixture defaults() {
        return new TopologyFixture(TopologyConfig.defaults());
    }

    /** Pipes an event keyed by its device and session, at its event time. */
    public void send(AgentEgressEvent e) {
        events.pipeInput(e.getDevice().getId() + ":" + e.getSessionId(), e, e.getEventTime());
    }

    public List<DlpAlert> alerts() {
        return alerts.readRecordsToList().stream().map(TestRecord::value).toList();
    }

    public TopicSerdes serdes() {
        return serdes;
    }

    @Override
    public void close() {
        driver.close();
        topology.close();
        serdes.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
