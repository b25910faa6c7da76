package io.agentdlp.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RegistryServerConfigTest {

    @Test
    void defaultsSuitAnEmbeddedRegistry() {
        RegistryServerConfig c = RegistryServerConfig.builder("localhost:9092").build();
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8081);
        assertThat(c.topic()).isEqualTo("_schemas");
        assertThat(c.defaultCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(c.maxRequestBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(c.basicAuthEnabled()).isFalse();
        assertThat(c.replicationFactor()).isZero();
    }

    @Test
    void propertiesSetEverySettingAndPassKafkaClientKeysThrough() {
        RegistryServerConfig c = RegistryServerConfig.fromProperties(Map.ofEntries(
                Map.entry("bootstrap.servers", "k1:9092,k2:9092"), Map.entry("registry.host", "0.0.0.0"),
                Map.entry("registry.port", "0"), Map.entry("registry.topic", "team._schemas"),
                Map.entry("registry.topic.replication.factor", "3"), Map.entry("registry.default.compatibility", "full"),
                Map.entry("registry.max.request.bytes", "2048"), Map.entry("registry.basic.auth.users", "a:x, b:y"),
                Map.entry("registry.basic.auth.users.file", "/etc/users"), Map.entry("registry.http.threads", "2"),
                Map.entry("registry.init.timeout.ms", "1500"), Map.entry("registry.write.timeout.ms", "2500"),
                Map.entry("registry.tls.keystore.path", "/k.p12"), Map.entry("registry.tls.keystore.password", "pw"),
                Map.entry("kafka.security.protocol", "SASL_SSL"), Map.entry("kafka.sasl.jaas.config", "secret-jaas"),
                Map.entry("unrelated.key", "ignored"))).build();
        assertThat(c.bootstrapServers()).isEqualTo("k1:9092,k2:9092");
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isZero();
        assertThat(c.topic()).isEqualTo("team._schemas");
        assertThat(c.replicationFactor()).isEqualTo(3);
        assertThat(c.defaultCompatibility()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(c.maxRequestBytes()).isEqualTo(2048);
        assertThat(c.basicAuthUsers()).containsExactly("a:x", "b:y");
        assertThat(c.basicAuthUsersFile()).isEqualTo(Path.of("/etc/users"));
        assertThat(c.httpThreads()).isEqualTo(2);
        assertThat(c.initTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.writeTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.tlsKeyStore()).isEqualTo(Path.of("/k.p12"));
        assertThat(c.tlsKeyStoreType()).isEqualTo("PKCS12");
        assertThat(c.kafkaClientProperties()).isEqualTo(Map.of("security.protocol", "SASL_SSL", "sasl.jaas.config", "secret-jaas"));
        assertThat(c.toString()).doesNotContain("secret-jaas", "a:x", "pw");
    }

    @Test
    void kafkaPrefixedBootstrapServersAreTheBootstrapServers() {
        assertThat(RegistryServerConfig.fromProperties(Map.of("kafka.bootstrap.servers", "b:1")).build().bootstrapServers())
                .isEqualTo("b:1");
        assertThat(RegistryServerConfig.fromProperties(Map.of("kafka.bootstrap.servers", "b:1")).build().kafkaClientProperties()).isEmpty();
    }

    @Test
    void environmentVariablesMapToPropertyKeys() {
        Map<String, String> props = RegistryServerConfig.propertiesFromEnvironment(Map.of(
                "AGENTDLP_REGISTRY_PORT", "9999", "AGENTDLP_BOOTSTRAP_SERVERS", "k:9092",
                "AGENTDLP_REGISTRY_BASIC_AUTH_USERS_FILE", "/u", "AGENTDLP_KAFKA_SASL_JAAS_CONFIG", "jaas",
                "AGENTDLP_KAFKA_SECURITY_PROTOCOL", "SSL", "AGENTDLP_REGISTRY_HOST", " ", "PATH", "/bin"));
        assertThat(props).isEqualTo(Map.of("registry.port", "9999", "bootstrap.servers", "k:9092",
                "registry.basic.auth.users.file", "/u", "kafka.sasl.jaas.config", "jaas", "kafka.security.protocol", "SSL"));
        assertThat(RegistryServerConfig.envName(RegistryServerConfig.MAX_REQUEST_BYTES)).isEqualTo("AGENTDLP_REGISTRY_MAX_REQUEST_BYTES");
    }

    @Test
    void invalidValuesNameTheirKey() {
        assertThatThrownBy(() -> RegistryServerConfig.fromProperties(Map.of("registry.port", "http")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registry.port");
        assertThatThrownBy(() -> RegistryServerConfig.fromProperties(Map.of("registry.default.compatibility", "SIDEWAYS")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registry.default.compatibility");
        assertThatThrownBy(() -> RegistryServerConfig.fromProperties(Map.of("registry.port", "1")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap.servers");
        assertThatThrownBy(() -> RegistryServerConfig.builder("k:1").port(70000).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegistryServerConfig.builder("k:1").httpThreads(0).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
