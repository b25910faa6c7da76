package io.agentdlp.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.detection.fingerprint.CodeIndexCodec;
import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.kafka.embedded.EmbeddedKafka;
import io.agentdlp.launcher.index.CodeIndexRecords;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicProvisioner;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agentdlp index --publish} against a real in-JVM broker: records for files, tombstones for deletions. */
class IndexPublishIT {
    @TempDir
    Path tmp;

    @Test
    void publishesRecordsAndTombstones() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(tree.resolve("Ledger.java"), OwnCodeSamples.LEDGER);
        Files.writeString(tree.resolve("Router.java"), OwnCodeSamples.ROUTER);
        Path index = tmp.resolve("index");
        String registry = "mock://index-publish-" + UUID.randomUUID();
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                new TopicProvisioner(admin, TopicNames.defaults(), (short) 1).ensure(List.of(Topics.CODE_INDEX));
            }
            CliRun first = CliRun.of("index", "--index-dir", index.toString(), "--repo", "acme", "--quiet", "--publish",
                    "--bootstrap-servers", kafka.bootstrapServers(), "--registry-url", registry, tree.toString());
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains("published 2 record(s) and 0 tombstone(s) to dlp-code-index");

            Files.delete(tree.resolve("Router.java"));
            CliRun second = CliRun.of("index", "--index-dir", index.toString(), "--repo", "acme", "--quiet", "--publish",
                    "--publish-all", "--bootstrap-servers", kafka.bootstrapServers(), "--registry-url", registry,
                    tree.toString());
            assertThat(second.exit()).as(second.err()).isZero();
            assertThat(second.out()).contains("published 1 record(s) and 1 tombstone(s)");

            Map<String, CodeIndexRecord> latest = new HashMap<>();
            int seen = 0;
            try (TopicSerdes serdes = TopicSerdes.fromConfig(Map.of("schema.registry.url", registry));
                 KafkaConsumer<String, CodeIndexRecord> consumer = new KafkaConsumer<>(Map.of(
                         ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                         ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                         ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                         serdes.keySerde(Topics.CODE_INDEX).deserializer(),
                         serdes.valueSerde(Topics.CODE_INDEX).deserializer())) {
                consumer.subscribe(List.of("dlp-code-index"));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (seen < 4 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, CodeIndexRecord> r : consumer.poll(Duration.ofMillis(500))) {
                        latest.put(r.key(), r.value());
                        seen++;
                    }
                }
            }
            assertThat(seen).isEqualTo(4);
            assertThat(latest).containsKeys(CodeIndexCodec.key("acme", "Ledger.java"), CodeIndexCodec.key("acme", "Router.java"));
            assertThat(latest.get(CodeIndexCodec.key("acme", "Router.java"))).isNull();
            try (FingerprintIndex idx = FingerprintIndex.open(index, IndexOptions.DEFAULT)) {
                assertThat(CodeIndexRecords.toDocument(latest.get(CodeIndexCodec.key("acme", "Ledger.java"))))
                        .isEqualTo(idx.get("acme", "Ledger.java").orElseThrow());
            }
        }
    }
}
