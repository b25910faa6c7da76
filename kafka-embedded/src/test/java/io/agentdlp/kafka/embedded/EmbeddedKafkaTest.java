package io.agentdlp.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    @TempDir
    Path dir;

    @Test
    void persistentBrokerKeepsTopicsAndDataAcrossRestart() throws Exception {
        Path data = dir.resolve("kafka");
        int port;
        int controllerPort;
        try (EmbeddedKafka kafka = EmbeddedKafka.startPersistent(data, 0, 0)) {
            port = kafka.brokerPort();
            controllerPort = kafka.controllerPort();
            try (Admin admin = admin(kafka)) {
                List<String> created = new TopicProvisioner(admin, TopicNames.defaults(), (short) 1).ensure(Topics.ALL);
                assertThat(created).containsExactlyInAnyOrder(
                        Topics.ALL.stream().map(t -> t.defaultName()).toArray(String[]::new));
            }
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("dlp-alerts", "k", "survives-restart")).get();
            }
        }
        assertThat(Files.exists(data)).as("persistent data is kept after close").isTrue();

        try (EmbeddedKafka kafka = EmbeddedKafka.startPersistent(data, port, controllerPort);
             Admin admin = admin(kafka)) {
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).contains("agent-egress-events", "dlp-alerts", "dlp-code-index", "dlp-policies",
                    "dlp-dead-letter", "_schemas");
            assertThat(new TopicProvisioner(admin, TopicNames.defaults(), (short) 1).ensure(Topics.ALL))
                    .as("second run creates nothing").isEmpty();
            ConfigResource codeIndex = new ConfigResource(ConfigResource.Type.TOPIC, "dlp-code-index");
            Config cfg = admin.describeConfigs(List.of(codeIndex)).all().get().get(codeIndex);
            assertThat(cfg.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(readAll(kafka, "dlp-alerts")).containsExactly("survives-restart");
        }
    }

    @Test
    void temporaryBrokerDeletesItsDataOnClose() {
        Path data;
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            data = kafka.dataDir();
            assertThat(Files.isDirectory(data)).isTrue();
            assertThat(kafka.bootstrapServers()).startsWith("localhost:");
        }
        assertThat(Files.exists(data)).isFalse();
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static List<String> readAll(EmbeddedKafka kafka, String topic) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "t",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }
}
