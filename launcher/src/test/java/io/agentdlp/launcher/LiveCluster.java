package io.agentdlp.launcher;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.agentdlp.kafka.embedded.EmbeddedKafka;
import io.agentdlp.registry.server.RegistryServerConfig;
import io.agentdlp.registry.server.SchemaRegistryServer;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.Topics;

/** A real single-node broker with every agentdlp topic and a real schema registry server on it. */
final class LiveCluster implements AutoCloseable {
    final EmbeddedKafka kafka;
    final SchemaRegistryServer registry;

    LiveCluster() {
        kafka = EmbeddedKafka.startTemporary();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicProvisioner(admin, TopicNames.defaults(), (short) 1).ensure(Topics.ALL);
        }
        registry = SchemaRegistryServer.start(RegistryServerConfig.builder(kafka.bootstrapServers()).port(0).build());
    }

    /** The connection options of the CLI for this cluster. */
    List<String> options() {
        return List.of("--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry", registry.url());
    }

    /** {@code args} followed by the connection options. */
    String[] cli(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(options());
        return all.toArray(String[]::new);
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
    }
}
