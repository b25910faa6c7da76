package io.agentdlp.registry.server;

import static io.agentdlp.registry.server.RegistryClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentdlp.kafka.embedded.EmbeddedKafka;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What outsiders use: the Node.js client {@code @kafkajs/confluent-schema-registry@3.9.0} registers,
 * looks up, encodes and decodes through this registry (with basic auth), and the Confluent wire
 * format bytes it produces are decoded here with Avro alone, and the reverse. npm installs the client
 * into {@code target/node-it}; without node, npm or the npm registry the test is skipped, saying why.
 */
@ExtendWith(SharedKafka.class)
class KafkajsInteropIT {
    private static final Path NODE_DIR = Path.of("target", "node-it");
    private static final String CLIENT = "@kafkajs/confluent-schema-registry";
    private static SchemaRegistryServer server;

    @BeforeAll
    static void setUp(EmbeddedKafka kafka) throws Exception {
        Assumptions.assumeTrue(runs("node", "--version"), "node is not installed: skipping the kafkajs interop test");
        Assumptions.assumeTrue(runs("npm", "--version"), "npm is not installed: skipping the kafkajs interop test");
        Files.createDirectories(NODE_DIR);
        for (String file : List.of("package.json", "interop.js")) {
            try (InputStream in = KafkajsInteropIT.class.getResourceAsStream("/node-it/" + file)) {
                Files.write(NODE_DIR.resolve(file), in.readAllBytes());
            }
        }
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules").resolve(CLIENT))) {
            Result install = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 300);
            Assumptions.assumeTrue(install.exit() == 0, () -> "npm could not install " + CLIENT
                    + " (no network to the npm registry?): skipping the kafkajs interop test. npm said: " + install.err());
        }
        server = SchemaRegistryServer.start(RegistryServerConfig.builder(kafka.bootstrapServers()).port(0)
                .topic("_schemas-kafkajs").basicAuthUser("kafkajs:n0de-secret").passwordIterations(1000).build());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void kafkajsRegistersReadsEncodesAndDecodesThroughOurRegistry() throws Exception {
        RegistryClient http = new RegistryClient(server.url()).withBasicAuth("kafkajs", "n0de-secret");
        String javaSchema = "{\"type\":\"record\",\"name\":\"JavaEvent\",\"namespace\":\"io.agentdlp.it\","
                + "\"fields\":[{\"name\":\"tool\",\"type\":\"string\"},{\"name\":\"bytes\",\"type\":\"long\"}]}";
        int javaId = http.register("java-value", javaSchema);
        GenericRecord javaEvent = new GenericData.Record(new Schema.Parser().parse(javaSchema));
        javaEvent.put("tool", "java");
        javaEvent.put("bytes", 7L);

        Result node = run(List.of("node", "interop.js"), Map.of("REGISTRY_URL", server.url(), "REGISTRY_USER", "kafkajs",
                "REGISTRY_PASSWORD", "n0de-secret", "SUBJECT", "kafkajs-value",
                "JAVA_PAYLOAD_HEX", HexFormat.of().formatHex(confluentWireFormat(javaId, javaEvent))), 120);
        assertThat(node.exit()).as(node.err()).isZero();
        JsonNode out = json(node.out().strip());

        int id = out.get("firstId").asInt();
        assertThat(out.get("againId").asInt()).as("idempotent").isEqualTo(id);
        assertThat(out.get("version1Id").asInt()).isEqualTo(id);
        assertThat(out.get("bySchemaId").asInt()).isEqualTo(id);
        assertThat(out.get("latestId").asInt()).isEqualTo(out.get("secondId").asInt()).isNotEqualTo(id);
        assertThat(http.get("/subjects/kafkajs-value/versions/1").json().get("id").asInt()).isEqualTo(id);
        assertThat(http.get("/config/kafkajs-value").json()).as("kafkajs sets the level on first registration")
                .isEqualTo(json("{\"compatibilityLevel\":\"BACKWARD\"}"));

        assertThat(out.get("rejected").get("status").asInt()).isEqualTo(409);
        assertThat(out.get("rejected").get("message").asText()).contains("incompatible with an earlier schema");
        assertThat(out.get("unauthorized").get("status").asInt()).isEqualTo(401);

        assertThat(out.get("decoded")).isEqualTo(json("{\"tool\":\"curl\",\"bytes\":42}"));
        assertThat(out.get("javaDecoded")).isEqualTo(json("{\"tool\":\"java\",\"bytes\":7}"));

        // The bytes kafkajs wrote: magic 0, big-endian id, Avro binary, readable with Avro and the schema fetched by id.
        byte[] wire = HexFormat.of().parseHex(out.get("encodedHex").asText());
        ByteBuffer buffer = ByteBuffer.wrap(wire);
        assertThat(buffer.get()).isZero();
        int writerId = buffer.getInt();
        assertThat(writerId).isEqualTo(id);
        Schema writer = new Schema.Parser().parse(http.get("/schemas/ids/" + writerId).json().get("schema").asText());
        GenericRecord decoded = new GenericDatumReader<GenericRecord>(writer).read(null,
                DecoderFactory.get().binaryDecoder(wire, 5, wire.length - 5, null));
        assertThat(decoded.get("tool").toString()).isEqualTo("curl");
        assertThat(decoded.get("bytes")).isEqualTo(42L);
    }

    private static byte[] confluentWireFormat(int id, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private record Result(int exit, String out, String err) {
    }

    private static boolean runs(String... command) {
        try {
            return run(List.of(command), Map.of(), 30).exit() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws IOException {
        Path err = Files.createTempFile("node-it", ".err");
        Path out = Files.createTempFile("node-it", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(NODE_DIR.toFile().exists()
                    ? NODE_DIR.toFile() : null).redirectError(err.toFile()).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "", String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted", e);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(out);
        }
    }
}
