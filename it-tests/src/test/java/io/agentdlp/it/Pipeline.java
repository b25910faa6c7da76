package io.agentdlp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Policy;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.registry.server.RegistryServerConfig;
import io.agentdlp.registry.server.SchemaRegistryServer;
import io.agentdlp.serde.AvroClassTrust;
import io.agentdlp.serde.AvroSerdeConfig;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.agentdlp.topology.config.TopologyConfig;

/**
 * The whole pipeline on a real cluster, shared by the methods of one test class: by default three
 * brokers (replication 3, min.insync.replicas 2) and a controller, or a container, the schema registry server, every topic
 * provisioned, two exactly-once topology instances in one consumer group, an event publisher (the
 * sensor's Kafka delivery) and read_committed logs of {@code dlp-alerts}, {@code dlp-dead-letter} and {@code agent-egress-events}.
 */
final class Pipeline implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final BrokerCluster cluster;
    private final Path workDir;
    private SchemaRegistryServer registry;
    private final int registryPort;
    private final List<TopologyInstance> topologies = new ArrayList<>();
    private final TopicSerdes serdes;
    private final KafkaEventPublisher publisher;
    private final TopicLog<String, DlpAlert> alerts;
    private final TopicLog<byte[], byte[]> deadLetters;
    private final TopicLog<byte[], byte[]> events;
    private final org.apache.kafka.common.serialization.Deserializer<AgentEgressEvent> eventDeserializer;

    private Pipeline(BrokerCluster cluster, Path workDir, int topologyInstances, List<Policy> policies) {
        this.cluster = cluster;
        this.workDir = workDir;
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicNames.defaults(), cluster.replicationFactor()).ensure(Topics.ALL);
        }
        registry = SchemaRegistryServer.start(registryConfig(0));
        registryPort = registry.port();
        serdes = TopicSerdes.fromConfig(serdeConfig());
        publisher = KafkaEventPublisher.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(), Topics.EGRESS_EVENTS.defaultName());
        publishPolicies(policies);
        for (int i = 0; i < topologyInstances; i++) {
            startTopology();
        }
        alerts = new TopicLog<>(clientConfig(), Topics.ALERTS.defaultName(), new StringDeserializer(),
                serdes.valueSerde(Topics.ALERTS).deserializer());
        deadLetters = new TopicLog<>(clientConfig(), Topics.DEAD_LETTER.defaultName(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        events = new TopicLog<>(clientConfig(), Topics.EGRESS_EVENTS.defaultName(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        eventDeserializer = serdes.valueSerde(Topics.EGRESS_EVENTS).deserializer();
    }

    /** Starts the cluster, the registry and {@code topologyInstances} topology instances, without policies. */
    static Pipeline start(int topologyInstances) throws Exception {
        return start(topologyInstances, List.of());
    }

    /**
     * Starts the cluster and the registry, publishes {@code policies} to {@code dlp-policies} (so
     * the topology's global table holds them before it processes anything), then starts
     * {@code topologyInstances} topology instances.
     */
    static Pipeline start(int topologyInstances, List<Policy> policies) throws Exception {
        return start(KafkaTestCluster.start(3, Map.of(
                "min.insync.replicas", "2",
                "offsets.topic.replication.factor", "3",
                "transaction.state.log.replication.factor", "3",
                "transaction.state.log.min.isr", "2")), topologyInstances, policies);
    }

    /** As {@link #start(int, List)} on a cluster the caller started (closed with the pipeline). */
    static Pipeline start(BrokerCluster cluster, int topologyInstances, List<Policy> policies) throws Exception {
        AvroClassTrust.trustGenerated();
        Path dir = Files.createTempDirectory("agentdlp-it-");
        try {
            return new Pipeline(cluster, dir, topologyInstances, policies);
        } catch (RuntimeException | Error e) {
            cluster.close();
            delete(dir);
            throw e;
        }
    }

    private void publishPolicies(List<Policy> policies) {
        if (policies.isEmpty()) {
            return;
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), serdes.keySerde(Topics.POLICIES).serializer(),
                serdes.valueSerde(Topics.POLICIES).serializer())) {
            for (Policy p : policies) {
                producer.send(new ProducerRecord<>(Topics.POLICIES.defaultName(), p.getPolicyId(), p));
            }
            producer.flush();
        }
    }

    private RegistryServerConfig registryConfig(int port) {
        return RegistryServerConfig.builder(bootstrapServers()).port(port).replicationFactor(cluster.replicationFactor()).build();
    }

    /** Starts one more topology instance in this JVM (same application id, so it joins the group). */
    TopologyInstance startTopology() {
        Path stateDir = workDir.resolve("state-" + topologies.size());
        TopologyInstance t = TopologyInstance.start(topologyConfig(stateDir), START_TIMEOUT);
        topologies.add(t);
        return t;
    }

    TopologyConfig topologyConfig(Path stateDir) {
        return TopologySettings.of(bootstrapServers(), registryUrl(), stateDir,
                Map.of("replication.factor", String.valueOf(cluster.replicationFactor())));
    }

    List<TopologyInstance> topologies() {
        return topologies;
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    String registryUrl() {
        return "http://127.0.0.1:" + registryPort;
    }

    /** The in-JVM cluster, for tests that stop and start brokers. */
    KafkaTestCluster testKit() {
        if (cluster instanceof KafkaTestCluster kit) {
            return kit;
        }
        throw new IllegalStateException("the pipeline does not run on the in-JVM test kit");
    }

    Path workDir() {
        return workDir;
    }

    Map<String, Object> clientConfig() {
        return new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    Map<String, Object> serdeConfig() {
        return new HashMap<>(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl()));
    }

    TopicSerdes serdes() {
        return serdes;
    }

    /** Publishes events through the sensor's Kafka delivery and waits for their acknowledgement. */
    void publish(List<AgentEgressEvent> events) {
        publisher.publish(events).orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    TopicLog<String, DlpAlert> alerts() {
        return alerts;
    }

    TopicLog<byte[], byte[]> deadLetters() {
        return deadLetters;
    }

    /**
     * The events the sensors and proxies delivered to {@code agent-egress-events} so far. The poison
     * records a test writes there on purpose are not events and are left out; their handling is
     * asserted on the dead-letter topic.
     */
    List<AgentEgressEvent> egressEvents() {
        List<AgentEgressEvent> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : events.poll()) {
            try {
                out.add(eventDeserializer.deserialize(r.topic(), r.value()));
            } catch (SerializationException poison) {
                // written by the poison-record test: not an event
            }
        }
        return out;
    }

    /** Stops the registry server (clients keep their cached schema ids). */
    void stopRegistry() {
        registry.close();
        registry = null;
    }

    /** Starts the registry again on the same port; it rebuilds its state from {@code _schemas}. */
    void startRegistry() {
        registry = SchemaRegistryServer.start(registryConfig(registryPort));
    }

    @Override
    public void close() throws Exception {
        try (cluster) {
            alerts.close();
            deadLetters.close();
            events.close();
            publisher.close();
            for (TopologyInstance t : topologies) {
                t.close();
            }
            serdes.close();
            if (registry != null) {
                registry.close();
            }
        } finally {
            delete(workDir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
