package io.agentdlp.it;

import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real multi-broker KRaft cluster inside the test JVM (Kafka's own test kit): one controller and
 * {@code brokers} brokers, so tests can stop and restart a broker mid-stream.
 */
final class KafkaTestCluster implements BrokerCluster {
    private final KafkaClusterTestKit kit;

    private KafkaTestCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    static KafkaTestCluster start(int brokers, Map<String, String> brokerConfig) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(false)
                .setNumControllerNodes(1)
                .setNumBrokerNodes(brokers)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false");
        brokerConfig.forEach(builder::setConfigProp);
        KafkaClusterTestKit kit = builder.build();
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            kit.close();
            throw e;
        }
        return new KafkaTestCluster(kit);
    }

    @Override
    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    @Override
    public short replicationFactor() {
        return (short) Math.min(3, kit.brokers().size());
    }

    /** Stops broker {@code id} (ids start at 0) and waits until it is down. */
    void stopBroker(int id) {
        var broker = kit.brokers().get(id);
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Starts a previously stopped broker again. */
    void startBroker(int id) {
        kit.brokers().get(id).startup();
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
