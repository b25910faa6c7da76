package io.agentdlp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * No secret value in the manifests: no Secret objects, credentials only through secretKeyRef or
 * secret volumes, and every Secret that the platform (not Strimzi) must create is documented.
 */
class SecretsByReferenceTest {
    private static final Pattern SENSITIVE_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|JAAS|CREDENTIAL|_KEY$|API_KEY).*");
    private static final Pattern SECRET_LOOKING = Pattern.compile(
            "(?i)((password|passwd|secret|token|api[_-]?key)[\"']?\\s*[=:]\\s*[\"']?[A-Za-z0-9+/_-]{12,})|(-----BEGIN [A-Z ]*PRIVATE KEY-----)");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void credentialsAreOnlyReferencedNeverWritten(Overlay overlay) {
        var m = overlay.manifests();
        assertThat(m.ofKind("Secret")).isEmpty();
        for (JsonNode w : m.workloads()) {
            for (JsonNode c : Manifests.podSpec(w).path("containers")) {
                for (JsonNode e : c.path("env")) {
                    String name = e.path("name").asText();
                    if (!SENSITIVE_NAME.matcher(name).matches()) {
                        continue;
                    }
                    if (e.has("value")) {
                        assertThat(e.path("value").asText()).as("%s %s may only name a mounted file", Manifests.id(w), name).startsWith("/");
                    } else {
                        assertThat(e.at("/valueFrom/secretKeyRef/name").asText()).as("%s %s", Manifests.id(w), name).isNotEmpty();
                    }
                }
            }
        }
        for (JsonNode cm : m.ofKind("ConfigMap")) {
            cm.path("data").fields().forEachRemaining(d -> assertThat(SECRET_LOOKING.matcher(d.getValue().asText()).find())
                    .as("%s key %s looks like it holds a credential", Manifests.id(cm), d.getKey()).isFalse());
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everySecretNotWrittenByStrimziIsDocumentedForThePlatformTeam(Overlay overlay) throws IOException {
        var m = overlay.manifests();
        Set<String> strimzi = new TreeSet<>();
        m.ofKind("KafkaUser").forEach(u -> strimzi.add(Manifests.name(u)));
        m.ofKind("Kafka").forEach(k -> strimzi.add(Manifests.name(k) + "-cluster-ca-cert"));
        Set<String> referenced = new TreeSet<>();
        for (JsonNode w : m.workloads()) {
            JsonNode pod = Manifests.podSpec(w);
            referenced.addAll(pod.findValuesAsText("secretName"));
            for (JsonNode ref : pod.findValues("secretKeyRef")) {
                referenced.add(ref.path("name").asText());
            }
        }
        for (JsonNode ingress : m.ofKind("Ingress")) {
            referenced.addAll(ingress.findValuesAsText("secretName"));
        }
        String guide = Files.readString(Overlay.moduleDir().resolve("../docs/deploy-k8s.md"));
        for (String secret : referenced) {
            if (!strimzi.contains(secret)) {
                assertThat(guide).as("docs/deploy-k8s.md must tell how to create Secret %s", secret).contains("`" + secret + "`");
            }
        }
        assertThat(referenced).as("every KafkaUser is used by a workload").containsAll(strimzi);
    }
}
