package io.agentdlp.registry.server;

import static io.agentdlp.registry.server.RegistryClient.json;
import static io.agentdlp.registry.server.RegistryClient.quote;
import static io.agentdlp.registry.server.RegistryClient.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import io.agentdlp.kafka.embedded.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint of the Confluent REST API v1 against a real registry on a real broker, checked
 * against Confluent's documented request and response shapes and error codes.
 */
@ExtendWith(SharedKafka.class)
class SchemaRegistryApiIT {
    static final String USER_V1 = record("User", "{\"name\":\"a\",\"type\":\"int\"}");
    static final String USER_V2_DEFAULT = record("User", "{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}");
    static final String USER_V2_NO_DEFAULT = record("User", "{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\"}");

    private static SchemaRegistryServer server;
    private static RegistryClient client;

    static String record(String name, String fields) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"com.acme\",\"fields\":[" + fields + "]}";
    }

    @BeforeAll
    static void start(EmbeddedKafka kafka) {
        server = SchemaRegistryServer.start(RegistryServerConfig.builder(kafka.bootstrapServers())
                .port(0).topic("_schemas-api-it").replicationFactor(1).build());
        client = new RegistryClient(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertError(RegistryClient.Response r, int status, int errorCode, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo(RegistryClient.V1_JSON);
        assertThat(r.json().get("error_code").asInt()).isEqualTo(errorCode);
        if (message != null) {
            assertThat(r.json().get("message").asText()).isEqualTo(message);
        }
    }

    @Test
    void rootTypesModeAndContexts() {
        RegistryClient.Response root = client.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.contentType()).isEqualTo(RegistryClient.V1_JSON);
        assertThat(root.json()).isEqualTo(json("{}"));
        assertThat(client.get("/schemas/types").json()).isEqualTo(json("[\"AVRO\"]"));
        assertThat(client.get("/mode").json()).isEqualTo(json("{\"mode\":\"READWRITE\"}"));
        assertThat(client.get("/mode/any?defaultToGlobal=true").json()).isEqualTo(json("{\"mode\":\"READWRITE\"}"));
        assertError(client.get("/mode/any"), 404, 40409, "Subject 'any' does not have subject-level mode configured");
        assertThat(client.get("/contexts").json()).isEqualTo(json("[\".\"]"));
    }

    @Test
    void registerIsIdempotentAndVersionsAreListed() {
        int id = client.register("idem-value", USER_V1);
        assertThat(client.register("idem-value", USER_V1)).isEqualTo(id);
        assertThat(client.get("/subjects/idem-value/versions").json()).isEqualTo(json("[1]"));
        assertThat(client.get("/subjects").json()).anyMatch(n -> n.asText().equals("idem-value"));
    }

    @Test
    void sameSchemaUnderAnotherSubjectGetsTheSameGlobalId() {
        int first = client.register("same-a", USER_V1);
        int second = client.register("same-b", USER_V1);
        assertThat(second).isEqualTo(first);
        int other = client.register("same-b", USER_V2_DEFAULT);
        assertThat(other).isGreaterThan(first);
        assertThat(client.get("/schemas/ids/" + first + "/versions").json())
                .contains(json("{\"subject\":\"same-a\",\"version\":1}"), json("{\"subject\":\"same-b\",\"version\":1}"));
        assertThat(client.get("/schemas/ids/" + first + "/subjects").json()).contains(json("\"same-a\""), json("\"same-b\""));
    }

    @Test
    void schemasAreStoredCanonicallySoFormattingDoesNotMakeNewVersions() {
        int id = client.register("canon", "{ \"type\" :   \"string\" }");
        assertThat(client.register("canon", "\"string\"")).isEqualTo(id);
        assertThat(client.get("/subjects/canon/versions/1").json())
                .isEqualTo(json("{\"subject\":\"canon\",\"version\":1,\"id\":" + id + ",\"schema\":\"\\\"string\\\"\"}"));
        String spaced = USER_V1.replace(",", ", ").replace(":", " : ");
        int userId = client.register("canon-user", spaced);
        assertThat(client.register("canon-user", USER_V1)).isEqualTo(userId);
        assertThat(client.get("/subjects/canon-user/versions/latest/schema").body()).isEqualTo(USER_V1);
    }

    @Test
    void versionEndpointsReturnConfluentShapes() {
        int id1 = client.register("shapes", USER_V1);
        int id2 = client.register("shapes", USER_V2_DEFAULT);
        String v1 = "{\"subject\":\"shapes\",\"version\":1,\"id\":" + id1 + ",\"schema\":" + quote(USER_V1) + "}";
        String v2 = "{\"subject\":\"shapes\",\"version\":2,\"id\":" + id2 + ",\"schema\":" + quote(USER_V2_DEFAULT) + "}";
        assertThat(client.get("/subjects/shapes/versions/1").json()).isEqualTo(json(v1));
        assertThat(client.get("/subjects/shapes/versions/latest").json()).isEqualTo(json(v2));
        assertThat(client.get("/subjects/shapes/versions/-1").json()).isEqualTo(json(v2));
        RegistryClient.Response raw = client.get("/subjects/shapes/versions/1/schema");
        assertThat(raw.contentType()).isEqualTo(RegistryClient.V1_JSON);
        assertThat(raw.json()).isEqualTo(json(USER_V1));
        assertThat(client.get("/subjects/shapes/versions").json()).isEqualTo(json("[1,2]"));
        assertThat(client.get("/schemas/ids/" + id2).json()).isEqualTo(json("{\"schema\":" + quote(USER_V2_DEFAULT) + "}"));
        assertThat(client.get("/schemas/ids/" + id2 + "/schema").json()).isEqualTo(json(USER_V2_DEFAULT));
        assertThat(client.get("/subjects/shapes/versions/1/referencedby").json()).isEqualTo(json("[]"));
    }

    @Test
    void lookupFindsTheVersionOfASchemaUnderASubject() {
        int id = client.register("lookup", USER_V1);
        client.register("lookup", USER_V2_DEFAULT);
        RegistryClient.Response found = client.post("/subjects/lookup", schemaBody(USER_V1.replace(",", " ,")));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json()).isEqualTo(json("{\"subject\":\"lookup\",\"version\":1,\"id\":" + id + ",\"schema\":" + quote(USER_V1) + "}"));
        assertError(client.post("/subjects/lookup", schemaBody("\"long\"")), 404, 40403, "Schema not found");
        assertError(client.post("/subjects/lookup-missing", schemaBody(USER_V1)), 404, 40401, "Subject 'lookup-missing' not found.");
    }

    @Test
    void notFoundAndInvalidInputUseConfluentErrorCodes() {
        client.register("errors", USER_V1);
        assertError(client.get("/subjects/nope/versions"), 404, 40401, "Subject 'nope' not found.");
        assertError(client.get("/subjects/nope/versions/1"), 404, 40401, "Subject 'nope' not found.");
        assertError(client.get("/subjects/errors/versions/7"), 404, 40402, "Version 7 not found.");
        assertError(client.get("/subjects/errors/versions/0"), 422, 42202,
                "The specified version '0' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        assertError(client.get("/subjects/errors/versions/abc"), 422, 42202, null);
        assertError(client.get("/schemas/ids/987654"), 404, 40403, "Schema 987654 not found");
        assertError(client.get("/schemas/ids/987654/versions"), 404, 40403, "Schema 987654 not found");
        assertError(client.post("/subjects/errors/versions", schemaBody("{\"type\":\"record\",\"name\":\"X\"}")), 422, 42201, null);
        assertError(client.post("/subjects/errors/versions", schemaBody("not json")), 422, 42201, null);
        assertError(client.post("/subjects/errors/versions", "{\"schema\":\"\"}"), 422, 42201, "Empty schema");
        assertError(client.post("/subjects/errors/versions", "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}"),
                422, 42201, null);
        assertError(client.post("/subjects/errors/versions", "{not json"), 400, 400, null);
        assertError(client.get("/nothing/here"), 404, 404, "HTTP 404 Not Found");
        assertError(client.put("/subjects/errors/versions", schemaBody(USER_V1)), 405, 405, "HTTP 405 Method Not Allowed");
        assertError(client.send(client.request("/subjects/errors/versions").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(schemaBody(USER_V1)))), 415, 415, null);
    }

    @Test
    void everyDocumentedRequestMediaTypeIsAccepted() {
        for (String type : new String[] {"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
                "application/json", "application/octet-stream", "application/json; charset=utf-8"}) {
            RegistryClient.Response r = client.send(client.request("/subjects/media/versions").header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(schemaBody(USER_V1))));
            assertThat(r.status()).as(type).isEqualTo(200);
        }
    }

    @Test
    void incompatibleSchemaIsRejectedWith409AndConfluentsMessage() {
        client.register("compat", USER_V1);
        RegistryClient.Response rejected = client.post("/subjects/compat/versions", schemaBody(USER_V2_NO_DEFAULT));
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.json().get("error_code").asInt()).isEqualTo(409);
        assertThat(rejected.json().get("message").asText())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"compat\", details: [")
                .contains("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'", "additionalInfo:'b'", "{oldSchemaVersion: 1}",
                        "{compatibility: 'BACKWARD'}");
        assertThat(client.get("/subjects/compat/versions").json()).isEqualTo(json("[1]"));
        client.register("compat", USER_V2_DEFAULT);
        assertThat(client.get("/subjects/compat/versions").json()).isEqualTo(json("[1,2]"));
    }

    @Test
    void compatibilityEndpointAnswersWithAndWithoutMessages() {
        client.register("check", USER_V1);
        assertThat(client.post("/compatibility/subjects/check/versions/latest", schemaBody(USER_V2_DEFAULT)).json())
                .isEqualTo(json("{\"is_compatible\":true}"));
        assertThat(client.post("/compatibility/subjects/check/versions/1", schemaBody(USER_V2_NO_DEFAULT)).json())
                .isEqualTo(json("{\"is_compatible\":false}"));
        RegistryClient.Response verbose = client.post("/compatibility/subjects/check/versions/latest?verbose=true",
                schemaBody(USER_V2_NO_DEFAULT));
        assertThat(verbose.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.json().get("messages")).isNotEmpty();
        assertThat(verbose.json().get("messages").get(0).asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(client.post("/compatibility/subjects/check/versions/latest?verbose=true", schemaBody(USER_V2_DEFAULT)).json())
                .isEqualTo(json("{\"is_compatible\":true,\"messages\":[]}"));
        assertThat(client.post("/compatibility/subjects/check/versions", schemaBody(USER_V2_NO_DEFAULT)).json())
                .isEqualTo(json("{\"is_compatible\":false}"));
        assertThat(client.post("/compatibility/subjects/brand-new/versions/latest", schemaBody(USER_V2_NO_DEFAULT)).json())
                .isEqualTo(json("{\"is_compatible\":true}"));
        assertError(client.post("/compatibility/subjects/check/versions/9", schemaBody(USER_V1)), 404, 40402, null);
        assertError(client.post("/compatibility/subjects/nobody/versions/1", schemaBody(USER_V1)), 404, 40401, null);
    }

    @Test
    void transitiveLevelsCheckEveryVersionWhileOthersCheckTheLatestOnly() {
        String v1 = record("T", "{\"name\":\"a\",\"type\":\"int\"}");
        String v2 = record("T", "{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"c\",\"type\":\"int\",\"default\":0}");
        String v3 = record("T", "{\"name\":\"c\",\"type\":\"int\"}");
        for (String subject : new String[] {"trans-plain", "trans-transitive"}) {
            client.register(subject, v1);
            client.register(subject, v2);
        }
        client.put("/config/trans-transitive", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
        assertThat(client.post("/subjects/trans-plain/versions", schemaBody(v3)).status()).isEqualTo(200);
        RegistryClient.Response transitive = client.post("/subjects/trans-transitive/versions", schemaBody(v3));
        assertThat(transitive.status()).isEqualTo(409);
        assertThat(transitive.json().get("message").asText()).contains("{oldSchemaVersion: 1}", "BACKWARD_TRANSITIVE");
    }

    @Test
    void forwardAndFullLevelsCheckTheOtherDirection() {
        String v1 = record("F", "{\"name\":\"a\",\"type\":\"int\"}");
        String dropsA = record("F", "{\"name\":\"b\",\"type\":\"int\",\"default\":1}");
        client.register("fwd", v1);
        client.put("/config/fwd", "{\"compatibility\":\"FORWARD\"}");
        // The old reader needs 'a', which data written with the new schema lacks.
        assertThat(client.post("/subjects/fwd/versions", schemaBody(dropsA)).status()).isEqualTo(409);
        client.register("bwd", v1);
        assertThat(client.post("/subjects/bwd/versions", schemaBody(dropsA)).status()).isEqualTo(200);
        client.register("full", v1);
        client.put("/config/full", "{\"compatibility\":\"full\"}");
        assertThat(client.post("/subjects/full/versions", schemaBody(dropsA)).status()).isEqualTo(409);
    }

    @Test
    void subjectLevelConfigOverridesTheGlobalOne() {
        assertThat(client.get("/config").json()).isEqualTo(json("{\"compatibilityLevel\":\"BACKWARD\"}"));
        assertError(client.get("/config/cfg"), 404, 40408, "Subject 'cfg' does not have subject-level compatibility configured");
        assertThat(client.get("/config/cfg?defaultToGlobal=true").json()).isEqualTo(json("{\"compatibilityLevel\":\"BACKWARD\"}"));
        RegistryClient.Response put = client.put("/config/cfg", "{\"compatibility\":\"NONE\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json()).isEqualTo(json("{\"compatibility\":\"NONE\"}"));
        assertThat(client.get("/config/cfg").json()).isEqualTo(json("{\"compatibilityLevel\":\"NONE\"}"));
        client.register("cfg", USER_V1);
        assertThat(client.post("/subjects/cfg/versions", schemaBody(USER_V2_NO_DEFAULT)).status()).isEqualTo(200);
        assertThat(client.delete("/config/cfg").json()).isEqualTo(json("{\"compatibilityLevel\":\"NONE\"}"));
        assertError(client.delete("/config/cfg"), 404, 40408, null);
        assertError(client.put("/config/cfg", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203, null);
        assertError(client.put("/config", "{}"), 422, 42203, null);
    }

    @Test
    void globalConfigCanBeChanged() {
        try {
            assertThat(client.put("/config", "{\"compatibility\":\"FULL_TRANSITIVE\"}").json())
                    .isEqualTo(json("{\"compatibility\":\"FULL_TRANSITIVE\"}"));
            assertThat(client.get("/config").json()).isEqualTo(json("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}"));
            assertThat(client.get("/config/unset?defaultToGlobal=true").json())
                    .isEqualTo(json("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}"));
        } finally {
            client.put("/config", "{\"compatibility\":\"BACKWARD\"}");
        }
    }

    @Test
    void softDeleteHidesVersionsButKeepsIdsReadable() {
        int id1 = client.register("soft", USER_V1);
        client.register("soft", USER_V2_DEFAULT);
        assertThat(client.delete("/subjects/soft/versions/1").json()).isEqualTo(json("1"));
        assertThat(client.get("/subjects/soft/versions").json()).isEqualTo(json("[2]"));
        assertThat(client.get("/subjects/soft/versions?deleted=true").json()).isEqualTo(json("[1,2]"));
        assertError(client.get("/subjects/soft/versions/1"), 404, 40402, "Version 1 not found.");
        assertThat(client.get("/subjects/soft/versions/1?deleted=true").json().get("id").asInt()).isEqualTo(id1);
        assertThat(client.get("/schemas/ids/" + id1).status()).isEqualTo(200);
        assertError(client.delete("/subjects/soft/versions/1"), 404, 40406,
                "Subject 'soft' Version 1 was soft deleted.Set permanent=true to delete permanently");
        assertError(client.delete("/subjects/soft/versions/2?permanent=true"), 404, 40407,
                "Subject 'soft' Version 2 was not deleted first before being permanently deleted");
        assertError(client.post("/subjects/soft", schemaBody(USER_V1)), 404, 40403, null);
        assertThat(client.post("/subjects/soft?deleted=true", schemaBody(USER_V1)).json().get("version").asInt()).isEqualTo(1);

        assertError(client.delete("/subjects/soft?permanent=true"), 404, 40405,
                "Subject 'soft' was not deleted first before being permanently deleted");
        assertThat(client.delete("/subjects/soft").json()).isEqualTo(json("[2]"));
        assertThat(client.get("/subjects").json()).noneMatch(n -> n.asText().equals("soft"));
        assertThat(client.get("/subjects?deleted=true").json()).anyMatch(n -> n.asText().equals("soft"));
        assertError(client.get("/subjects/soft/versions"), 404, 40401, "Subject 'soft' not found.");
        assertError(client.delete("/subjects/soft"), 404, 40404,
                "Subject 'soft' was soft deleted.Set permanent=true to delete permanently");

        // Registering again after a soft delete continues the version numbers and keeps the id.
        assertThat(client.register("soft", USER_V1)).isEqualTo(id1);
        assertThat(client.get("/subjects/soft/versions").json()).isEqualTo(json("[3]"));
    }

    @Test
    void permanentDeleteRemovesTheSubjectAndItsIdsButNeverReusesThem() {
        String only = record("OnlyHere", "{\"name\":\"z\",\"type\":\"long\"}");
        int id = client.register("hard", only);
        client.put("/config/hard", "{\"compatibility\":\"NONE\"}");
        assertThat(client.delete("/subjects/hard").json()).isEqualTo(json("[1]"));
        assertThat(client.delete("/subjects/hard?permanent=true").json()).isEqualTo(json("[1]"));
        assertError(client.get("/subjects/hard/versions?deleted=true"), 404, 40401, null);
        assertThat(client.get("/subjects?deleted=true").json()).noneMatch(n -> n.asText().equals("hard"));
        assertError(client.get("/schemas/ids/" + id), 404, 40403, null);
        assertError(client.get("/config/hard"), 404, 40408, null);
        assertError(client.delete("/subjects/hard"), 404, 40401, null);

        int again = client.register("hard", only);
        assertThat(again).isGreaterThan(id);
        assertThat(client.get("/subjects/hard/versions").json()).isEqualTo(json("[1]"));
    }

    @Test
    void permanentVersionDeleteAfterSoftDelete() {
        client.register("hard-version", USER_V1);
        client.register("hard-version", USER_V2_DEFAULT);
        client.delete("/subjects/hard-version/versions/latest");
        assertThat(client.delete("/subjects/hard-version/versions/2?permanent=true").json()).isEqualTo(json("2"));
        assertThat(client.get("/subjects/hard-version/versions?deleted=true").json()).isEqualTo(json("[1]"));
    }

    @Test
    void referencesLetASchemaUseAnotherSubjectsType() {
        String address = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"com.acme\",\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
        String person = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"com.acme\",\"fields\":[{\"name\":\"home\",\"type\":\"com.acme.Address\"}]}";
        client.register("address", address);
        String refs = ",\"references\":[{\"name\":\"com.acme.Address\",\"subject\":\"address\",\"version\":1}]";
        RegistryClient.Response registered = client.post("/subjects/person/versions", "{\"schema\":" + quote(person) + refs + "}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        int personId = registered.json().get("id").asInt();
        RegistryClient.Response stored = client.get("/subjects/person/versions/1");
        assertThat(stored.json().get("references")).isEqualTo(json("[{\"name\":\"com.acme.Address\",\"subject\":\"address\",\"version\":1}]"));
        // Avro's normal form names a type of the same namespace by its short name.
        assertThat(stored.json().get("schema").asText()).isEqualTo(person.replace("com.acme.Address", "Address"));
        assertThat(client.get("/schemas/ids/" + personId).json().get("references")).isNotNull();
        assertThat(client.get("/subjects/address/versions/1/referencedby").json()).isEqualTo(json("[" + personId + "]"));
        assertError(client.delete("/subjects/address/versions/1"), 422, 42206, null);
        assertThat(client.post("/subjects/person", "{\"schema\":" + quote(person) + refs + "}").json().get("id").asInt())
                .isEqualTo(personId);
        assertError(client.post("/subjects/person/versions", schemaBody(person)), 422, 42201, null);
        assertError(client.post("/subjects/person2/versions", "{\"schema\":" + quote(person)
                + ",\"references\":[{\"name\":\"com.acme.Address\",\"subject\":\"nowhere\",\"version\":1}]}"), 422, 42201, null);
    }

    @Test
    void subjectNamesAreDecodedFromThePathAndFilteredByPrefix() {
        int id = client.register("team%2Fa%20b-value", USER_V1);
        assertThat(client.get("/subjects").json()).anyMatch(n -> n.asText().equals("team/a b-value"));
        assertThat(client.get("/subjects?subjectPrefix=team%2F").json()).isEqualTo(json("[\"team/a b-value\"]"));
        assertThat(client.get("/subjects/team%2Fa%20b-value/versions/1").json().get("id").asInt()).isEqualTo(id);
    }

    @Test
    void registeringWithAnExplicitIdIsRefused() {
        assertError(client.post("/subjects/imports/versions", "{\"schema\":" + quote(USER_V1) + ",\"id\":77}"), 422, 42205, null);
    }
}
