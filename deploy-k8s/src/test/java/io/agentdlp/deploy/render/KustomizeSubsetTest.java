package io.agentdlp.deploy.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class KustomizeSubsetTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: acme/web:1.0
                      args: [serve, --fast]
                      env:
                        - {name: A, value: "1"}
                        - {name: B, value: "2"}
                        - {name: C, value: "3"}
                    - name: sidecar
                      image: acme/side:2
            """;

    @TempDir
    Path dir;

    @Test
    void keyedListsMergeLikeKustomizeAndOtherListsAreReplaced() throws IOException {
        write("base/kustomization.yaml", "resources: [web.yaml]\n");
        write("base/web.yaml", DEPLOYMENT);
        write("overlay/kustomization.yaml", """
                namespace: team
                labels: [{pairs: {tier: front}}]
                resources: [../base]
                patches: [{path: patch.yaml}]
                images: [{name: acme/web, newName: reg.example:5000/acme/web, newTag: "2.0"}]
                """);
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: 3
                  template:
                    spec:
                      containers:
                        - name: app
                          args: [serve]
                          env:
                            - {name: B, value: "20"}
                            - {name: D, value: "4"}
                            - {name: C, value: null}
                """);
        ObjectNode web = single(KustomizeSubset.render(dir.resolve("overlay")));

        assertThat(web.at("/metadata/namespace").asText()).isEqualTo("team");
        assertThat(web.at("/metadata/labels/tier").asText()).isEqualTo("front");
        assertThat(web.at("/spec/template/metadata/labels").isMissingNode()).as("labels stay off templates").isTrue();
        assertThat(web.at("/spec/replicas").asInt()).isEqualTo(3);
        JsonNode app = web.at("/spec/template/spec/containers/0");
        assertThat(app.path("name").asText()).isEqualTo("app");
        assertThat(app.path("image").asText()).isEqualTo("reg.example:5000/acme/web:2.0");
        assertThat(app.path("args")).hasSize(1);
        // patched elements first, in patch order, then the untouched originals; C merged with a null value
        assertThat(app.path("env").findValuesAsText("name")).containsExactly("B", "D", "C", "A");
        assertThat(app.at("/env/0/value").asText()).isEqualTo("20");
        assertThat(app.at("/env/2/value").isMissingNode()).isTrue();
        assertThat(web.at("/spec/template/spec/containers/1/image").asText()).isEqualTo("acme/side:2");
    }

    @Test
    void customResourcesGetJsonMergePatchSoListsAreReplacedWhole() throws IOException {
        write("k/kustomization.yaml", "resources: [kafka.yaml]\npatches: [{path: p.yaml}]\n");
        write("k/kafka.yaml", """
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: k}
                spec: {kafka: {listeners: [{name: a}, {name: b}], config: {x: 1, y: 2}}}
                """);
        write("k/p.yaml", """
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: k}
                spec: {kafka: {listeners: [{name: c}], config: {y: null, z: 3}}}
                """);
        ObjectNode kafka = single(KustomizeSubset.render(dir.resolve("k")));
        assertThat(kafka.at("/spec/kafka/listeners").findValuesAsText("name")).containsExactly("c");
        assertThat(kafka.at("/spec/kafka/config").toString()).isEqualTo("{\"x\":1,\"z\":3}");
    }

    @Test
    void generatesConfigMapsFromFilesWithoutHashSuffix() throws IOException {
        write("d/kustomization.yaml", """
                generatorOptions: {disableNameSuffixHash: true, labels: {grafana_dashboard: "1"}}
                configMapGenerator: [{name: dash, files: [board.json]}]
                """);
        write("d/board.json", "{\"title\": \"x\"}\n");
        ObjectNode cm = single(KustomizeSubset.render(dir.resolve("d")));
        assertThat(cm.at("/metadata/name").asText()).isEqualTo("dash");
        assertThat(cm.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        assertThat(cm.at("/data/board.json").asText()).isEqualTo("{\"title\": \"x\"}\n");
    }

    @Test
    void refusesWhatItDoesNotImplement() throws IOException {
        write("a/kustomization.yaml", "namePrefix: x-\nresources: []\n");
        assertThatThrownBy(() -> KustomizeSubset.render(dir.resolve("a")))
                .isInstanceOf(KustomizeException.class).hasMessageContaining("namePrefix");

        write("b/kustomization.yaml", "configMapGenerator: [{name: c, files: [f]}]\n");
        write("b/f", "v");
        assertThatThrownBy(() -> KustomizeSubset.render(dir.resolve("b")))
                .isInstanceOf(KustomizeException.class).hasMessageContaining("disableNameSuffixHash");

        write("c/kustomization.yaml", "resources: [web.yaml]\npatches: [{path: p.yaml}]\n");
        write("c/web.yaml", DEPLOYMENT);
        write("c/p.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec: {template: {spec: {containers: [{name: app, ports: [{containerPort: 80}]}]}}}
                """);
        assertThatThrownBy(() -> KustomizeSubset.render(dir.resolve("c")))
                .isInstanceOf(KustomizeException.class).hasMessageContaining("ports");

        write("e/kustomization.yaml", "resources: [web.yaml]\npatches: [{path: p.yaml}]\n");
        write("e/web.yaml", DEPLOYMENT);
        write("e/p.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: other}\nspec: {replicas: 2}\n");
        assertThatThrownBy(() -> KustomizeSubset.render(dir.resolve("e")))
                .isInstanceOf(KustomizeException.class).hasMessageContaining("matched 0");
    }

    private ObjectNode single(List<ObjectNode> objects) {
        assertThat(objects).hasSize(1);
        return objects.get(0);
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
