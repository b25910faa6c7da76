package io.agentdlp.it;

import java.time.Duration;
import java.util.Properties;

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
    private final DlpMetrics metrics;

    private TopologyInstance(KafkaStreams streams, DlpTopology topology, DlpMetrics metrics) {
        this.streams = streams;
        this.topology = topology;
        this.metrics = metrics;
    }

    /** Builds and starts the topology; returns once the instance is RUNNING. */
    static TopologyInstance start(TopologyConfig config, Duration timeout) {
        DlpMetrics metrics = DlpMetrics.detached();
        StreamsBuilder builder = new StreamsBuilder();
        DlpTopology topology = DlpTopology.buildTopology(builder, config, metrics);
        Properties props = StreamsSettings.properties(config, metrics);
        KafkaStreams streams = new KafkaStreams(builder.build(props), props);
        streams.start();
        TopologyInstance instance = new TopologyInstance(streams, topology, metrics);
        try {
            Await.until("topology RUNNING", timeout, () -> streams.state() == KafkaStreams.State.RUNNING);
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    KafkaStreams.State state() {
        return streams.state();
    }

    DlpMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        topology.close();
    }
}
