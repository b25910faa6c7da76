package io.agentdlp.it;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** A single-broker Kafka in a container ({@code apache/kafka} image, KRaft), through Testcontainers. */
final class ContainerCluster implements BrokerCluster {
    static final String IMAGE = "apache/kafka:4.1.0";
    private final KafkaContainer kafka;

    private ContainerCluster(KafkaContainer kafka) {
        this.kafka = kafka;
    }

    /** True when a Docker engine answers; Testcontainers needs one. */
    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static ContainerCluster start() {
        KafkaContainer kafka = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        kafka.start();
        return new ContainerCluster(kafka);
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public short replicationFactor() {
        return 1;
    }

    @Override
    public void close() {
        kafka.stop();
    }
}
