package io.agentdlp.launcher;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.agentdlp.registry.server.CompatibilityLevel;
import io.agentdlp.registry.server.PasswordHash;
import io.agentdlp.registry.server.RegistryServerConfig;
import io.agentdlp.registry.server.RegistryStartupException;
import io.agentdlp.registry.server.SchemaRegistryServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agentdlp registry}: a standalone Confluent-compatible schema registry on a Kafka cluster.
 * Settings, lowest precedence first: built-in defaults, {@code --config} file, {@code AGENTDLP_*}
 * environment variables, command-line options.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Run a Confluent-compatible schema registry (REST API v1, Avro) whose only state is the "
                + "compacted _schemas topic. Any number of instances can share the topic. Ctrl-C stops it cleanly.",
                "Settings, later ones winning: defaults, --config file, AGENTDLP_* environment variables "
                + "(AGENTDLP_BOOTSTRAP_SERVERS, AGENTDLP_REGISTRY_PORT, AGENTDLP_KAFKA_SECURITY_PROTOCOL, ...), "
                + "options. See docs/registry.md for every key."})
final class RegistryCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (bootstrap.servers, registry.*, kafka.*).")
    Path config;

    @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (default localhost:9092).")
    String bootstrapServers;

    @Option(names = "--host", description = "Bind address (default 0.0.0.0).")
    String host;

    @Option(names = "--port", description = "HTTP port (default 8081; 0 picks a free one).")
    Integer port;

    @Option(names = "--topic", description = "Schemas topic (default _schemas).")
    String topic;

    @Option(names = "--basic-auth-users-file", paramLabel = "FILE",
            description = "Require HTTP basic auth; one 'user:password' or 'user:pbkdf2-sha512:...' per line.")
    Path usersFile;

    @Option(names = "--default-compatibility", description = "Global compatibility until one is PUT (default BACKWARD).")
    CompatibilityLevel defaultCompatibility;

    @Option(names = {"-X", "--kafka-property"}, paramLabel = "KEY=VALUE",
            description = "Kafka client property for the registry's clients, e.g. -X security.protocol=SASL_SSL.")
    Map<String, String> kafkaProperties = new HashMap<>();

    @Option(names = "--hash-password", description = "Read a password (console or stdin), print a users-file hash, and exit.")
    boolean hashPassword;

    @Override
    public Integer call() throws Exception {
        if (hashPassword) {
            return printPasswordHash();
        }
        RegistryServerConfig settings;
        try {
            settings = RegistryServerConfig.fromProperties(properties()).build();
        } catch (IllegalArgumentException e) {
            System.err.println("agentdlp registry: " + e.getMessage());
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "agentdlp-registry-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (SchemaRegistryServer server = SchemaRegistryServer.start(settings)) {
            System.out.println("agentdlp schema registry is up: " + server.url() + " (topic " + settings.topic()
                    + ", Kafka " + settings.bootstrapServers() + "). Press Ctrl-C to stop.");
            stop.await();
        } catch (RegistryStartupException e) {
            System.err.println("agentdlp registry: " + e.getMessage());
            return 1;
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    private Map<String, String> properties() throws IOException {
        Map<String, String> props = new HashMap<>();
        props.put(RegistryServerConfig.BOOTSTRAP_SERVERS, "localhost:9092");
        props.put(RegistryServerConfig.HOST, "0.0.0.0");
        if (config != null) {
            Properties file = new Properties();
            try (Reader in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                file.load(in);
            }
            file.stringPropertyNames().forEach(k -> props.put(k, file.getProperty(k)));
        }
        props.putAll(RegistryServerConfig.propertiesFromEnvironment(System.getenv()));
        putIfSet(props, RegistryServerConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        putIfSet(props, RegistryServerConfig.HOST, host);
        putIfSet(props, RegistryServerConfig.PORT, port);
        putIfSet(props, RegistryServerConfig.TOPIC, topic);
        putIfSet(props, RegistryServerConfig.BASIC_AUTH_USERS_FILE, usersFile);
        putIfSet(props, RegistryServerConfig.DEFAULT_COMPATIBILITY, defaultCompatibility);
        kafkaProperties.forEach((k, v) -> props.put(RegistryServerConfig.KAFKA_PREFIX + k, v));
        return props;
    }

    private static void putIfSet(Map<String, String> props, String key, Object value) {
        if (value != null) {
            props.put(key, value.toString());
        }
    }

    private static int printPasswordHash() throws IOException {
        char[] password;
        Console console = System.console();
        if (console != null) {
            password = console.readPassword("Password: ");
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? null : line.toCharArray();
        }
        if (password == null || password.length == 0) {
            System.err.println("agentdlp registry: no password given");
            return 2;
        }
        System.out.println(PasswordHash.create(password, PasswordHash.DEFAULT_ITERATIONS).encoded());
        return 0;
    }
}
