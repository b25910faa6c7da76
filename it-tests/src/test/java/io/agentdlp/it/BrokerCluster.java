package io.agentdlp.it;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The Kafka the pipeline runs on: the in-JVM multi-broker test kit or a container. */
interface BrokerCluster extends AutoCloseable {
    String bootstrapServers();

    /** Replication factor of the topics and of the topology's internal topics. */
    short replicationFactor();

    default Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }
}
