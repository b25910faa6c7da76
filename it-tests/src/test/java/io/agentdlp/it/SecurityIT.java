package io.agentdlp.it;

import static io.agentdlp.it.SecureKafka.Acl.cluster;
import static io.agentdlp.it.SecureKafka.Acl.group;
import static io.agentdlp.it.SecureKafka.Acl.topic;
import static io.agentdlp.it.SecureKafka.Acl.topicPrefix;
import static io.agentdlp.it.SecureKafka.Acl.transactionalIdPrefix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.ingest.normalize.DeviceContext;
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
 * The pipeline on a SASL_SSL (SCRAM-SHA-512 over TLS) broker with StandardAuthorizer: the registry,
 * the topology, the sensor's delivery and the alert reader each authenticate as their own principal
 * holding only the ACLs it needs; a principal without ACLs is denied.
 */
class SecurityIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String APP = TopologySettings.APPLICATION_ID;

    @TempDir
    static Path dir;
    private static SecureKafka kafka;
    private static SchemaRegistryServer registry;
    private static TopologyInstance topology;

    @BeforeAll
    static void start() throws Exception {
        AvroClassTrust.trustGenerated();
        kafka = SecureKafka.start(dir, List.of("registry", "sensor", "topology", "console", "mallory"));
        try (Admin admin = Admin.create(kafka.clientConfig("admin"))) {
            new TopicProvisioner(admin, TopicNames.defaults(), (short) 1).ensure(Topics.ALL);
        }
        String egress = Topics.EGRESS_EVENTS.defaultName();
        String alerts = Topics.ALERTS.defaultName();
        kafka.grant("registry", List.of(
                topic(Topics.SCHEMAS.defaultName(), AclOperation.READ), topic(Topics.SCHEMAS.defaultName(), AclOperation.WRITE),
                topic(Topics.SCHEMAS.defaultName(), AclOperation.DESCRIBE),
                topic(Topics.SCHEMAS.defaultName(), AclOperation.DESCRIBE_CONFIGS),
                cluster(AclOperation.IDEMPOTENT_WRITE)));
        kafka.grant("sensor", List.of(
                topic(egress, AclOperation.WRITE), topic(egress, AclOperation.DESCRIBE), cluster(AclOperation.IDEMPOTENT_WRITE)));
        kafka.grant("topology", List.of(
                topic(egress, AclOperation.READ), topic(egress, AclOperation.DESCRIBE),
                topic(Topics.POLICIES.defaultName(), AclOperation.READ), topic(Topics.POLICIES.defaultName(), AclOperation.DESCRIBE),
                topic(Topics.CODE_INDEX.defaultName(), AclOperation.READ),
                topic(Topics.CODE_INDEX.defaultName(), AclOperation.DESCRIBE),
                topic(alerts, AclOperation.WRITE), topic(alerts, AclOperation.DESCRIBE),
                topic(Topics.DEAD_LETTER.defaultName(), AclOperation.WRITE),
                topic(Topics.DEAD_LETTER.defaultName(), AclOperation.DESCRIBE),
                topicPrefix(APP + "-", AclOperation.ALL),
                group(APP, PatternType.LITERAL, AclOperation.READ),
                transactionalIdPrefix(APP + "-", AclOperation.WRITE),
                transactionalIdPrefix(APP + "-", AclOperation.DESCRIBE),
                cluster(AclOperation.IDEMPOTENT_WRITE)));
        kafka.grant("console", List.of(topic(alerts, AclOperation.READ), topic(alerts, AclOperation.DESCRIBE)));
        // "mallory" authenticates but holds no ACL

        RegistryServerConfig.Builder rc = RegistryServerConfig.builder(kafka.bootstrapServers()).port(0).replicationFactor(1);
        kafka.clientConfig("registry").forEach((k, v) -> rc.kafkaClientProperty(k, String.valueOf(v)));
        registry = SchemaRegistryServer.start(rc.build());

        TopologyConfig config = TopologySettings.of(kafka.bootstrapServers(), registry.url(), dir.resolve("state"),
                Map.of("replication.factor", "1"));
        for (Map.Entry<String, Object> e : kafka.clientConfig("topology").entrySet()) {
            config = config.with("streams." + e.getKey(), String.valueOf(e.getValue()));
        }
        topology = TopologyInstance.start(config, Pipeline.START_TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (topology != null) {
            topology.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Map<String, Object> serdeConfig() {
        return new HashMap<>(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url()));
    }

    @Test
    void everyComponentWorksAsItsOwnLeastPrivilegePrincipal() {
        String session = "sess-" + UUID.randomUUID();
        ClaudeHooks hooks = new ClaudeHooks(new DeviceContext("dev-secure-1", null, "linux", "bo", null));
        Map<String, String> v = Map.of("SESSION", session, "PROMPT", UUID.randomUUID().toString(),
                "KEY", PipelineScenariosIT.AWS_KEY);
        List<AgentEgressEvent> events = new ArrayList<>(hooks.events("prompt-benign", v));
        List<AgentEgressEvent> pasted = hooks.events("prompt-pasted-key", v);
        events.addAll(pasted);
        try (TopicSerdes serdes = TopicSerdes.fromConfig(serdeConfig());
             KafkaEventPublisher sensor = KafkaEventPublisher.create(kafka.clientConfig("sensor"),
                     serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(), Topics.EGRESS_EVENTS.defaultName());
             TopicLog<String, DlpAlert> console = new TopicLog<>(kafka.clientConfig("console"), Topics.ALERTS.defaultName(),
                     new StringDeserializer(), serdes.valueSerde(Topics.ALERTS).deserializer())) {
            sensor.publish(events).join();
            console.awaitRecords("the secret alert over SASL_SSL", WAIT, rs -> rs.stream()
                    .anyMatch(r -> session.equals(r.value().getSessionId())));
            List<DlpAlert> alerts = new AlertView(console.values()).inSessions(Set.of(session));
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).getRuleId()).isEqualTo("aws-access-key-id");
            assertThat(alerts.get(0).getEventIds()).containsExactly(pasted.get(0).getEventId());
        }
    }

    @Test
    void aPrincipalWithoutAclsCanNeitherProduceNorConsume() {
        Map<String, Object> mallory = kafka.clientConfig("mallory");
        mallory.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        try (var producer = new KafkaProducer<>(mallory, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.EGRESS_EVENTS.defaultName(),
                    new byte[] {1}, new byte[] {2})).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThatThrownBy(() -> new TopicLog<>(kafka.clientConfig("mallory"), Topics.ALERTS.defaultName(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()).poll())
                .isInstanceOf(TopicAuthorizationException.class);
        // the sensor may write events but not read alerts
        assertThatThrownBy(() -> new TopicLog<>(kafka.clientConfig("sensor"), Topics.ALERTS.defaultName(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()).poll())
                .isInstanceOf(TopicAuthorizationException.class);
    }
}
