package io.agentdlp.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.agentdlp.kafka.embedded.EmbeddedKafka;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agentdlp dev}: the embedded stack on one machine. */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Run the embedded dev stack: an in-JVM Kafka broker (KRaft) with agentdlp's topics.",
                "Data persists under --data-dir; Ctrl-C stops everything cleanly."})
final class DevCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "${env:AGENTDLP_DATA_DIR:-.agentdlp}",
            description = "Where broker data lives (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "${env:AGENTDLP_KAFKA_PORT:-9092}",
            description = "Kafka bootstrap port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--controller-port", defaultValue = "${env:AGENTDLP_CONTROLLER_PORT:-9093}",
            description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Override
    public Integer call() throws Exception {
        Path kafkaDir = dataDir.resolve("kafka").toAbsolutePath();
        try (DevLock lock = DevLock.acquire(dataDir.toAbsolutePath());
             EmbeddedKafka kafka = EmbeddedKafka.startPersistent(kafkaDir, kafkaPort, controllerPort)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                new TopicProvisioner(admin, TopicNames.defaults(), (short) 1).ensure(Topics.ALL);
            }
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "agentdlp-dev-shutdown"));
            System.out.println();
            System.out.println("agentdlp dev stack is up (this stage runs the Kafka broker and topics only).");
            System.out.println("  Kafka bootstrap:  " + kafka.bootstrapServers());
            System.out.println("  Data directory:   " + dataDir.toAbsolutePath());
            System.out.println("Press Ctrl-C to stop.");
            stop.await();
        }
        return 0;
    }
}
