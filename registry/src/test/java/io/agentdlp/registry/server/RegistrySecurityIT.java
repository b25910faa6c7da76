package io.agentdlp.registry.server;

import static io.agentdlp.registry.server.RegistryClient.json;
import static io.agentdlp.registry.server.RegistryClient.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.agentdlp.kafka.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS, basic auth (inline and file users, hashed), the request size limit, and refusals at startup. */
@ExtendWith(SharedKafka.class)
class RegistrySecurityIT {
    private static final String PASSWORD = "changeit";
    private static final int ITERATIONS = 1000;

    @TempDir
    static Path dir;
    private static EmbeddedKafka kafka;
    private static SchemaRegistryServer server;
    private static RegistryClient anonymous;

    @BeforeAll
    static void start(EmbeddedKafka shared) throws Exception {
        kafka = shared;
        Path keyStore = dir.resolve("registry.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        Path users = dir.resolve("users");
        Files.writeString(users, "# registry users\n\nbob:" + PasswordHash.create("hunter2".toCharArray(), ITERATIONS).encoded() + "\n");
        server = SchemaRegistryServer.start(RegistryServerConfig.builder(kafka.bootstrapServers())
                .port(0).topic("_schemas-security").maxRequestBytes(1024)
                .basicAuthUser("alice:s3cret").basicAuthUsersFile(users).passwordIterations(ITERATIONS)
                .tls(keyStore, PASSWORD, "PKCS12").build());
        anonymous = new RegistryClient(HttpClient.newBuilder().sslContext(trusting(keyStore)).connectTimeout(Duration.ofSeconds(5))
                .build(), server.url(), null);
    }

    private static SSLContext trusting(Path keyStore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("registry", keys.getCertificate("registry"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesHttps() {
        assertThat(server.url()).startsWith("https://127.0.0.1:");
        assertThat(anonymous.withBasicAuth("alice", "s3cret").get("/").json()).isEqualTo(json("{}"));
    }

    @Test
    void requestsWithoutValidCredentialsGet401WithConfluentsBody() {
        for (RegistryClient c : List.of(anonymous, anonymous.withBasicAuth("alice", "wrong"),
                anonymous.withBasicAuth("mallory", "s3cret"), anonymous.withBasicAuth("bob", "s3cret"))) {
            RegistryClient.Response r = c.get("/subjects");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json()).isEqualTo(json("{\"error_code\":401,\"message\":\"Unauthorized\"}"));
            assertThat(r.raw().headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"SchemaRegistry\"");
        }
        RegistryClient.Response garbage = anonymous.send(anonymous.request("/subjects").header("Authorization", "Basic %%%"));
        assertThat(garbage.status()).isEqualTo(401);
    }

    @Test
    void inlineAndFileUsersAreAccepted() {
        RegistryClient alice = anonymous.withBasicAuth("alice", "s3cret");
        RegistryClient bob = anonymous.withBasicAuth("bob", "hunter2");
        int id = alice.register("auth-value", "\"string\"");
        assertThat(bob.get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(bob.get("/schemas/ids/" + id).status()).as("second request, remembered credentials").isEqualTo(200);
    }

    @Test
    void bodiesOverTheLimitGet413() {
        RegistryClient alice = anonymous.withBasicAuth("alice", "s3cret");
        String big = schemaBody("{\"type\":\"record\",\"name\":\"Big\",\"doc\":\"" + "x".repeat(2000) + "\",\"fields\":[]}");
        RegistryClient.Response declared = alice.post("/subjects/big-value/versions", big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json()).isEqualTo(json("{\"error_code\":413,\"message\":\"Request body larger than 1024 bytes\"}"));
        RegistryClient.Response chunked = alice.send(alice.request("/subjects/big-value/versions")
                .header("Content-Type", RegistryClient.V1_JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(alice.post("/subjects/big-value/versions", schemaBody("\"string\"")).status()).isEqualTo(200);
    }

    @Test
    void startupRefusesUnusableSettings() throws Exception {
        RegistryServerConfig.Builder base = RegistryServerConfig.builder(kafka.bootstrapServers()).port(0)
                .initTimeout(Duration.ofSeconds(20));
        assertThatThrownBy(() -> SchemaRegistryServer.start(base.topic("_schemas-x").basicAuthUsersFile(dir.resolve("missing")).build()))
                .isInstanceOf(RegistryStartupException.class).hasMessageContaining("missing");
        RegistryServerConfig.Builder noAuth = RegistryServerConfig.builder(kafka.bootstrapServers()).port(0);
        assertThatThrownBy(() -> SchemaRegistryServer.start(noAuth.topic("_schemas-x").tls(dir.resolve("none.p12"), "x", "PKCS12").build()))
                .isInstanceOf(RegistryStartupException.class).hasMessageContaining("key store");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("_schemas-wide", 3, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic("_schemas-expiring", 1, (short) 1).configs(Map.of("cleanup.policy", "delete")))).all().get();
        }
        RegistryServerConfig.Builder plain = RegistryServerConfig.builder(kafka.bootstrapServers()).port(0);
        assertThatThrownBy(() -> SchemaRegistryServer.start(plain.topic("_schemas-wide").build()))
                .isInstanceOf(RegistryStartupException.class).hasMessageContaining("3 partitions");
        assertThatThrownBy(() -> SchemaRegistryServer.start(plain.topic("_schemas-expiring").build()))
                .isInstanceOf(RegistryStartupException.class).hasMessageContaining("cleanup.policy=delete");
        assertThatThrownBy(() -> SchemaRegistryServer.start(plain.topic("_schemas-port").host("127.0.0.1").port(server.port()).build()))
                .isInstanceOf(RegistryStartupException.class).hasMessageContaining("cannot serve HTTP");
        assertThatThrownBy(() -> SchemaRegistryServer.start(RegistryServerConfig.builder("127.0.0.1:1").port(0).topic("_schemas-nowhere")
                .kafkaClientProperty("default.api.timeout.ms", "1500").kafkaClientProperty("request.timeout.ms", "1000").build()))
                .isInstanceOf(RegistryStartupException.class).hasMessageContaining("_schemas-nowhere");
    }
}
