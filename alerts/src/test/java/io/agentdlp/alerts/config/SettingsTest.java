package io.agentdlp.alerts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.agentdlp.alerts.AlertsConfig;
import io.agentdlp.alerts.feed.AlertLinks;
import io.agentdlp.alerts.sink.SinkFactory;
import io.agentdlp.alerts.sink.SinkFilter;
import io.agentdlp.alerts.sink.format.ProductInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void fileThenEnvironmentThenOverridesWin() throws Exception {
        Path f = dir.resolve("alerts.properties");
        Files.writeString(f, "alerts.http.port=9000\nalerts.http.host=0.0.0.0\nalerts.sinks=a, b ,,c\n");
        Settings s = Settings.load(f, Map.of("AGENTDLP_ALERTS_HTTP_PORT", "9100", "AGENTDLP_ALERTS_STORE_MAX_ALERTS", "5"),
                Map.of("alerts.http.host", "127.0.0.1"), AlertsConfig.KEYS);
        assertThat(s.integer("alerts.http.port", 0)).isEqualTo(9100);
        assertThat(s.integer("alerts.store.max-alerts", 0)).isEqualTo(5);
        assertThat(s.string("alerts.http.host", null)).isEqualTo("127.0.0.1");
        assertThat(s.list("alerts.sinks")).containsExactly("a", "b", "c");
        assertThat(Settings.envName("alerts.auth.oidc.jwks-url")).isEqualTo("AGENTDLP_ALERTS_AUTH_OIDC_JWKS_URL");
    }

    @Test
    void kafkaClientPropertiesAndSinkKeysComeFromTheEnvironment() {
        Settings s = AlertsConfig.load(null, Map.of(
                "AGENTDLP_BOOTSTRAP_SERVERS", "kafka:9093",
                "AGENTDLP_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "AGENTDLP_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "AGENTDLP_SCHEMA_REGISTRY_URL", "https://registry:8081",
                "AGENTDLP_ALERTS_SINKS", "splunk",
                "AGENTDLP_ALERTS_SINK_SPLUNK_TYPE", "splunk-hec",
                "AGENTDLP_ALERTS_SINK_SPLUNK_TOKEN", "hec-token",
                "AGENTDLP_ALERTS_SINK_SPLUNK_MIN_SEVERITY", "HIGH"), Map.of("alerts.http.port", "0"));
        AlertsConfig cfg = new AlertsConfig(s);
        assertThat(cfg.kafka()).containsEntry("bootstrap.servers", "kafka:9093").containsEntry("security.protocol", "SASL_SSL")
                .containsKey("sasl.jaas.config");
        assertThat(cfg.serde()).containsEntry("schema.registry.url", "https://registry:8081");
        assertThat(cfg.sinkNames()).containsExactly("splunk");
        assertThat(cfg.sink("splunk").raw()).containsEntry("type", "splunk-hec").containsEntry("token", "hec-token")
                .containsEntry("min-severity", "HIGH");
        assertThat(cfg.console().port()).isZero();
    }

    @Test
    void secretsCanComeFromFilesAndErrorsNameTheKeyNotTheValue() throws Exception {
        Path token = dir.resolve("hec-token");
        Files.writeString(token, "  tok-123\n");
        Settings s = new Settings(Map.of("alerts.sink.s.token", "${file:" + token + "}", "x.port", "eighty",
                "x.wait", "10 parsecs", "x.flag", "maybe"));
        assertThat(s.required("alerts.sink.s.token")).isEqualTo("tok-123");
        assertThatThrownBy(() -> s.integer("x.port", 1)).hasMessageContaining("x.port");
        assertThatThrownBy(() -> s.duration("x.wait", Duration.ZERO)).hasMessageContaining("x.wait");
        assertThatThrownBy(() -> s.bool("x.flag", true)).hasMessageContaining("x.flag");
        assertThatThrownBy(() -> new Settings(Map.of("k", "${env:AGENTDLP_SURELY_UNSET_VARIABLE}")).required("k"))
                .hasMessageContaining("AGENTDLP_SURELY_UNSET_VARIABLE");
        assertThat(Settings.parseDuration("k", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Settings.parseDuration("k", "7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Settings.parseDuration("k", "PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void sinkDefinitionsAreValidatedWithoutEchoingCredentials() {
        SinkFactory f = new SinkFactory(new ProductInfo("agentdlp", "agentdlp", "t"), AlertLinks.none(), System.out);
        assertThatThrownBy(() -> f.create("x", new Settings(Map.of("type", "carrier-pigeon")), id -> false))
                .hasMessageContaining("unknown sink type");
        assertThatThrownBy(() -> f.create("x", new Settings(Map.of("type", "slack", "url", "ftp://hooks/T0/secret")), id -> false))
                .hasMessageContaining("http(s)").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> f.create("x", new Settings(Map.of("type", "splunk-hec", "url", "https://s:8088")), id -> false))
                .hasMessageContaining("alerts.sink.x.token");
        var d = f.create("es", new Settings(Map.of("type", "elastic", "url", "https://es:9200", "min-severity", "high",
                "detectors", "secret,pii", "retry.max-attempts", "3", "header.Authorization", "ApiKey x")), id -> false);
        assertThat(d.sink().type()).isEqualTo("elastic");
        assertThat(((SinkFilter) d.filter()).detectors()).containsExactlyInAnyOrder("secret", "pii");
        assertThat(d.retry().maxAttempts()).isEqualTo(3);
        assertThat(d.startFrom()).isEqualTo("earliest");
        assertThat(List.of("ocsf-stdout", "webhook", "syslog")).allSatisfy(t -> {
            Map<String, String> m = switch (t) {
                case "webhook" -> Map.of("type", t, "url", "https://hooks.example.com/x");
                case "syslog" -> Map.of("type", t, "host", "siem.example.com", "protocol", "udp");
                default -> Map.of("type", t);
            };
            assertThat(f.create("n", new Settings(m), id -> false).sink().type()).isEqualTo(t);
        });
    }
}
