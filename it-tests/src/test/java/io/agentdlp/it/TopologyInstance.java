package io.agentdlp.it;

import java.time.Duration;
import java.util.Properties;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;

import io.agentdlp.topology.DlpTopology;
import io.agentdlp.topology.config.StreamsSettings;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.metrics.DlpMetrics;

/** One topology instance (Kafka Streams) running inside the test JVM. */
final class TopologyInstance implements AutoCloseable {
    private final KafkaStreams streams;
    private final DlpTopology topology;
    private final PrometheusMeterRegistry registry;
    private final KafkaStreamsMetrics streamsMetrics;

    private TopologyInstance(KafkaStreams streams, DlpTopology topology, PrometheusMeterRegistry registry) {
        this.streams = streams;
        this.topology = topology;
        this.registry = registry;
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    /** Builds and starts the topology; returns once the instance is RUNNING. */
    static TopologyInstance start(TopologyConfig config, Duration timeout) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DlpMetrics metrics = new DlpMetrics(registry);
        StreamsBuilder builder = new StreamsBuilder();
        DlpTopology topology = DlpTopology.buildTopology(builder, config, metrics);
        Properties props = StreamsSettings.properties(config, metrics);
        KafkaStreams streams = new KafkaStreams(builder.build(props), props);
        streams.start();
        TopologyInstance instance = new TopologyInstance(streams, topology, registry);
        try {
            Await.until("topology RUNNING", timeout, () -> streams.state() == KafkaStreams.State.RUNNING
                    || streams.state() == KafkaStreams.State.ERROR);
            if (streams.state() != KafkaStreams.State.RUNNING) {
                throw new IllegalStateException("topology instance failed to start: state " + streams.state());
            }
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    KafkaStreams.State state() {
        return streams.state();
    }

    /** Documents in this instance's materialised own-code index. */
    long codeIndexDocuments() {
        return topology.codeIndex().documents();
    }

    /** The Prometheus text the instance would serve on {@code /metrics} (DLP and Kafka Streams meters). */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        streamsMetrics.close();
        topology.close();
        registry.close();
    }
}
