package io.agentdlp.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RegistryClientConfigTest {
    @Test
    void readsConfluentKeysAndDefaults() {
        RegistryClientConfig c = RegistryClientConfig.fromProperties(Map.of(
                "schema.registry.url", "http://a:8081/, http://b:8081",
                "max.retries", "5", "retries.wait.ms", 10, "latest.cache.ttl.sec", "60",
                "bootstrap.servers", "ignored:9092"));

        assertThat(c.urls()).containsExactly(URI.create("http://a:8081"), URI.create("http://b:8081"));
        assertThat(c.retry()).isEqualTo(new RetryBackoff(5, Duration.ofMillis(10), Duration.ofMillis(20000)));
        assertThat(c.latestTtl()).contains(Duration.ofSeconds(60));
        assertThat(c.credentials()).isEmpty();
        assertThat(c.sslContext()).isEmpty();
        assertThat(RegistryClientConfig.of(java.util.List.of(URI.create("http://x:1"))).latestTtl()).isEqualTo(Optional.empty());
    }

    @Test
    void userInfoFromUrlIsMovedOutOfTheUrlAndHiddenFromToString() {
        RegistryClientConfig c = RegistryClientConfig.fromProperties(Map.of("schema.registry.url", "http://bob:pa%3Ass@reg:8081"));

        assertThat(c.urls()).containsExactly(URI.create("http://reg:8081"));
        assertThat(c.credentials()).contains(new BasicCredentials("bob", "pa:ss"));
        assertThat(c.toString()).doesNotContain("pa:ss").contains("bob");
    }

    @Test
    void userInfoSourceRequiresTheUserInfoAndAcceptsTheOlderKey() {
        assertThatThrownBy(() -> RegistryClientConfig.fromProperties(Map.of("schema.registry.url", "http://r:1",
                "basic.auth.credentials.source", "USER_INFO"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info");

        RegistryClientConfig c = RegistryClientConfig.fromProperties(Map.of("schema.registry.url", "http://r:1",
                "basic.auth.credentials.source", "USER_INFO", "schema.registry.basic.auth.user.info", "u:p"));
        assertThat(c.credentials()).contains(new BasicCredentials("u", "p"));
    }

    @Test
    void rejectsMissingOrMalformedUrlsWithoutEchoingPasswords() {
        assertThatThrownBy(() -> RegistryClientConfig.fromProperties(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> RegistryClientConfig.fromProperties(Map.of("schema.registry.url", "ftp://u:topsecret@h/")))
                .isInstanceOf(ConfigException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret"));
        assertThatThrownBy(() -> RegistryClientConfig.fromProperties(Map.of("schema.registry.url", "http://r:1",
                "basic.auth.credentials.source", "SASL_INHERIT"))).isInstanceOf(ConfigException.class);
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryBackoff b = new RetryBackoff(10, Duration.ofMillis(100), Duration.ofMillis(1000));

        assertThat(b.delayBefore(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.delayBefore(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(b.delayBefore(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(b.delayBefore(5)).isEqualTo(Duration.ofMillis(1000));
        assertThat(b.delayBefore(64)).isEqualTo(Duration.ofMillis(1000));
    }
}
