package io.agentdlp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.agentdlp.topics.Topics;

/** Each component authenticates as its own KafkaUser and may do only what it needs. */
class KafkaAccessRulesTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyKafkaClientUsesItsOwnUser(Overlay overlay) {
        var m = overlay.manifests();
        Set<String> users = m.ofKind("KafkaUser").stream().map(Manifests::name).collect(Collectors.toSet());
        Map<String, String> userOf = new HashMap<>();
        for (JsonNode w : m.workloads()) {
            if (!w.at("/spec/template/metadata/labels/agentdlp.io~1kafka-client").asText().equals("true")) {
                continue;
            }
            List<String> jaasSecrets = Manifests.podSpec(w).findValues("env").stream()
                    .flatMap(env -> java.util.stream.StreamSupport.stream(env.spliterator(), false))
                    .filter(e -> e.path("name").asText().endsWith("SASL_JAAS_CONFIG"))
                    .map(e -> e.at("/valueFrom/secretKeyRef/name").asText())
                    .toList();
            assertThat(jaasSecrets).as("JAAS config of %s", Manifests.id(w)).singleElement().isIn(users);
            String previous = userOf.put(jaasSecrets.get(0), Manifests.id(w));
            assertThat(previous).as("KafkaUser %s shared by %s and %s", jaasSecrets.get(0), previous, Manifests.id(w)).isNull();
        }
        assertThat(userOf.keySet()).containsExactlyInAnyOrderElementsOf(users);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void aclsNameExistingTopicsAndGrantNoWildcards(Overlay overlay) {
        var m = overlay.manifests();
        Set<String> topics = m.ofKind("KafkaTopic").stream()
                .map(t -> t.at("/spec/topicName").asText(Manifests.name(t))).collect(Collectors.toSet());
        for (JsonNode user : m.ofKind("KafkaUser")) {
            assertThat(user.at("/spec/authentication/type").asText()).isIn("scram-sha-512", "tls");
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                JsonNode r = acl.path("resource");
                String what = Manifests.id(user) + " " + r;
                assertThat(r.path("name").asText()).as(what).isNotEmpty().isNotEqualTo("*");
                assertThat(r.path("type").asText()).as(what).isNotEqualTo("cluster");
                assertThat(acl.path("operations").toString()).as(what).doesNotContain("\"All\"").doesNotContain("\"Alter\"");
                assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
                if (r.path("type").asText().equals("topic") && r.path("patternType").asText("literal").equals("literal")) {
                    assertThat(topics).as("%s names a topic without KafkaTopic", what).contains(r.path("name").asText());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void producersOfEventsCannotReadAndTheTopologyOwnsOnlyItsApplicationId(Overlay overlay) {
        var m = overlay.manifests();
        for (String producer : new String[] {"agentdlp-gateway", "agentdlp-proxy"}) {
            JsonNode acls = m.get("KafkaUser", producer).at("/spec/authorization/acls");
            assertThat(acls).allSatisfy(a -> {
                assertThat(a.at("/resource/name").asText()).isEqualTo(Topics.EGRESS_EVENTS.defaultName());
                assertThat(a.path("operations").toString()).doesNotContain("Read");
            });
        }
        JsonNode topology = m.get("StatefulSet", "agentdlp-topology");
        String appId = WorkloadRulesTest.env(Manifests.podSpec(topology).path("containers").get(0), "AGENTDLP_APPLICATION_ID");
        for (JsonNode a : m.get("KafkaUser", "agentdlp-topology").at("/spec/authorization/acls")) {
            String type = a.at("/resource/type").asText();
            String name = a.at("/resource/name").asText();
            String pattern = a.at("/resource/patternType").asText();
            switch (type) {
                case "group" -> assertThat(name + "/" + pattern).isEqualTo(appId + "/literal");
                case "transactionalId" -> assertThat(name + "/" + pattern).isEqualTo(appId + "-/prefix");
                case "topic" -> {
                    if (pattern.equals("prefix")) {
                        assertThat(name).isEqualTo(appId + "-");
                    } else if (a.path("operations").toString().contains("Write")) {
                        assertThat(name).isIn(Topics.ALERTS.defaultName(), Topics.DEAD_LETTER.defaultName());
                    } else {
                        assertThat(name).isIn(Topics.EGRESS_EVENTS.defaultName(), Topics.CODE_INDEX.defaultName(),
                                Topics.POLICIES.defaultName());
                    }
                }
                default -> throw new AssertionError("unexpected ACL resource type " + type);
            }
        }
    }
}
