package io.agentdlp.registry.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.Topics;

/**
 * Settings of a {@link SchemaRegistryServer}. Build with {@link #builder(String)} or from properties
 * ({@link #fromProperties}, keys below) and environment variables ({@link #propertiesFromEnvironment}:
 * {@code AGENTDLP_} + key upper-cased with dots as underscores, e.g. {@code AGENTDLP_REGISTRY_PORT}).
 *
 * <table>
 *   <caption>Property keys</caption>
 *   <tr><td>{@code bootstrap.servers}</td><td>Kafka bootstrap servers (required; {@code kafka.bootstrap.servers} too)</td></tr>
 *   <tr><td>{@code registry.host}</td><td>bind address, default {@code 127.0.0.1}</td></tr>
 *   <tr><td>{@code registry.port}</td><td>HTTP port, default 8081; 0 picks a free port</td></tr>
 *   <tr><td>{@code registry.topic}</td><td>schemas topic, default {@code _schemas}</td></tr>
 *   <tr><td>{@code registry.topic.replication.factor}</td><td>when creating the topic; default min(3, brokers)</td></tr>
 *   <tr><td>{@code registry.default.compatibility}</td><td>global level until one is PUT, default BACKWARD</td></tr>
 *   <tr><td>{@code registry.max.request.bytes}</td><td>larger bodies get 413, default 16 MiB</td></tr>
 *   <tr><td>{@code registry.basic.auth.users}</td><td>comma-separated {@code user:password} or {@code user:pbkdf2-sha512:...}</td></tr>
 *   <tr><td>{@code registry.basic.auth.users.file}</td><td>one such entry per line</td></tr>
 *   <tr><td>{@code registry.tls.keystore.path}, {@code .password}, {@code .type}</td><td>serve HTTPS with this key store</td></tr>
 *   <tr><td>{@code registry.http.threads}</td><td>request threads, default 8</td></tr>
 *   <tr><td>{@code registry.init.timeout.ms}, {@code registry.write.timeout.ms}</td><td>startup read / write timeouts</td></tr>
 *   <tr><td>{@code kafka.*}</td><td>passed to the Kafka clients without the prefix ({@code kafka.security.protocol}, {@code kafka.sasl.*}, {@code kafka.ssl.*})</td></tr>
 * </table>
 */
public final class RegistryServerConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String HOST = "registry.host";
    public static final String PORT = "registry.port";
    public static final String TOPIC = "registry.topic";
    public static final String REPLICATION_FACTOR = "registry.topic.replication.factor";
    public static final String DEFAULT_COMPATIBILITY = "registry.default.compatibility";
    public static final String MAX_REQUEST_BYTES = "registry.max.request.bytes";
    public static final String BASIC_AUTH_USERS = "registry.basic.auth.users";
    public static final String BASIC_AUTH_USERS_FILE = "registry.basic.auth.users.file";
    public static final String TLS_KEYSTORE_PATH = "registry.tls.keystore.path";
    public static final String TLS_KEYSTORE_PASSWORD = "registry.tls.keystore.password";
    public static final String TLS_KEYSTORE_TYPE = "registry.tls.keystore.type";
    public static final String HTTP_THREADS = "registry.http.threads";
    public static final String INIT_TIMEOUT_MS = "registry.init.timeout.ms";
    public static final String WRITE_TIMEOUT_MS = "registry.write.timeout.ms";
    /** Prefix of Kafka client properties passed through. */
    public static final String KAFKA_PREFIX = "kafka.";

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 16L * 1024 * 1024;
    private static final String ENV_PREFIX = "AGENTDLP_";
    private static final List<String> KEYS = List.of(BOOTSTRAP_SERVERS, HOST, PORT, TOPIC, REPLICATION_FACTOR,
            DEFAULT_COMPATIBILITY, MAX_REQUEST_BYTES, BASIC_AUTH_USERS, BASIC_AUTH_USERS_FILE, TLS_KEYSTORE_PATH,
            TLS_KEYSTORE_PASSWORD, TLS_KEYSTORE_TYPE, HTTP_THREADS, INIT_TIMEOUT_MS, WRITE_TIMEOUT_MS);

    private final String bootstrapServers;
    private final String host;
    private final int port;
    private final String topic;
    private final int replicationFactor;
    private final CompatibilityLevel defaultCompatibility;
    private final long maxRequestBytes;
    private final List<String> basicAuthUsers;
    private final Path basicAuthUsersFile;
    private final int passwordIterations;
    private final Path tlsKeyStore;
    private final String tlsKeyStorePassword;
    private final String tlsKeyStoreType;
    private final int httpThreads;
    private final Duration initTimeout;
    private final Duration writeTimeout;
    private final Map<String, String> kafkaClientProperties;

    private RegistryServerConfig(Builder b) {
        if (b.bootstrapServers == null || b.bootstrapServers.isBlank()) {
            throw new IllegalArgumentException(BOOTSTRAP_SERVERS + " is required");
        }
        this.bootstrapServers = b.bootstrapServers;
        this.host = b.host;
        this.port = b.port;
        this.topic = b.topic;
        this.replicationFactor = b.replicationFactor;
        this.defaultCompatibility = b.defaultCompatibility;
        this.maxRequestBytes = b.maxRequestBytes;
        this.basicAuthUsers = List.copyOf(b.basicAuthUsers);
        this.basicAuthUsersFile = b.basicAuthUsersFile;
        this.passwordIterations = b.passwordIterations;
        this.tlsKeyStore = b.tlsKeyStore;
        this.tlsKeyStorePassword = b.tlsKeyStorePassword;
        this.tlsKeyStoreType = b.tlsKeyStoreType;
        this.httpThreads = b.httpThreads;
        this.initTimeout = b.initTimeout;
        this.writeTimeout = b.writeTimeout;
        this.kafkaClientProperties = Map.copyOf(b.kafkaClientProperties);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(PORT + " must be in [0, 65535], was " + port);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException(MAX_REQUEST_BYTES + " must be >= 1");
        }
        if (httpThreads < 1) {
            throw new IllegalArgumentException(HTTP_THREADS + " must be >= 1");
        }
    }

    /** Defaults for an embedded registry on {@code 127.0.0.1:8081}. */
    public static Builder builder(String bootstrapServers) {
        return new Builder().bootstrapServers(bootstrapServers);
    }

    /**
     * Settings from properties (keys above); missing keys keep the builder's defaults.
     *
     * @throws IllegalArgumentException for a malformed number or compatibility level, naming the key
     */
    public static Builder fromProperties(Map<String, String> props) {
        Builder b = new Builder();
        props.forEach((key, value) -> {
            if (value != null) {
                b.set(key, value.trim());
            }
        });
        return b;
    }

    /**
     * Maps {@code AGENTDLP_*} environment variables to property keys: the known keys above and
     * {@code AGENTDLP_KAFKA_*} to {@code kafka.*} (e.g. {@code AGENTDLP_KAFKA_SASL_JAAS_CONFIG} to
     * {@code kafka.sasl.jaas.config}; Kafka client keys contain no underscores).
     */
    public static Map<String, String> propertiesFromEnvironment(Map<String, String> env) {
        Map<String, String> props = new HashMap<>();
        for (String key : KEYS) {
            String value = env.get(envName(key));
            if (value != null && !value.isBlank()) {
                props.put(key, value);
            }
        }
        String kafkaEnv = envName(KAFKA_PREFIX);
        env.forEach((name, value) -> {
            if (name.startsWith(kafkaEnv) && name.length() > kafkaEnv.length() && value != null) {
                props.put(KAFKA_PREFIX + name.substring(kafkaEnv.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return props;
    }

    /** The environment variable that sets a property key. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String topic() {
        return topic;
    }

    /** 0 means min(3, number of brokers). */
    public int replicationFactor() {
        return replicationFactor;
    }

    public CompatibilityLevel defaultCompatibility() {
        return defaultCompatibility;
    }

    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /** Inline basic-auth entries (may hold plain passwords: never log them). */
    public List<String> basicAuthUsers() {
        return basicAuthUsers;
    }

    public Path basicAuthUsersFile() {
        return basicAuthUsersFile;
    }

    /** PBKDF2 iterations used when hashing plain passwords given inline or in the file. */
    public int passwordIterations() {
        return passwordIterations;
    }

    public boolean basicAuthEnabled() {
        return !basicAuthUsers.isEmpty() || basicAuthUsersFile != null;
    }

    public Path tlsKeyStore() {
        return tlsKeyStore;
    }

    public String tlsKeyStorePassword() {
        return tlsKeyStorePassword;
    }

    public String tlsKeyStoreType() {
        return tlsKeyStoreType;
    }

    public int httpThreads() {
        return httpThreads;
    }

    public Duration initTimeout() {
        return initTimeout;
    }

    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** Kafka client properties without the {@code kafka.} prefix (values may be secrets: never log them). */
    public Map<String, String> kafkaClientProperties() {
        return kafkaClientProperties;
    }

    @Override
    public String toString() {
        return "RegistryServerConfig[bootstrap=" + bootstrapServers + ", host=" + host + ", port=" + port + ", topic=" + topic
                + ", defaultCompatibility=" + defaultCompatibility + ", maxRequestBytes=" + maxRequestBytes
                + ", basicAuth=" + basicAuthEnabled() + ", tls=" + (tlsKeyStore != null)
                + ", kafkaClientKeys=" + kafkaClientProperties.keySet() + "]";
    }

    /** Builder; every setter has a default except the bootstrap servers. */
    public static final class Builder {
        private String bootstrapServers;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String topic = TopicNames.defaults().name(Topics.SCHEMAS);
        private int replicationFactor;
        private CompatibilityLevel defaultCompatibility = CompatibilityLevel.BACKWARD;
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private final List<String> basicAuthUsers = new ArrayList<>();
        private Path basicAuthUsersFile;
        private int passwordIterations = PasswordHash.DEFAULT_ITERATIONS;
        private Path tlsKeyStore;
        private String tlsKeyStorePassword;
        private String tlsKeyStoreType = "PKCS12";
        private int httpThreads = 8;
        private Duration initTimeout = Duration.ofSeconds(60);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private final Map<String, String> kafkaClientProperties = new HashMap<>();

        private Builder() {
        }

        /** Applies one property key (see the class table); unknown keys are ignored. */
        public Builder set(String key, String value) {
            if (key.equals(KAFKA_PREFIX + BOOTSTRAP_SERVERS)) {
                return bootstrapServers(value);
            }
            if (key.startsWith(KAFKA_PREFIX) && key.length() > KAFKA_PREFIX.length()) {
                return kafkaClientProperty(key.substring(KAFKA_PREFIX.length()), value);
            }
            switch (key) {
                case BOOTSTRAP_SERVERS -> bootstrapServers(value);
                case HOST -> host(value);
                case PORT -> port(integer(key, value));
                case TOPIC -> topic(value);
                case REPLICATION_FACTOR -> replicationFactor(integer(key, value));
                case DEFAULT_COMPATIBILITY -> defaultCompatibility(CompatibilityLevel.parse(value)
                        .orElseThrow(() -> new IllegalArgumentException(key + " is not a compatibility level: " + value)));
                case MAX_REQUEST_BYTES -> maxRequestBytes(longValue(key, value));
                case BASIC_AUTH_USERS -> {
                    for (String entry : value.split(",")) {
                        if (!entry.isBlank()) {
                            basicAuthUser(entry.strip());
                        }
                    }
                }
                case BASIC_AUTH_USERS_FILE -> basicAuthUsersFile(Path.of(value));
                case TLS_KEYSTORE_PATH -> tlsKeyStore = Path.of(value);
                case TLS_KEYSTORE_PASSWORD -> tlsKeyStorePassword = value;
                case TLS_KEYSTORE_TYPE -> tlsKeyStoreType = value;
                case HTTP_THREADS -> httpThreads(integer(key, value));
                case INIT_TIMEOUT_MS -> initTimeout(Duration.ofMillis(longValue(key, value)));
                case WRITE_TIMEOUT_MS -> writeTimeout(Duration.ofMillis(longValue(key, value)));
                default -> {
                    // not a registry setting: other components share the same property files
                }
            }
            return this;
        }

        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        public Builder replicationFactor(int replicationFactor) {
            this.replicationFactor = replicationFactor;
            return this;
        }

        public Builder defaultCompatibility(CompatibilityLevel level) {
            this.defaultCompatibility = Objects.requireNonNull(level);
            return this;
        }

        public Builder maxRequestBytes(long maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        /** Adds {@code user:password} or {@code user:pbkdf2-sha512:...}. */
        public Builder basicAuthUser(String entry) {
            this.basicAuthUsers.add(entry);
            return this;
        }

        public Builder basicAuthUsersFile(Path file) {
            this.basicAuthUsersFile = file;
            return this;
        }

        /** Cost of hashing plain passwords at startup (tests use a small value). */
        public Builder passwordIterations(int iterations) {
            this.passwordIterations = iterations;
            return this;
        }

        /** Serve HTTPS with the key store (PKCS12 or JKS). */
        public Builder tls(Path keyStore, String password, String type) {
            this.tlsKeyStore = keyStore;
            this.tlsKeyStorePassword = password;
            this.tlsKeyStoreType = type;
            return this;
        }

        public Builder httpThreads(int httpThreads) {
            this.httpThreads = httpThreads;
            return this;
        }

        public Builder initTimeout(Duration initTimeout) {
            this.initTimeout = initTimeout;
            return this;
        }

        public Builder writeTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
            return this;
        }

        /** A Kafka client property (e.g. {@code security.protocol}) for the registry's admin, producer and consumer. */
        public Builder kafkaClientProperty(String key, String value) {
            this.kafkaClientProperties.put(key, value);
            return this;
        }

        public RegistryServerConfig build() {
            return new RegistryServerConfig(this);
        }

        private static int integer(String key, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " is not an integer: " + value, e);
            }
        }

        private static long longValue(String key, String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " is not an integer: " + value, e);
            }
        }
    }
}
