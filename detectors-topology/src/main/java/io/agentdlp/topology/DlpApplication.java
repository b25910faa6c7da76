package io.agentdlp.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.TopicSpec;
import io.agentdlp.topics.Topics;
import io.agentdlp.topology.config.StreamsSettings;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.config.TopologyOptions;
import io.agentdlp.topology.http.DlpHttpServer;
import io.agentdlp.topology.http.KafkaStreamsView;
import io.agentdlp.topology.http.VerdictService;
import io.agentdlp.topology.metrics.DlpMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The running topology: creates missing topics, starts Kafka Streams with the topology of
 * {@link DlpTopology}, binds Kafka Streams, client and JVM metrics to a Prometheus registry and
 * serves the HTTP API. A stream thread that dies on an unexpected error shuts the client down
 * (state ERROR: /health fails, the orchestrator restarts the instance).
 */
public final class DlpApplication implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DlpApplication.class);
    /** The topics the topology reads and writes. */
    public static final List<TopicSpec<?, ?>> TOPICS = List.of(Topics.EGRESS_EVENTS, Topics.ALERTS, Topics.CODE_INDEX,
            Topics.POLICIES, Topics.DEAD_LETTER);

    private final KafkaStreams streams;
    private final DlpTopology topology;
    private final KafkaStreamsMetrics streamsMetrics;
    private final PrometheusMeterRegistry registry;
    private final DlpHttpServer http;
    private final CountDownLatch stopped;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DlpApplication(KafkaStreams streams, DlpTopology topology, KafkaStreamsMetrics streamsMetrics,
                           PrometheusMeterRegistry registry, DlpHttpServer http, CountDownLatch stopped) {
        this.stopped = stopped;
        this.streams = streams;
        this.topology = topology;
        this.streamsMetrics = streamsMetrics;
        this.registry = registry;
        this.http = http;
    }

    /** The topology description ({@code ./agentdlp topology --describe}). */
    public static String describe(TopologyConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        try (DlpTopology t = DlpTopology.buildTopology(builder, config)) {
            return builder.build(StreamsSettings.properties(config, DlpMetrics.detached())).describe().toString();
        }
    }

    /** Starts everything; returns once Streams and the HTTP server are started (Streams may still be rebalancing). */
    public static DlpApplication start(TopologyConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        DlpMetrics metrics = new DlpMetrics(registry);
        if (config.bool(TopologyOptions.TOPICS_CREATE)) {
            createTopics(config);
        }
        DlpHttpServer http = null;
        if (config.bool(TopologyOptions.HTTP_ENABLED)) {
            try {
                http = DlpHttpServer.bind(config.string(TopologyOptions.HTTP_HOST), config.integer(TopologyOptions.HTTP_PORT),
                        config.integer(TopologyOptions.HTTP_THREADS));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the HTTP API on port " + config.string(TopologyOptions.HTTP_PORT), e);
            }
            config = withAnnouncedPort(config, http.port());
        }
        StreamsBuilder builder = new StreamsBuilder();
        DlpTopology topology = DlpTopology.buildTopology(builder, config, metrics);
        Properties props = StreamsSettings.properties(config, metrics);
        Topology t = builder.build(props);
        KafkaStreams streams = new KafkaStreams(t, props);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("event=stream_thread_failed exception={}", e.getClass().getName(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            log.info("event=streams_state from={} to={}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        streams.start();
        if (http != null) {
            String server = config.string(TopologyOptions.APPLICATION_SERVER);
            KafkaStreamsView view = new KafkaStreamsView(streams, server.isEmpty() ? null : HostInfo.buildFromEndpoint(server),
                    config.integer(TopologyOptions.SESSION_TIMELINE_MAX_EVENTS) > 0);
            VerdictService verdicts = new VerdictService(topology.detectors(), view, topology.policies(),
                    config.bytes(TopologyOptions.SCAN_MAX_BYTES), config.integer(TopologyOptions.CODE_HIGH_SEVERITY_LINES),
                    config.bool(TopologyOptions.CODE_ENABLED), metrics);
            http.serve(config.bytes(TopologyOptions.HTTP_MAX_REQUEST_BYTES), registry, view, verdicts);
        }
        log.info("event=topology_started applicationId={} guarantee={} codeIndexMode={}",
                config.string(TopologyOptions.APPLICATION_ID), config.string(TopologyOptions.PROCESSING_GUARANTEE),
                config.codeIndexMode());
        return new DlpApplication(streams, topology, streamsMetrics, registry, http, stopped);
    }

    /**
     * {@code application.server} with port 0 announces the port the HTTP API bound (useful with
     * {@code http.port=0}); any other value is announced as configured.
     */
    static TopologyConfig withAnnouncedPort(TopologyConfig config, int httpPort) {
        String server = config.string(TopologyOptions.APPLICATION_SERVER);
        if (server.isEmpty()) {
            return config;
        }
        HostInfo announced = HostInfo.buildFromEndpoint(server);
        if (announced.port() != 0) {
            return config;
        }
        return config.with(TopologyOptions.APPLICATION_SERVER.key(), announced.host() + ":" + httpPort);
    }

    private static void createTopics(TopologyConfig config) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.string(TopologyOptions.BOOTSTRAP_SERVERS));
        config.streamsOverrides().forEach((k, v) -> {
            if (k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                p.put(k, v);
            }
        });
        int rf = config.integer(TopologyOptions.REPLICATION_FACTOR);
        try (Admin admin = Admin.create(p)) {
            new TopicProvisioner(admin, config.topicNames(), (short) (rf > 0 ? rf : 1)).ensure(TOPICS);
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public DlpTopology topology() {
        return topology;
    }

    /** Port of the HTTP API, or -1 when disabled. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /** Blocks until {@link #close()} ran or Streams failed; true when Streams failed (state ERROR). */
    public boolean awaitStop() throws InterruptedException {
        stopped.await();
        return streams.state() == KafkaStreams.State.ERROR;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (http != null) {
            http.close();
        }
        streams.close(Duration.ofSeconds(30));
        streamsMetrics.close();
        topology.close();
        registry.close();
        stopped.countDown();
        log.info("event=topology_stopped");
    }
}
