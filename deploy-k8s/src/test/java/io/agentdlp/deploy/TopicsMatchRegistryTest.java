package io.agentdlp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.agentdlp.topics.TopicSpec;
import io.agentdlp.topics.Topics;

/**
 * One source of truth: the KafkaTopics that come from the topic registry are exactly
 * {@link Topics#ALL}, with the same names, partitions and configs. On a mismatch the message holds
 * the KafkaTopic YAML to paste into base/kafka/topics.yaml.
 */
class TopicsMatchRegistryTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyRegistryTopicHasAnIdenticalKafkaTopicAndThereAreNoOthers(Overlay overlay) {
        Map<String, JsonNode> declared = overlay.manifests().ofKind("KafkaTopic").stream()
                .filter(t -> t.at("/metadata/labels/agentdlp.io~1topic-source").asText().equals("registry"))
                .collect(Collectors.toMap(TopicsMatchRegistryTest::topicName, t -> t));

        for (TopicSpec<?, ?> spec : Topics.ALL) {
            JsonNode topic = declared.get(spec.defaultName());
            assertThat(topic).as("no KafkaTopic for registry topic %s; add:%n%s", spec.defaultName(), yamlFor(spec)).isNotNull();
            assertThat(topic.at("/spec/partitions").asInt())
                    .as("partitions of %s; expected:%n%s", spec.defaultName(), yamlFor(spec)).isEqualTo(spec.partitions());
            assertThat(configOf(topic))
                    .as("config of %s; expected:%n%s", spec.defaultName(), yamlFor(spec)).isEqualTo(new TreeMap<>(spec.configs()));
            // Replication comes from the brokers' default.replication.factor of the overlay.
            assertThat(topic.at("/spec/replicas").isMissingNode()).isTrue();
        }
        assertThat(declared.keySet())
                .as("KafkaTopics labelled agentdlp.io/topic-source=registry that the registry does not have")
                .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicSpec::defaultName).toList());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void replicationFollowsTheOverlay(Overlay overlay) {
        JsonNode config = overlay.manifests().get("Kafka", "agentdlp").at("/spec/kafka/config");
        int brokers = overlay.manifests().ofKind("KafkaNodePool").stream()
                .filter(p -> p.at("/spec/roles").toString().contains("broker"))
                .mapToInt(p -> p.at("/spec/replicas").asInt()).sum();
        int rf = config.path("default.replication.factor").asInt();
        int minIsr = config.path("min.insync.replicas").asInt();
        assertThat(rf).isBetween(1, brokers);
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(rf);
        assertThat(config.path("transaction.state.log.replication.factor").asInt()).isEqualTo(rf);
        assertThat(config.path("transaction.state.log.min.isr").asInt()).isEqualTo(minIsr);
        if (overlay == Overlay.PROD) {
            // one broker may be lost with acks=all producers still writing
            assertThat(rf).isEqualTo(3);
            assertThat(minIsr).isEqualTo(2);
        } else {
            assertThat(brokers).isEqualTo(1);
        }
    }

    @Test
    void apicurioTopicsAreTheOnesItsDeploymentIsConfiguredWith() {
        var m = Overlay.PROD.manifests();
        Map<String, JsonNode> apicurio = m.ofKind("KafkaTopic").stream()
                .filter(t -> t.at("/metadata/labels/agentdlp.io~1topic-source").asText().equals("apicurio"))
                .collect(Collectors.toMap(TopicsMatchRegistryTest::topicName, t -> t));
        JsonNode env = Manifests.podSpec(m.get("Deployment", "agentdlp-schema-registry")).at("/containers/0/env");
        Map<String, String> vars = new TreeMap<>();
        env.forEach(e -> vars.put(e.path("name").asText(), e.path("value").asText()));
        assertThat(apicurio.keySet()).containsExactlyInAnyOrder(
                vars.get("APICURIO_KAFKASQL_TOPIC"), vars.get("APICURIO_KAFKASQL_SNAPSHOTS_TOPIC"));
        assertThat(vars).containsEntry("APICURIO_KAFKASQL_TOPIC_AUTO_CREATE", "false");
        // Apicurio Registry 3 verifies its journal cannot lose data.
        apicurio.values().forEach(t -> assertThat(configOf(t))
                .containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1"));
        assertThat(Overlay.DEV.manifests().ofKind("KafkaTopic"))
                .noneMatch(t -> t.at("/metadata/labels/agentdlp.io~1topic-source").asText().equals("apicurio"));
    }

    @Test
    void everyKafkaTopicSaysWhereItComesFrom() {
        for (Overlay o : Overlay.values()) {
            assertThat(o.manifests().ofKind("KafkaTopic"))
                    .allSatisfy(t -> assertThat(t.at("/metadata/labels/agentdlp.io~1topic-source").asText()).isIn("registry", "apicurio"));
        }
    }

    private static String topicName(JsonNode topic) {
        String name = topic.at("/spec/topicName").asText();
        return name.isEmpty() ? Manifests.name(topic) : name;
    }

    private static Map<String, String> configOf(JsonNode topic) {
        Map<String, String> m = new TreeMap<>();
        topic.at("/spec/config").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static String yamlFor(TopicSpec<?, ?> spec) {
        var sb = new StringBuilder("""
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: %s
                  labels:
                    strimzi.io/cluster: agentdlp
                    agentdlp.io/topic-source: registry
                spec:
                  topicName: %s
                  partitions: %d
                  config:
                """.formatted(spec.defaultName().replaceAll("[^a-z0-9.-]", "").replaceAll("^[.-]+", ""),
                spec.defaultName(), spec.partitions()));
        new TreeMap<>(spec.configs()).forEach((k, v) -> sb.append("    ").append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }
}
