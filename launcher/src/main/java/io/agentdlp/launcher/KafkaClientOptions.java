package io.agentdlp.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;

import io.agentdlp.serde.AvroSerdeConfig;
import picocli.CommandLine.Option;

/**
 * Connection options shared by the commands that talk to a running cluster ({@code events},
 * {@code policy}): bootstrap servers, schema registry, and a properties file for everything else
 * (TLS, SASL, registry credentials), whose keys go to the Kafka clients and to the Avro serde.
 */
final class KafkaClientOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            defaultValue = "${env:AGENTDLP_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (default: $AGENTDLP_BOOTSTRAP_SERVERS, else ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--schema-registry", paramLabel = "URL",
            defaultValue = "${env:AGENTDLP_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry URL (default: $AGENTDLP_SCHEMA_REGISTRY_URL, else ${DEFAULT-VALUE}).")
    String schemaRegistry;

    @Option(names = "--client-config", paramLabel = "FILE",
            description = "Properties file with further Kafka client and serde settings (security.protocol, sasl.*, ssl.*, "
                    + "schema.registry.basic.auth.user.info, ...).")
    Path clientConfig;

    /** Settings of the Kafka consumer and producer. */
    Map<String, Object> clients() throws IOException {
        Map<String, Object> m = fileSettings();
        m.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        m.put(CommonClientConfigs.CLIENT_ID_CONFIG, "agentdlp-cli");
        return m;
    }

    /** Settings of the Avro serde. */
    Map<String, Object> serde() throws IOException {
        Map<String, Object> m = fileSettings();
        m.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, schemaRegistry);
        return m;
    }

    private Map<String, Object> fileSettings() throws IOException {
        Map<String, Object> m = new HashMap<>();
        if (clientConfig != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(clientConfig, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        }
        return m;
    }
}
