package io.agentdlp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.agentdlp.deploy.render.Yaml;
import io.agentdlp.deploy.schema.StrictModel;

/** Every rendered object conforms to its Kubernetes, Prometheus Operator or Strimzi schema. */
class SchemaValidationTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyObjectParsesStrictlyAgainstItsModel(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode o : overlay.manifests().objects()) {
            StrictModel.violations(o).forEach(v -> problems.add(Manifests.id(o) + " " + v));
        }
        assertThat(overlay.manifests().objects()).hasSizeGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void objectsAreUniqueAndAllInTheAgentdlpNamespace(Overlay overlay) {
        var seen = new HashSet<String>();
        for (JsonNode o : overlay.manifests().objects()) {
            assertThat(seen.add(o.path("apiVersion").asText() + " " + Manifests.id(o))).as("duplicate %s", Manifests.id(o)).isTrue();
            String expected = o.path("kind").asText().equals("Namespace") ? "" : "agentdlp";
            assertThat(Manifests.namespace(o)).as("namespace of %s", Manifests.id(o)).isEqualTo(expected);
            assertThat(o.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())
                    .as("part-of label of %s", Manifests.id(o)).isEqualTo("agentdlp");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void strimziResourcesUseOnlyTheV1ApiShape(Overlay overlay) {
        var m = overlay.manifests();
        JsonNode kafka = m.get("Kafka", "agentdlp");
        // Removed in kafka.strimzi.io/v1: ZooKeeper, and replicas/storage outside node pools.
        assertThat(kafka.path("spec").has("zookeeper")).isFalse();
        assertThat(kafka.path("spec").path("kafka").has("replicas")).isFalse();
        assertThat(kafka.path("spec").path("kafka").has("storage")).isFalse();
        assertThat(kafka.path("spec").has("jmxTrans")).isFalse();
        for (JsonNode user : m.ofKind("KafkaUser")) {
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                assertThat(acl.has("operation")).as("deprecated singular 'operation' in %s", Manifests.id(user)).isFalse();
                assertThat(acl.path("operations").size()).isPositive();
            }
        }
        for (JsonNode o : m.objects()) {
            if (o.path("apiVersion").asText().startsWith("kafka.strimzi.io/")) {
                assertThat(o.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1");
                if (!o.path("kind").asText().equals("Kafka")) {
                    assertThat(o.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                            .as("cluster label of %s", Manifests.id(o)).isEqualTo("agentdlp");
                }
            }
        }
        assertThat(m.ofKind("KafkaNodePool")).isNotEmpty();
    }

    @Test
    void validatorRejectsAMisspeltFieldAWrongTypeAndAnUnknownKind() throws Exception {
        JsonNode misspelt = Yaml.MAPPER.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: c
                          image: i
                          readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSecond: 5}
                """);
        assertThat(StrictModel.violations(misspelt)).singleElement().asString()
                .contains("readinessProbe").contains("periodSecond");

        JsonNode wrongType = Yaml.MAPPER.readTree("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: many}
                """);
        assertThat(StrictModel.violations(wrongType)).singleElement().asString().contains("does not parse");

        JsonNode strimziTypo = Yaml.MAPPER.readTree("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: u}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization: {type: simple, acls: [{resource: {type: topic, name: t}, operations: [Read], hosts: ["*"]}]}
                """);
        assertThat(StrictModel.violations(strimziTypo)).singleElement().asString().contains("hosts");

        JsonNode unknownKind = Yaml.MAPPER.readTree("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n");
        assertThat(StrictModel.violations(unknownKind)).containsExactly("no schema for v1/Secret");
    }
}
