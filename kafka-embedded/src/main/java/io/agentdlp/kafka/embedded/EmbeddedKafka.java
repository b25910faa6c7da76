package io.agentdlp.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process),
 * started inside the JVM. Used by the dev stack (persistent data directory: a restart keeps topics
 * and data) and by tests (temporary directory, removed on close).
 *
 * <p>Topic auto-creation is off: topics come from the typed topic registry.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String META_PROPERTIES = "meta.properties";

    private final Path dataDir;
    private final boolean deleteOnClose;
    private final int brokerPort;
    private final int controllerPort;
    private final KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafka(Path dataDir, boolean deleteOnClose, int brokerPort, int controllerPort,
                          Map<String, String> overrides) {
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        Properties props = brokerProperties(overrides);
        formatIfNew();
        this.server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
    }

    /** Starts a broker on free ports in a fresh temporary directory that {@link #close()} deletes. */
    public static EmbeddedKafka startTemporary() {
        return startTemporary(Map.of());
    }

    /** Like {@link #startTemporary()} with extra broker properties (e.g. SASL listeners). */
    public static EmbeddedKafka startTemporary(Map<String, String> overrides) {
        try {
            Path dir = Files.createTempDirectory("agentdlp-kafka-");
            return start(dir, true, freePort(), freePort(), overrides);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create temporary Kafka data directory", e);
        }
    }

    /**
     * Starts a broker whose data survives restarts in {@code dataDir}. A port of 0 picks a free one;
     * the dev stack passes fixed ports so clients keep working across restarts.
     */
    public static EmbeddedKafka startPersistent(Path dataDir, int brokerPort, int controllerPort) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data directory " + dataDir, e);
        }
        return start(dataDir, false, brokerPort == 0 ? freePort() : brokerPort,
                controllerPort == 0 ? freePort() : controllerPort, Map.of());
    }

    private static EmbeddedKafka start(Path dir, boolean deleteOnClose, int brokerPort, int controllerPort,
                                       Map<String, String> overrides) {
        long t0 = System.nanoTime();
        EmbeddedKafka kafka = new EmbeddedKafka(dir, deleteOnClose, brokerPort, controllerPort, overrides);
        kafka.server.startup();
        log.info("event=kafka_started bootstrap={} dataDir={} startupMs={}", kafka.bootstrapServers(), dir,
                (System.nanoTime() - t0) / 1_000_000);
        return kafka;
    }

    private Properties brokerProperties(Map<String, String> overrides) {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir().toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // A dev laptop or CI box: keep the broker's own footprint small.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.putAll(overrides);
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }

    private Path logDir() {
        return dataDir.resolve("kraft-logs");
    }

    private void formatIfNew() {
        Path dir = logDir();
        if (Files.exists(dir.resolve(META_PROPERTIES))) {
            return;
        }
        try {
            Files.createDirectories(dir);
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(dir.toString())
                    .addDirectory(dir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new EmbeddedKafkaException("cannot format KRaft storage in " + dir, e);
        }
    }

    /** {@code localhost:port} of the PLAINTEXT listener. */
    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and, for a temporary broker, deletes its data. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        log.info("event=kafka_stopped bootstrap={}", bootstrapServers());
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("event=kafka_cleanup_failed dir={} error={}", dir, e.toString());
        }
    }
}
