package io.agentdlp.alerts.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.agentdlp.alerts.Eventually;
import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.kafka.embedded.EmbeddedKafka;
import io.agentdlp.registry.server.RegistryServerConfig;
import io.agentdlp.registry.server.SchemaRegistryServer;
import io.agentdlp.serde.AvroClassTrust;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Kafka broker (KRaft, in-JVM) and one real schema registry server for all integration
 * tests of this module, started once per JVM and closed when JUnit finishes. Tests isolate
 * themselves with their own topic names ({@link #topics()}).
 */
public final class KafkaStack implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
    private static KafkaStack instance;
    private EmbeddedKafka kafka;
    private SchemaRegistryServer registry;

    /** The running stack. */
    public static synchronized KafkaStack get() {
        if (instance == null) {
            throw new IllegalStateException("annotate the test with @ExtendWith(KafkaStack.class)");
        }
        return instance;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (KafkaStack.class) {
            if (instance == null) {
                AvroClassTrust.trustGenerated();
                KafkaStack s = new KafkaStack();
                s.kafka = EmbeddedKafka.startTemporary();
                s.registry = SchemaRegistryServer.start(RegistryServerConfig.builder(s.kafka.bootstrapServers())
                        .port(0).build());
                instance = s;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(KafkaStack.class.getName(), s);
            }
        }
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
        synchronized (KafkaStack.class) {
            instance = null;
        }
    }

    public String bootstrap() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    /**
     * Fresh topic names for one test ({@code topic.<id>=<prefix>-<name>}), created on the broker.
     */
    public Map<String, String> topics() {
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> m = new HashMap<>();
        for (var spec : List.of(Topics.ALERTS, Topics.ALERT_STATUS, Topics.AUDIT, Topics.DEAD_LETTER, Topics.EGRESS_EVENTS)) {
            m.put(spec.nameProperty(), prefix + "-" + spec.defaultName());
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            new TopicProvisioner(admin, new TopicNames(m), (short) 1).ensure(
                    List.of(Topics.ALERTS, Topics.ALERT_STATUS, Topics.AUDIT, Topics.DEAD_LETTER, Topics.EGRESS_EVENTS));
        }
        return m;
    }

    /**
     * Every record of {@code topic} (no consumer group: assigned partitions read from the start),
     * waiting until there are at least {@code atLeast}.
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int atLeast, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Eventually.await(atLeast + " records on " + topic, timeout, () -> {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= atLeast;
            });
            c.poll(Duration.ofMillis(300)).forEach(out::add);
        }
        return out;
    }

    /** Produces one agent event to the test's agent-egress-events topic (as the gateway would). */
    public void sendEvent(Map<String, String> topics, AgentEgressEvent e) {
        try (TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", registryUrl()));
             KafkaProducer<String, AgentEgressEvent> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap()),
                     serdes.keySerde(Topics.EGRESS_EVENTS).serializer(), serdes.valueSerde(Topics.EGRESS_EVENTS).serializer())) {
            p.send(new ProducerRecord<>(new TopicNames(topics).name(Topics.EGRESS_EVENTS),
                    e.getDevice().getId() + ":" + e.getSessionId(), e)).get();
        } catch (Exception ex) {
            throw new IllegalStateException("cannot produce test event", ex);
        }
    }

    /** Settings every alerts service in the tests needs. */
    public Map<String, String> baseSettings(Map<String, String> topics) {
        Map<String, String> m = new HashMap<>(topics);
        m.put("kafka.bootstrap.servers", bootstrap());
        m.put("schema.registry.url", registryUrl());
        m.put("alerts.http.port", "0");
        m.put("alerts.topics.create", "false");
        // Tests of the audit trail switch it on themselves; the others need no Streams application.
        m.put("alerts.trail.enabled", "false");
        return m;
    }

    /**
     * An independent producer of alerts (the way the topology writes them: Confluent-wire Avro
     * through the registry).
     */
    public AlertProducer alertProducer(Map<String, String> topics) {
        return new AlertProducer(topics);
    }

    /** Produces alerts to a test's dlp-alerts topic. */
    public final class AlertProducer implements AutoCloseable {
        private final KafkaProducer<String, DlpAlert> producer;
        private final TopicSerdes serdes;
        private final String topic;

        private AlertProducer(Map<String, String> topics) {
            serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", registryUrl()));
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, serdes.keySerde(Topics.ALERTS).serializer(),
                    serdes.valueSerde(Topics.ALERTS).serializer());
            topic = new TopicNames(topics).name(Topics.ALERTS);
        }

        public void send(DlpAlert a) {
            try {
                producer.send(new ProducerRecord<>(topic, a.getAlertId(), a)).get();
            } catch (Exception e) {
                throw new IllegalStateException("cannot produce test alert", e);
            }
        }

        /** Raw bytes (e.g. garbage) under a key. */
        public void sendRaw(String key, byte[] value) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(p,
                    new org.apache.kafka.common.serialization.ByteArraySerializer(),
                    new org.apache.kafka.common.serialization.ByteArraySerializer())) {
                raw.send(new ProducerRecord<>(topic, key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value)).get();
            } catch (Exception e) {
                throw new IllegalStateException("cannot produce raw test record", e);
            }
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
            serdes.close();
        }
    }
}
