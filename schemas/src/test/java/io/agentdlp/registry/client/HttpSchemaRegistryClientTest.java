package io.agentdlp.registry.client;

import static io.agentdlp.registry.client.FakeConfluentRegistry.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The HTTP client against a real HTTP server answering in Confluent's documented shapes. */
class HttpSchemaRegistryClientTest {
    private static final Schema PING = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"Ping\",\"namespace\":\"t\",\"fields\":[{\"name\":\"n\",\"type\":\"long\"}]}");
    private static final String PING_JSON = new ObjectMapper().createObjectNode().put("s", PING.toString()).get("s").toString();

    private FakeConfluentRegistry registry;

    @BeforeEach
    void start() throws IOException {
        registry = FakeConfluentRegistry.start();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private HttpSchemaRegistryClient client(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(Map.of(
                RegistryClientConfig.URL_CONFIG, registry.url().toString(),
                RegistryClientConfig.RETRIES_WAIT_MS_CONFIG, 1,
                RegistryClientConfig.RETRIES_MAX_WAIT_MS_CONFIG, 4));
        props.putAll(extra);
        return new HttpSchemaRegistryClient(RegistryClientConfig.fromProperties(props));
    }

    private HttpSchemaRegistryClient client() {
        return client(Map.of());
    }

    @Test
    void registerPostsTheSchemaWithConfluentsContentTypeAndReturnsTheId() throws Exception {
        registry.on("POST", "/subjects/pings-value/versions", 200, "{\"id\":42}");

        int id = client().register("pings-value", PING);

        assertThat(id).isEqualTo(42);
        FakeConfluentRegistry.Request r = registry.requests().get(0);
        assertThat(r.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(r.header("Accept")).contains("application/vnd.schemaregistry.v1+json");
        assertThat(new ObjectMapper().readTree(r.body()).get("schema").asText()).isEqualTo(PING.toString());
    }

    @Test
    void lookupReturnsIdAndVersion() {
        registry.on("POST", "/subjects/pings-value", 200,
                "{\"subject\":\"pings-value\",\"id\":5,\"version\":2,\"schema\":" + PING_JSON + "}");

        RegisteredSchema found = client().lookup("pings-value", PING);

        assertThat(found).isEqualTo(new RegisteredSchema("pings-value", 5, 2, PING));
    }

    @Test
    void fetchesSchemasByIdLatestVersionAndVersionList() {
        registry.on("GET", "/schemas/ids/5", 200, "{\"schema\":" + PING_JSON + "}")
                .on("GET", "/subjects/pings-value/versions/latest", 200,
                        "{\"subject\":\"pings-value\",\"version\":3,\"id\":5,\"schemaType\":\"AVRO\",\"schema\":" + PING_JSON + "}")
                .on("GET", "/subjects/pings-value/versions/1", 200,
                        "{\"subject\":\"pings-value\",\"version\":1,\"id\":2,\"schema\":" + PING_JSON + "}")
                .on("GET", "/subjects/pings-value/versions", 200, "[1,2,3]");
        HttpSchemaRegistryClient c = client();

        assertThat(c.schemaById(5)).isEqualTo(PING);
        assertThat(c.latest("pings-value")).isEqualTo(new RegisteredSchema("pings-value", 5, 3, PING));
        assertThat(c.version("pings-value", 1)).isEqualTo(new RegisteredSchema("pings-value", 2, 1, PING));
        assertThat(c.versions("pings-value")).containsExactly(1, 2, 3);
    }

    @Test
    void resolvesSchemaReferencesBeforeParsing() {
        String inner = "{\"type\":\"record\",\"name\":\"Inner\",\"namespace\":\"t\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
        String outer = "{\"type\":\"record\",\"name\":\"Outer\",\"namespace\":\"t\",\"fields\":[{\"name\":\"i\",\"type\":\"t.Inner\"}]}";
        ObjectMapper json = new ObjectMapper();
        registry.on("GET", "/schemas/ids/9", 200, json.createObjectNode().put("schema", outer)
                        .set("references", json.createArrayNode().add(json.createObjectNode()
                                .put("name", "t.Inner").put("subject", "inner").put("version", 1))).toString())
                .on("GET", "/subjects/inner/versions/1", 200,
                        json.createObjectNode().put("subject", "inner").put("version", 1).put("id", 8).put("schema", inner).toString());

        Schema parsed = client().schemaById(9);

        assertThat(parsed.getField("i").schema().getFullName()).isEqualTo("t.Inner");
    }

    @Test
    void mapsConfluentErrorCodesToTypedExceptionsWithTheRegistryMessage() {
        registry.on("GET", "/subjects/missing/versions/latest", 404, error(40401, "Subject 'missing' not found."))
                .on("GET", "/subjects/pings-value/versions/9", 404, error(40402, "Version 9 not found."))
                .on("GET", "/schemas/ids/77", 404, error(40403, "Schema 77 not found"))
                .on("POST", "/subjects/pings-value/versions", 409,
                        error(409, "Schema being registered is incompatible with an earlier schema for subject \\\"pings-value\\\""))
                .on("POST", "/subjects/bad-value/versions", 422, error(42201, "Invalid schema"))
                .on("GET", "/subjects/pings-value/versions/0", 422, error(42202, "The specified version '0' is not a valid version id."));
        HttpSchemaRegistryClient c = client();

        assertThatThrownBy(() -> c.latest("missing")).isInstanceOf(SubjectNotFoundException.class)
                .hasMessageContaining("Subject 'missing' not found.")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40401))
                .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(404));
        assertThatThrownBy(() -> c.version("pings-value", 9)).isInstanceOf(VersionNotFoundException.class);
        assertThatThrownBy(() -> c.schemaById(77)).isInstanceOf(SchemaNotFoundException.class)
                .hasMessageContaining("fetch schema id=77");
        assertThatThrownBy(() -> c.register("pings-value", PING)).isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("incompatible with an earlier schema")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(409));
        assertThatThrownBy(() -> c.register("bad-value", PING)).isInstanceOf(InvalidSchemaException.class);
        assertThatThrownBy(() -> c.version("pings-value", 0)).isExactlyInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(42202));
    }

    @Test
    void clientErrorsAreNotRetried() {
        registry.on("GET", "/schemas/ids/1", 401, error(40101, "Unauthorized"));

        assertThatThrownBy(() -> client().schemaById(1)).isExactlyInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40101));
        assertThat(registry.count("GET", "/schemas/ids/1")).isEqualTo(1);
    }

    @Test
    void nonJsonErrorBodiesUseTheHttpStatusAsCode() {
        registry.on("GET", "/schemas/ids/1", 403, "<html><body>Forbidden by proxy</body></html>");

        assertThatThrownBy(() -> client().schemaById(1)).isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("Forbidden by proxy")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(403));
    }

    @Test
    void retriesServerErrorsWithBackoffUntilTheyPass() {
        registry.once("GET", "/schemas/ids/5", 503, "")
                .once("GET", "/schemas/ids/5", 500, error(50001, "Error in the backend data store"))
                .on("GET", "/schemas/ids/5", 200, "{\"schema\":" + PING_JSON + "}");

        assertThat(client().schemaById(5)).isEqualTo(PING);
        assertThat(registry.count("GET", "/schemas/ids/5")).isEqualTo(3);
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastRegistryError() {
        registry.on("GET", "/schemas/ids/5", 500, error(50001, "Error in the backend data store"));

        assertThatThrownBy(() -> client(Map.of(RegistryClientConfig.MAX_RETRIES_CONFIG, 2)).schemaById(5))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("Error in the backend data store")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(50001));
        assertThat(registry.count("GET", "/schemas/ids/5")).isEqualTo(3);
    }

    @Test
    void failsOverToTheNextUrlWhenOneRefusesConnectionsAndStaysThere() throws IOException {
        registry.on("GET", "/schemas/ids/5", 200, "{\"schema\":" + PING_JSON + "}");
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        HttpSchemaRegistryClient c = client(Map.of(RegistryClientConfig.URL_CONFIG,
                "http://127.0.0.1:" + deadPort + "," + registry.url(), RegistryClientConfig.MAX_RETRIES_CONFIG, 0));

        assertThat(c.schemaById(5)).isEqualTo(PING);
        assertThat(c.schemaById(5)).isEqualTo(PING);
        assertThat(registry.count("GET", "/schemas/ids/5")).isEqualTo(2);
    }

    @Test
    void unreachableRegistryGivesRegistryUnavailable() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        HttpSchemaRegistryClient c = client(Map.of(RegistryClientConfig.URL_CONFIG, "http://127.0.0.1:" + deadPort,
                RegistryClientConfig.MAX_RETRIES_CONFIG, 1));

        assertThatThrownBy(() -> c.schemaById(1)).isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("after 2 attempts")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(SchemaRegistryException.CLIENT_SIDE));
    }

    @Test
    void sendsBasicCredentialsFromUserInfoConfig() {
        registry.on("GET", "/subjects/s/versions", 200, "[1]");

        client(Map.of(RegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG, "USER_INFO",
                RegistryClientConfig.BASIC_AUTH_USER_INFO_CONFIG, "alice:s3cr:et")).versions("s");

        assertThat(registry.requests().get(0).header("Authorization")).isEqualTo(
                "Basic " + java.util.Base64.getEncoder().encodeToString("alice:s3cr:et".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void sendsBasicCredentialsFromTheUrlAndKeepsThemOutOfMessages() {
        registry.on("GET", "/schemas/ids/3", 500, error(50001, "down"));
        String url = "http://bob:hunter2@127.0.0.1:" + registry.url().getPort();
        HttpSchemaRegistryClient c = client(Map.of(RegistryClientConfig.URL_CONFIG, url, RegistryClientConfig.MAX_RETRIES_CONFIG, 0));

        assertThatThrownBy(() -> c.schemaById(3)).isInstanceOf(RegistryUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThat(registry.requests().get(0).header("Authorization")).isEqualTo(
                "Basic " + java.util.Base64.getEncoder().encodeToString("bob:hunter2".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void percentEncodesSubjectsInThePath() {
        registry.on("GET", "/subjects/team%20a%2Fevents-value/versions", 200, "[1]");

        assertThat(client().versions("team a/events-value")).containsExactly(1);
    }

    @Test
    void keepsAPathPrefixLikeApicuriosCcompatApi() {
        registry.on("GET", "/apis/ccompat/v7/schemas/ids/5", 200, "{\"schema\":" + PING_JSON + "}");

        HttpSchemaRegistryClient c = client(Map.of(RegistryClientConfig.URL_CONFIG, registry.url() + "/apis/ccompat/v7/"));

        assertThat(c.schemaById(5)).isEqualTo(PING);
    }

    @Test
    void malformedAnswersAreTypedErrorsNotNullPointers() {
        registry.on("GET", "/schemas/ids/1", 200, "not json")
                .on("GET", "/schemas/ids/2", 200, "{}")
                .on("GET", "/schemas/ids/3", 200, "{\"schema\":\"{not avro\"}")
                .on("GET", "/schemas/ids/4", 200, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}")
                .on("GET", "/schemas/ids/5", 200, "")
                .on("POST", "/subjects/s/versions", 200, "{\"id\":\"x\"}")
                .on("GET", "/subjects/s/versions", 200, "{\"versions\":[1]}")
                .on("GET", "/subjects/s/versions/latest", 200, "{\"schema\":" + PING_JSON + "}");
        HttpSchemaRegistryClient c = client();

        for (int id : List.of(1, 2, 3, 4, 5)) {
            assertThatThrownBy(() -> c.schemaById(id)).isExactlyInstanceOf(SchemaRegistryException.class)
                    .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(SchemaRegistryException.CLIENT_SIDE));
        }
        assertThatThrownBy(() -> c.register("s", PING)).isExactlyInstanceOf(SchemaRegistryException.class).hasMessageContaining("\"id\"");
        assertThatThrownBy(() -> c.versions("s")).isExactlyInstanceOf(SchemaRegistryException.class);
        assertThatThrownBy(() -> c.latest("s")).isExactlyInstanceOf(SchemaRegistryException.class).hasMessageContaining("\"id\"");
    }
}
