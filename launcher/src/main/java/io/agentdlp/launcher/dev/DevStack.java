package io.agentdlp.launcher.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.agentdlp.alerts.AlertsService;
import io.agentdlp.alerts.auth.PasswordHasher;
import io.agentdlp.alerts.config.Settings;
import io.agentdlp.avro.Policy;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.TextDetector;
import io.agentdlp.detection.pii.PiiOptions;
import io.agentdlp.detection.pii.PiiScanner;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.detection.policy.PolicyFile;
import io.agentdlp.detection.secret.RuleCatalog;
import io.agentdlp.detection.secret.SecretScanner;
import io.agentdlp.ingest.delivery.EventPublisher;
import io.agentdlp.ingest.delivery.KafkaEventPublisher;
import io.agentdlp.ingest.gateway.GatewayConfig;
import io.agentdlp.ingest.gateway.PolicyFeed;
import io.agentdlp.ingest.gateway.GatewayServer;
import io.agentdlp.ingest.gateway.TokenStore;
import io.agentdlp.ingest.normalize.DeviceContext;
import io.agentdlp.ingest.normalize.GitRepoLookup;
import io.agentdlp.ingest.proxy.EgressProxy;
import io.agentdlp.ingest.proxy.Enforcement;
import io.agentdlp.ingest.proxy.ProxyConfig;
import io.agentdlp.ingest.sensor.SensorConfig;
import io.agentdlp.ingest.policy.EdgePolicy;
import io.agentdlp.ingest.policy.PolicySettings;
import io.agentdlp.ingest.sensor.SensorDaemon;
import io.agentdlp.kafka.embedded.EmbeddedKafka;
import io.agentdlp.policy.PolicyRecords;
import io.agentdlp.registry.server.RegistryServerConfig;
import io.agentdlp.registry.server.SchemaRegistryServer;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topology.DlpApplication;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.config.TopologyOptions;
import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.TopicSpec;
import io.agentdlp.topics.Topics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole product on one machine, in one JVM: a real Kafka broker (KRaft), the schema registry,
 * the detection topology, the sensor, the egress proxy and the SOC console, sharing one data
 * directory (a restart keeps everything) and one keyed-hash key. Components start in dependency
 * order and stop in reverse.
 */
public final class DevStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path dataDir;
    private final DevPorts ports;
    private final PrintStream out;
    private EmbeddedKafka kafka;
    private SchemaRegistryServer registry;
    private SensorDaemon sensor;
    private EgressProxy proxy;
    private GatewayServer gateway;
    private DlpApplication topology;
    private AlertsService alerts;
    private TopologyConfig topologyConfig;
    private String gatewayToken;
    private PolicyFeed policyFeed;
    private DevSecrets secrets;
    private final Map<String, String> topologyOverrides;

    public DevStack(Path dataDir, DevPorts ports, PrintStream out) {
        this(dataDir, ports, out, Map.of());
    }

    /**
     * A stack whose topology runs with {@code topologyOverrides} on top of the dev settings (topology
     * option names, e.g. {@code processing.guarantee=at_least_once} or {@code volume.window=10s}).
     */
    public DevStack(Path dataDir, DevPorts ports, PrintStream out, Map<String, String> topologyOverrides) {
        this.dataDir = dataDir.toAbsolutePath();
        this.ports = ports;
        this.out = out;
        this.topologyOverrides = Map.copyOf(topologyOverrides);
    }

    /** Starts every component; on failure stops what had started and rethrows. */
    public DevStack start() throws Exception {
        try {
            Files.createDirectories(dataDir);
            secrets = DevSecrets.loadOrCreate(dataDir);
            step("Kafka broker (KRaft)", () -> {
                kafka = EmbeddedKafka.startPersistent(dataDir.resolve("kafka"), ports.kafka(), ports.controller());
                started.push(kafka);
                try (Admin admin = admin()) {
                    new TopicProvisioner(admin, TopicNames.defaults(), (short) 1).ensure(Topics.ALL);
                }
            });
            step("schema registry", () -> {
                registry = SchemaRegistryServer.start(RegistryServerConfig.builder(kafka.bootstrapServers())
                        .port(ports.registry()).build());
                started.push(registry);
            });
            step("default policy", this::loadDefaultPolicy);
            step("detection topology", this::startTopology);
            step("ingest gateway", this::startGateway);
            step("SOC console", this::startAlerts);
            step("sensor", this::startSensor);
            step("egress proxy", this::startProxy);
            return this;
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step s) throws Exception {
        long t0 = System.nanoTime();
        out.printf("  starting %-22s", name + " ...");
        out.flush();
        s.run();
        out.printf(" ok (%d ms)%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private Map<String, Object> serdeConfig() {
        return Map.of("schema.registry.url", registry.url());
    }

    /** Publishes the shipped default policy the first time; a restart keeps whatever was pushed since. */
    private void loadDefaultPolicy() throws Exception {
        PolicyDocument doc;
        try (InputStream in = PolicyFile.class.getResourceAsStream("default-policy.yaml")) {
            doc = PolicyFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-policy.yaml");
        }
        String topic = TopicNames.defaults().name(Topics.POLICIES);
        try (Admin admin = admin()) {
            TopicPartition tp = new TopicPartition(topic, 0);
            ListOffsetsResult.ListOffsetsResultInfo end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp)
                    .get(30, TimeUnit.SECONDS);
            if (end.offset() > 0) {
                return;
            }
        }
        try (TopicSerdes serdes = TopicSerdes.fromConfig(serdeConfig());
             KafkaProducer<String, Policy> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                     serdes.keySerde(Topics.POLICIES).serializer(), serdes.valueSerde(Topics.POLICIES).serializer())) {
            producer.send(new ProducerRecord<>(topic, doc.id(), PolicyRecords.toAvro(doc, Instant.now()))).get(30, TimeUnit.SECONDS);
        }
    }

    private void startAlerts() throws IOException {
        Path users = dataDir.resolve("console-users");
        if (!Files.exists(users) || secrets.adminPasswordNew()) {
            Files.writeString(users, "# agentdlp dev console users: name:role:hash (see docs/alerts.md)\nadmin:admin:"
                    + PasswordHasher.hash(secrets.adminPassword().toCharArray(), PasswordHasher.DEFAULT_ITERATIONS) + "\n");
        }
        Map<String, String> s = new HashMap<>();
        s.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        s.put("schema.registry.url", registry.url());
        s.put("alerts.http.port", String.valueOf(ports.alerts()));
        s.put("alerts.auth.users-file", users.toString());
        s.put("alerts.topics.create", "true");
        alerts = AlertsService.start(new Settings(s), Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()));
        started.push(alerts);
    }

    /** The Kafka Streams topology, state under the data directory, exactly-once, same hash key as the edge. */
    private void startTopology() {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", kafka.bootstrapServers());
        p.setProperty("schema.registry.url", registry.url());
        p.setProperty("state.dir", dataDir.resolve("topology-state").toString());
        p.setProperty("replication.factor", "1");
        p.setProperty("num.stream.threads", "1");
        p.setProperty("hash.key", secrets.hashKey());
        p.setProperty("http.host", "127.0.0.1");
        p.setProperty("http.port", String.valueOf(ports.topology()));
        p.setProperty("streams.commit.interval.ms", "200");
        topologyOverrides.forEach(p::setProperty);
        topologyConfig = TopologyConfig.from(p);
        topology = DlpApplication.start(topologyConfig);
        started.push(topology);
    }

    /** The gateway with one dev token (persisted, so a restart keeps it) that is not rate limited. */
    private void startGateway() throws IOException {
        Path tokens = dataDir.resolve("gateway-tokens");
        Path tokenFile = dataDir.resolve("gateway.token");
        if (!Files.exists(tokenFile)) {
            String token = TokenStore.issue(tokens, "dev", "rate=1000000 burst=1000000");
            Files.writeString(tokenFile, token, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the user profile's ACLs apply
            }
        }
        gatewayToken = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
        TopicSerdes serdes = TopicSerdes.fromConfig(serdeConfig());
        started.push(serdes);
        String topic = TopicNames.defaults().name(Topics.EGRESS_EVENTS);
        KafkaEventPublisher kafkaOut = KafkaEventPublisher.create(localProducer(),
                serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(), topic);
        policyFeed = new PolicyFeed(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                serdes.valueSerde(Topics.POLICIES).deserializer(), TopicNames.defaults().name(Topics.POLICIES)).start();
        started.push(policyFeed);
        gateway = GatewayServer.start(GatewayConfig.defaults(tokens).withAddress("127.0.0.1", ports.gateway()), kafkaOut, topic,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC(), policyFeed);
        started.push(gateway);
    }

    /**
     * Event producers to the in-JVM broker: uncompressed. On loopback, bytes cost nothing and CPU is what
     * the one machine runs out of: lz4 (the deployed gateway's default, for networks and replicated disks)
     * cost 74 µs of CPU per event for producer, broker and one reader against 55 µs uncompressed
     * ({@code ProducerCompressionCpu}, docs/BENCHMARKS.md).
     */
    private Map<String, Object> localProducer() {
        return Map.of("bootstrap.servers", kafka.bootstrapServers(), "compression.type", "none");
    }

    private EventPublisher kafkaPublisher() {
        TopicSerdes serdes = TopicSerdes.fromConfig(serdeConfig());
        started.push(serdes);
        return KafkaEventPublisher.create(localProducer(),
                serdes.valueSerde(Topics.EGRESS_EVENTS).serializer(), TopicNames.defaults().name(Topics.EGRESS_EVENTS));
    }

    private void startSensor() throws IOException {
        SensorConfig cfg = SensorConfig.defaults(dataDir.resolve("sensor")).withPorts(ports.sensorHooks(), ports.sensorOtlp());
        cfg = new SensorConfig(cfg.dataDir(), cfg.hookHost(), cfg.hookPort(), cfg.otlpHost(), cfg.otlpPort(),
                cfg.otlpRequireToken(), cfg.spool(), cfg.privacyMode(), cfg.modes(), cfg.verdictUrl(), cfg.verdictTimeout(),
                cfg.failClosed(), cfg.maxHookBytes(), cfg.maxOtlpBytes(), cfg.maxTextChars(), secrets.hashKey(), cfg.userEmail());
        // the sensor enforces the access policy in force on dlp-policies, fetched through the gateway like in production
        cfg = cfg.withPolicy(PolicySettings.none().withGateway(
                URI.create("http://127.0.0.1:" + gateway.address().getPort()), gatewayToken, null, Duration.ofSeconds(2)));
        sensor = SensorDaemon.start(cfg, kafkaPublisher(), "kafka:" + kafka.bootstrapServers(), GitRepoLookup.standard(),
                Clock.systemUTC());
        started.push(sensor);
    }

    private void startProxy() throws IOException {
        KeyedHasher hasher = KeyedHasher.fromSecret(secrets.hashKey());
        TextDetector detectors = TextDetector.all(List.of(
                SecretScanner.builder().catalog(RuleCatalog.builtIn()).hasher(hasher).build(),
                new PiiScanner(hasher, PiiOptions.defaults())));
        EventPublisher publisher = kafkaPublisher();
        started.push(publisher);
        ProxyConfig cfg = new ProxyConfig("127.0.0.1", ports.proxy(), ProxyConfig.publicUpstreams(), Enforcement.parse("enforce"),
                16 * 1024 * 1024, false, false, null, null, sensor.identity() == null
                        ? DeviceContext.local("dev-proxy", null) : DeviceContext.local(sensor.identity().deviceId(), null),
                ports.forwardProxy());
        // like the sensor: the policy in force on dlp-policies through the gateway, cached under the proxy's data directory
        EdgePolicy proxyPolicy = EdgePolicy.open(PolicySettings.none().withAskFallback(PolicySettings.AskFallback.WARN).withGateway(
                URI.create("http://127.0.0.1:" + gateway.address().getPort()), gatewayToken, null, Duration.ofSeconds(2)),
                cfg.device(), dataDir.resolve("proxy"), Clock.systemUTC()).start();
        started.push(proxyPolicy);
        proxy = EgressProxy.start(cfg, detectors, proxyPolicy, e -> publisher.publish(List.of(e)).join(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        started.push(proxy);
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public URI consoleUrl() {
        return URI.create("http://127.0.0.1:" + alerts.port() + "/");
    }

    public URI topologyUrl() {
        return URI.create("http://127.0.0.1:" + topology.httpPort());
    }

    public String topologyApplicationId() {
        return topologyConfig.string(TopologyOptions.APPLICATION_ID);
    }

    public URI gatewayUrl() {
        return URI.create("http://127.0.0.1:" + gateway.address().getPort());
    }

    /** Topic name of {@code topic} in this stack. */
    public String topic(TopicSpec<?, ?> topic) {
        return TopicNames.defaults().name(topic);
    }

    /** Bearer token of the dev gateway. */
    public String gatewayToken() {
        return gatewayToken;
    }

    public DevSecrets secrets() {
        return secrets;
    }

    public SensorDaemon sensor() {
        return sensor;
    }

    /** Port of the sensor's hook endpoint (the one it bound, when the stack was given port 0). */
    public int sensorHookPort() {
        return sensor.hookAddress().getPort();
    }

    public EgressProxy proxy() {
        return proxy;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops everything in reverse start order; keeps going past a component that fails to stop. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("event=dev_stop_failed component={} error={}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
