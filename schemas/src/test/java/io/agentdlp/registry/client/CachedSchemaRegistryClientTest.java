package io.agentdlp.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Caching in front of the HTTP client, counted by the requests a real HTTP server receives. */
class CachedSchemaRegistryClientTest {
    private FakeConfluentRegistry registry;
    private final AtomicLong nanos = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        registry = FakeConfluentRegistry.start();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private static Schema record(String name) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"n\",\"type\":\"long\"}]}");
    }

    private static String schemaJson(Schema s) {
        return new ObjectMapper().createObjectNode().put("schema", s.toString()).toString();
    }

    private CachedSchemaRegistryClient cached(int capacity, Optional<Duration> latestTtl) {
        HttpSchemaRegistryClient http = new HttpSchemaRegistryClient(
                RegistryClientConfig.fromProperties(Map.of(RegistryClientConfig.URL_CONFIG, registry.url().toString())));
        return new CachedSchemaRegistryClient(http, capacity, latestTtl, nanos::get);
    }

    @Test
    void registersOncePerSubjectAndSchemaAndKnowsTheSchemaOfTheId() {
        Schema a = record("A");
        registry.on("POST", "/subjects/t-value/versions", 200, "{\"id\":3}");
        CachedSchemaRegistryClient c = cached(10, Optional.empty());

        assertThat(c.register("t-value", a)).isEqualTo(3);
        assertThat(c.register("t-value", a)).isEqualTo(3);
        assertThat(c.schemaById(3)).isSameAs(a);

        assertThat(registry.count("POST", "/subjects/t-value/versions")).isEqualTo(1);
        assertThat(registry.count("GET", "/schemas/ids/3")).isZero();
    }

    @Test
    void evictsTheLeastRecentlyUsedSchemaBeyondCapacity() {
        for (int id = 1; id <= 3; id++) {
            registry.on("GET", "/schemas/ids/" + id, 200, schemaJson(record("R" + id)));
        }
        CachedSchemaRegistryClient c = cached(2, Optional.empty());

        c.schemaById(1);
        c.schemaById(2);
        c.schemaById(1);
        c.schemaById(3);
        c.schemaById(1);
        c.schemaById(2);

        assertThat(registry.count("GET", "/schemas/ids/1")).isEqualTo(1);
        assertThat(registry.count("GET", "/schemas/ids/2")).isEqualTo(2);
        assertThat(registry.count("GET", "/schemas/ids/3")).isEqualTo(1);
    }

    @Test
    void latestVersionIsReusedForItsTimeToLive() {
        Schema a = record("A");
        registry.on("GET", "/subjects/t-value/versions/latest", 200,
                "{\"subject\":\"t-value\",\"id\":4,\"version\":1,\"schema\":" + new ObjectMapper().createObjectNode().put("s", a.toString()).get("s") + "}");
        CachedSchemaRegistryClient c = cached(10, Optional.of(Duration.ofSeconds(30)));

        c.latest("t-value");
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        c.latest("t-value");
        assertThat(registry.count("GET", "/subjects/t-value/versions/latest")).isEqualTo(1);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(c.latest("t-value").id()).isEqualTo(4);
        assertThat(registry.count("GET", "/subjects/t-value/versions/latest")).isEqualTo(2);
    }

    @Test
    void zeroTimeToLiveNeverCachesLatest() {
        Schema a = record("A");
        registry.on("GET", "/subjects/t-value/versions/latest", 200,
                "{\"subject\":\"t-value\",\"id\":4,\"version\":1,\"schema\":" + new ObjectMapper().createObjectNode().put("s", a.toString()).get("s") + "}");
        CachedSchemaRegistryClient c = cached(10, Optional.of(Duration.ZERO));

        c.latest("t-value");
        c.latest("t-value");

        assertThat(registry.count("GET", "/subjects/t-value/versions/latest")).isEqualTo(2);
    }

    @Test
    void failedCallsAreNotCached() {
        registry.once("GET", "/schemas/ids/1", 404, FakeConfluentRegistry.error(40403, "Schema 1 not found"))
                .on("GET", "/schemas/ids/1", 200, schemaJson(record("A")));
        CachedSchemaRegistryClient c = cached(10, Optional.empty());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.schemaById(1)).isInstanceOf(SchemaNotFoundException.class);
        assertThat(c.schemaById(1).getName()).isEqualTo("A");
    }
}
