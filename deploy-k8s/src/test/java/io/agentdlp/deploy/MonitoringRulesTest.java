package io.agentdlp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Prometheus scrapes every component; the alert rules cover the pipeline's failure modes; Grafana gets the dashboard. */
class MonitoringRulesTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void alertRulesCoverLagDeadLettersStreamsStateAlertSpikesAndSinks(Overlay overlay) throws IOException {
        List<JsonNode> rules = new ArrayList<>();
        overlay.manifests().ofKind("PrometheusRule").forEach(r -> r.at("/spec/groups").forEach(g -> g.path("rules").forEach(rules::add)));
        String exprs = rules.stream().map(r -> r.path("expr").asText()).collect(Collectors.joining("\n"));
        assertThat(exprs).contains("kafka_consumergroup_lag", "dlp-dead-letter", "agentdlp-topology", "dlp-alerts", "sink");

        Set<String> anchors = headingAnchors(Files.readString(Overlay.moduleDir().resolve("../docs/deploy-k8s.md")));
        for (JsonNode r : rules) {
            String alert = r.path("alert").asText();
            assertThat(r.at("/labels/severity").asText()).as(alert).isIn("warning", "critical");
            assertThat(r.at("/annotations/summary").asText()).as(alert).isNotBlank();
            String runbook = r.at("/annotations/runbook_url").asText();
            assertThat(runbook).as(alert).startsWith("docs/deploy-k8s.md#");
            assertThat(anchors).as("runbook section for %s", alert).contains(runbook.substring(runbook.indexOf('#') + 1));
            assertThat(r.path("expr").asText()).as(alert).doesNotContain("\t");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyComponentServiceIsScrapedAndTheDashboardIsShipped(Overlay overlay) throws IOException {
        var m = overlay.manifests();
        List<JsonNode> monitors = new ArrayList<>(m.ofKind("ServiceMonitor"));
        for (JsonNode svc : m.ofKind("Service")) {
            if (svc.at("/spec/clusterIP").asText().equals("None")) {
                continue;
            }
            assertThat(monitors).as("ServiceMonitor for %s", Manifests.id(svc)).anySatisfy(sm -> {
                assertThat(PodSelectors.matches(sm.at("/spec/selector"), svc.at("/metadata/labels"))).isTrue();
                assertThat(svc.at("/spec/ports").findValuesAsText("name")).contains(sm.at("/spec/endpoints/0/port").asText());
            });
        }
        JsonNode dashboard = m.get("ConfigMap", "agentdlp-grafana-dashboard");
        assertThat(dashboard.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        JsonNode json = new ObjectMapper().readTree(dashboard.at("/data/agentdlp.json").asText());
        assertThat(json.isObject()).isTrue();
    }

    /** GitHub-style heading anchors: lower case, punctuation dropped, spaces to dashes. */
    static Set<String> headingAnchors(String markdown) {
        return markdown.lines().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "").trim().replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
