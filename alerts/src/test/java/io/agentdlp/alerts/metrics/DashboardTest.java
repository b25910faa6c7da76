package io.agentdlp.alerts.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentdlp.alerts.feed.AlertJson;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard of the pipeline ({@code deploy-k8s/dashboards/agentdlp.json}): well-formed,
 * covering every stage, and every alerts-service metric it charts is one this service exports.
 */
class DashboardTest {
    private static final Path DASHBOARD = Path.of("..", "deploy-k8s", "dashboards", "agentdlp.json");
    private static final Pattern METRIC = Pattern.compile("\\b(agentdlp_alerts_[a-z_]+)");

    @Test
    void everyPanelQueriesPrometheusThroughTheDatasourceVariable() throws Exception {
        JsonNode d = AlertJson.MAPPER.readTree(Files.readString(DASHBOARD));
        assertThat(d.path("uid").asText()).isEqualTo("agentdlp-pipeline");
        Set<Integer> ids = new HashSet<>();
        StringBuilder exprs = new StringBuilder();
        for (JsonNode p : d.path("panels")) {
            assertThat(ids.add(p.path("id").asInt())).as("unique panel id %s", p.path("id")).isTrue();
            if (p.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(p.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            assertThat(p.path("targets")).isNotEmpty();
            for (JsonNode t : p.path("targets")) {
                assertThat(t.path("expr").asText()).isNotBlank();
                exprs.append(t.path("expr").asText()).append('\n');
            }
        }
        assertThat(exprs.toString()).contains("agentdlp_gateway_", "agentdlp_proxy_", "dlp_events_in_total",
                "dlp_alerts_total", "kafka_stream_", "agentdlp_alerts_sink_");
    }

    @Test
    void theAlertsMetricsItChartsExist() throws Exception {
        AlertsMetrics m = new AlertsMetrics();
        m.alertReceived("HIGH", "secret");
        m.recordUndecodable("dlp-alerts");
        m.storeSize(() -> 1);
        m.triage("acknowledge");
        m.login("success");
        m.httpRequest("GET", 200);
        m.auditFailed();
        SinkMeters s = m.sink("siem", "splunk-hec");
        s.delivered(1);
        s.failed(1, true);
        s.deadLettered(1);
        s.filtered();
        s.latency(Duration.ofMillis(12));
        s.pending(3);
        String scrape = m.scrape();

        Set<String> charted = new LinkedHashSet<>();
        Matcher matcher = METRIC.matcher(Files.readString(DASHBOARD));
        while (matcher.find()) {
            charted.add(matcher.group(1));
        }
        assertThat(charted).hasSizeGreaterThan(10);
        for (String name : charted) {
            assertThat(scrape).as("metric %s charted on the dashboard", name).containsPattern("(?m)^" + name + "[{ ]");
        }
    }
}
