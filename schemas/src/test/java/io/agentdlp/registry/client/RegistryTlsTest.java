package io.agentdlp.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;

/**
 * TLS and mutual TLS to a real HTTPS server. One self-signed key pair (made by the JDK's keytool)
 * serves as server certificate, client certificate and, through its certificate, as trust anchor.
 */
class RegistryTlsTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static Path keystore;
    private static SSLContext serverContext;

    @BeforeAll
    static void createKeyPair() throws Exception {
        keystore = dir.resolve("registry.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    }

    private static HttpsConfigurator tls(boolean needClientAuth) {
        return new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                var p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(p);
            }
        };
    }

    private static Map<String, Object> props(FakeConfluentRegistry registry, boolean trust, boolean clientCert) {
        Map<String, Object> props = new HashMap<>(Map.of(RegistryClientConfig.URL_CONFIG, registry.url().toString(),
                RegistryClientConfig.MAX_RETRIES_CONFIG, 0));
        if (trust) {
            props.putAll(Map.of(RegistryClientConfig.SSL_TRUSTSTORE_LOCATION_CONFIG, keystore.toString(),
                    RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD_CONFIG, PASSWORD,
                    RegistryClientConfig.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12"));
        }
        if (clientCert) {
            props.putAll(Map.of(RegistryClientConfig.SSL_KEYSTORE_LOCATION_CONFIG, keystore.toString(),
                    RegistryClientConfig.SSL_KEYSTORE_PASSWORD_CONFIG, PASSWORD,
                    RegistryClientConfig.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12"));
        }
        return props;
    }

    @Test
    void trustsTheRegistryThroughTheConfiguredTrustStore() throws Exception {
        try (FakeConfluentRegistry registry = FakeConfluentRegistry.startTls(tls(false))) {
            registry.on("GET", "/subjects/s/versions", 200, "[1,2]");

            HttpSchemaRegistryClient trusting = new HttpSchemaRegistryClient(RegistryClientConfig.fromProperties(props(registry, true, false)));
            HttpSchemaRegistryClient defaultTrust = new HttpSchemaRegistryClient(RegistryClientConfig.fromProperties(props(registry, false, false)));

            assertThat(trusting.versions("s")).isEqualTo(List.of(1, 2));
            assertThatThrownBy(() -> defaultTrust.versions("s")).isInstanceOf(RegistryUnavailableException.class);
        }
    }

    @Test
    void presentsTheClientCertificateForMutualTls() throws Exception {
        try (FakeConfluentRegistry registry = FakeConfluentRegistry.startTls(tls(true))) {
            registry.on("GET", "/subjects/s/versions", 200, "[1]");

            HttpSchemaRegistryClient withCert = new HttpSchemaRegistryClient(RegistryClientConfig.fromProperties(props(registry, true, true)));
            HttpSchemaRegistryClient withoutCert = new HttpSchemaRegistryClient(RegistryClientConfig.fromProperties(props(registry, true, false)));

            assertThat(withCert.versions("s")).isEqualTo(List.of(1));
            assertThatThrownBy(() -> withoutCert.versions("s")).isInstanceOf(RegistryUnavailableException.class);
        }
    }

    @Test
    void wrongTrustStorePasswordIsAConfigErrorThatDoesNotEchoIt() throws Exception {
        try (FakeConfluentRegistry registry = FakeConfluentRegistry.startTls(tls(false))) {
            Map<String, Object> props = props(registry, true, false);
            props.put(RegistryClientConfig.SSL_TRUSTSTORE_PASSWORD_CONFIG, "wrong-pass-xyz");

            assertThatThrownBy(() -> RegistryClientConfig.fromProperties(props)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(keystore.toString())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-pass-xyz"));
        }
    }
}
