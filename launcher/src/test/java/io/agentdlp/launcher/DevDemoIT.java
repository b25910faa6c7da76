package io.agentdlp.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.launcher.dev.DemoSessions;
import io.agentdlp.launcher.dev.DevPorts;
import io.agentdlp.launcher.dev.DevStack;
import io.agentdlp.launcher.dev.OwnCodeSample;
import io.agentdlp.launcher.dev.PortsInUse;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's scripted sessions, sent through the real sensor of a real dev stack, raise the alert kinds
 * the demo promises: secrets, own code (indexed at run time), a sensitive read then upload, a volume spike.
 */
class DevDemoIT {
    @TempDir
    Path dataDir;

    @Test
    void theDemoScenesRaiseEveryPromisedAlertKind() throws Exception {
        DevPorts ports = DevPorts.ephemeral();
        try (DevStack stack = new DevStack(dataDir, ports, new PrintStream(PrintStream.nullOutputStream()),
                DemoSessions.TOPOLOGY_OVERRIDES).start();
             TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", stack.registryUrl()));
             KafkaConsumer<String, DlpAlert> alerts = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                     ConsumerConfig.GROUP_ID_CONFIG, "demo-it", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                     new StringDeserializer(), serdes.valueSerde(Topics.ALERTS).deserializer())) {
            // the ports the running stack bound (it was given 0) are seen as taken
            DevPorts bound = new DevPorts(0, 0, 0, stack.gatewayUrl().getPort(), 0, 0, stack.sensorHookPort(), 0, 0, 0);
            assertThat(PortsInUse.of(bound)).containsEntry("--gateway-port", bound.gateway())
                    .containsEntry("--sensor-port", bound.sensorHooks());

            OwnCodeSample sample = OwnCodeSample.generate(5, 4);
            sample.writeTo(dataDir.resolve("own"));
            new StackIndexer(stack).index(dataDir.resolve("own"), "acme/demo", true);
            DemoSessions demo = new DemoSessions(java.net.URI.create("http://127.0.0.1:" + stack.sensorHookPort()),
                    stack.sensor().identity().token(), sample);
            alerts.subscribe(List.of(stack.topic(Topics.ALERTS)));

            demo.send(demo.immediateScenes());
            Set<String> kinds = awaitKinds(alerts, demo.sessionPrefix(),
                    Set.of("secret", "code-fingerprint", "sequence", "risky-action"), Duration.ofSeconds(90));
            assertThat(kinds).contains("secret", "code-fingerprint", "sequence", "risky-action");

            for (int w = 0; w < 4; w++) {
                demo.send(demo.quietWindow(w));
                Thread.sleep(10_000);
            }
            demo.send(demo.spike(120));
            Thread.sleep(10_000);
            demo.send(demo.quietWindow(4));
            assertThat(awaitKinds(alerts, null, Set.of("volume"), Duration.ofSeconds(60))).contains("volume");
        }
    }

    /** Detector names of alerts (of sessions starting with {@code prefix}, or any) until all {@code wanted} were seen. */
    private static Set<String> awaitKinds(KafkaConsumer<String, DlpAlert> alerts, String prefix, Set<String> wanted,
                                          Duration max) {
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + max.toNanos();
        while (!seen.containsAll(wanted) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, DlpAlert> r : alerts.poll(Duration.ofMillis(200))) {
                DlpAlert a = r.value();
                if (a != null && (prefix == null || (a.getSessionId() != null && a.getSessionId().startsWith(prefix)))) {
                    seen.add(a.getDetector());
                }
            }
        }
        return seen;
    }
}
