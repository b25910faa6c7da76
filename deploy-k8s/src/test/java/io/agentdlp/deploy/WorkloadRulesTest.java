package io.agentdlp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.agentdlp.topics.Topics;

/** Rules every workload obeys: restricted security context, resources, probes, graceful shutdown. */
class WorkloadRulesTest {
    private static final Pattern ENV_REF = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyPodRunsWithTheRestrictedSecurityContext(Overlay overlay) {
        for (JsonNode w : overlay.manifests().workloads()) {
            JsonNode pod = Manifests.podSpec(w);
            String id = Manifests.id(w);
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as("%s runAsNonRoot", id).isTrue();
            assertThat(pod.at("/securityContext/runAsUser").asInt(0)).as("%s runAsUser", id).isPositive();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).as("%s seccomp", id).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as("%s service account token", id).isFalse();
            assertThat(pod.path("hostNetwork").asBoolean(false) || pod.path("hostPID").asBoolean(false)).isFalse();
            for (JsonNode c : pod.path("containers")) {
                String cid = id + "/" + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as("%s allowPrivilegeEscalation", cid).isFalse();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean(false)).as("%s readOnlyRootFilesystem", cid).isTrue();
                assertThat(sc.path("privileged").asBoolean(false)).as("%s privileged", cid).isFalse();
                assertThat(sc.at("/capabilities/drop").toString()).as("%s drops ALL capabilities", cid).contains("\"ALL\"");
                assertThat(sc.at("/capabilities/add").size()).as("%s adds no capability", cid).isZero();
                assertThat(sc.path("runAsUser").asInt(1)).as("%s runAsUser", cid).isPositive();
                assertThat(sc.at("/seccompProfile/type").asText("RuntimeDefault")).isEqualTo("RuntimeDefault");
                assertThat(volumeAt(pod, c, "/tmp").at("/emptyDir/sizeLimit").asText())
                        .as("%s needs a size-limited emptyDir at /tmp", cid).isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyContainerHasResourcesAndHealthProbes(Overlay overlay) {
        for (JsonNode w : overlay.manifests().workloads()) {
            for (JsonNode c : Manifests.podSpec(w).path("containers")) {
                String cid = Manifests.id(w) + "/" + c.path("name").asText();
                JsonNode r = c.path("resources");
                assertThat(r.at("/requests/cpu").asText()).as("%s cpu request", cid).isNotEmpty();
                assertThat(r.at("/requests/memory").asText()).as("%s memory request", cid).isNotEmpty();
                // The JVM sizes itself from the limit; a request below it invites OOM kills under pressure.
                assertThat(r.at("/limits/memory").asText()).as("%s memory limit = request", cid).isEqualTo(r.at("/requests/memory").asText());
                for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
                    JsonNode get = c.path(probe).path("httpGet");
                    assertThat(get.path("path").asText()).as("%s %s path", cid, probe).startsWith("/");
                    assertThat(namedPorts(c)).as("%s %s port", cid, probe).contains(get.path("port").asText());
                }
                if (Set.of("topology", "gateway", "proxy", "alerts").contains(c.at("/args/0").asText())) {
                    // the components' real health: liveness = process serving, readiness = caught up / RUNNING
                    assertThat(c.at("/livenessProbe/httpGet/path").asText()).as("%s liveness", cid).contains("health");
                    assertThat(c.at("/readinessProbe/httpGet/path").asText()).as("%s readiness", cid).contains("ready");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void agentdlpContainersShutDownGracefullyAndUseOneImage(Overlay overlay) {
        Set<String> images = new HashSet<>();
        for (JsonNode w : overlay.manifests().workloads()) {
            JsonNode pod = Manifests.podSpec(w);
            for (JsonNode c : pod.path("containers")) {
                String image = c.path("image").asText();
                assertThat(image).as("image of %s", Manifests.id(w)).doesNotEndWith(":latest").contains(":");
                if (!image.contains("agentdlp/agentdlp")) {
                    continue;
                }
                images.add(image);
                int sleep = c.at("/lifecycle/preStop/sleep/seconds").asInt(0);
                assertThat(sleep).as("%s preStop sleep", Manifests.id(w)).isPositive();
                assertThat(pod.path("terminationGracePeriodSeconds").asInt(30)).as("%s grace period", Manifests.id(w))
                        .isGreaterThanOrEqualTo(sleep + 20);
                assertThat(c.path("env").findValuesAsText("name")).contains("JAVA_TOOL_OPTIONS");
            }
        }
        assertThat(images).hasSize(1);
        if (overlay == Overlay.PROD) {
            assertThat(images.iterator().next()).doesNotContain("SNAPSHOT");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void environmentReferencesOnlyVariablesDefinedBeforeThem(Overlay overlay) {
        // $(VAR) expands only from variables earlier in the list; patches reorder env entries.
        for (JsonNode w : overlay.manifests().workloads()) {
            for (JsonNode c : Manifests.podSpec(w).path("containers")) {
                Set<String> defined = new HashSet<>();
                for (JsonNode e : c.path("env")) {
                    Matcher m = ENV_REF.matcher(e.path("value").asText());
                    while (m.find()) {
                        assertThat(defined).as("%s: %s uses $(%s) before it is defined", Manifests.id(w),
                                e.path("name").asText(), m.group(1)).contains(m.group(1));
                    }
                    defined.add(e.path("name").asText());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyWorkloadHasADisruptionBudgetAndStatelessOnesAnAutoscaler(Overlay overlay) {
        var m = overlay.manifests();
        for (JsonNode w : m.workloads()) {
            JsonNode selector = w.at("/spec/selector/matchLabels");
            assertThat(m.ofKind("PodDisruptionBudget")).as("PDB for %s", Manifests.id(w))
                    .anySatisfy(pdb -> assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(selector));
        }
        for (String c : new String[] {"agentdlp-gateway", "agentdlp-proxy", "agentdlp-alerts"}) {
            JsonNode d = m.get("Deployment", c);
            assertThat(d.at("/spec/replicas").isMissingNode()).as("%s replicas belong to its HPA", c).isTrue();
            JsonNode hpa = m.get("HorizontalPodAutoscaler", c);
            assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(c);
            assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
            int min = hpa.at("/spec/minReplicas").asInt();
            assertThat(hpa.at("/spec/maxReplicas").asInt()).isGreaterThanOrEqualTo(min);
            if (overlay == Overlay.DEV) {
                assertThat(hpa.at("/spec/maxReplicas").asInt()).as("dev runs one replica of %s", c).isEqualTo(1);
            } else {
                assertThat(min).as("prod survives losing a pod of %s", c).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void topologyIsAStatefulSetWithOwnStateStaticMembershipAndStandbys(Overlay overlay) {
        var m = overlay.manifests();
        JsonNode sts = m.get("StatefulSet", "agentdlp-topology");
        JsonNode c = Manifests.podSpec(sts).path("containers").get(0);
        assertThat(sts.at("/spec/volumeClaimTemplates/0/metadata/name").asText()).isEqualTo("state");
        assertThat(c.path("volumeMounts").findValuesAsText("name")).contains("state");
        String stateDir = env(c, "AGENTDLP_STATE_DIR");
        assertThat(c.path("volumeMounts")).anySatisfy(v -> {
            assertThat(v.path("name").asText()).isEqualTo("state");
            assertThat(v.path("mountPath").asText()).isEqualTo(stateDir);
        });
        assertThat(c.path("env")).anySatisfy(e -> {
            assertThat(e.path("name").asText()).isEqualTo("POD_NAME");
            assertThat(e.at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");
        });
        assertThat(env(c, "AGENTDLP_STREAMS_GROUP_INSTANCE_ID")).isEqualTo("$(POD_NAME)");
        assertThat(env(c, "AGENTDLP_APPLICATION_SERVER")).startsWith("$(POD_NAME)." + sts.at("/spec/serviceName").asText());
        assertThat(m.get("Service", sts.at("/spec/serviceName").asText()).at("/spec/clusterIP").asText()).isEqualTo("None");

        int replicas = sts.at("/spec/replicas").asInt();
        int threads = Integer.parseInt(env(c, "AGENTDLP_NUM_STREAM_THREADS"));
        int standbys = Integer.parseInt(env(c, "AGENTDLP_NUM_STANDBY_REPLICAS"));
        // A stream thread beyond the input partitions would sit idle.
        assertThat(replicas * threads).isLessThanOrEqualTo(Topics.EGRESS_EVENTS.partitions());
        if (overlay == Overlay.PROD) {
            assertThat(replicas).isGreaterThanOrEqualTo(3);
            assertThat(standbys).isBetween(1, replicas - 1);
        } else {
            assertThat(replicas).isEqualTo(1);
            assertThat(standbys).isZero();
        }
    }

    static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        throw new AssertionError("no env " + name + " in container " + container.path("name").asText());
    }

    private static Set<String> namedPorts(JsonNode container) {
        Set<String> s = new HashSet<>();
        container.path("ports").forEach(p -> s.add(p.path("name").asText()));
        return s;
    }

    private static JsonNode volumeAt(JsonNode pod, JsonNode container, String mountPath) {
        for (JsonNode vm : container.path("volumeMounts")) {
            if (vm.path("mountPath").asText().equals(mountPath)) {
                for (JsonNode v : pod.path("volumes")) {
                    if (v.path("name").asText().equals(vm.path("name").asText())) {
                        return v;
                    }
                }
            }
        }
        throw new AssertionError("no volume mounted at " + mountPath + " in " + container.path("name").asText());
    }
}
