package io.agentdlp.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentdlp.audit.AuditChain;
import io.agentdlp.kafka.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit export} reads a trail topic into JSON Lines that {@code audit verify} accepts, and a tampered copy fails. */
class AuditExportIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anExportedTrailVerifiesAndOneEditedRecordFailsIt() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            String bootstrap = kafka.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic("trail", 3, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                    new StringSerializer(), new StringSerializer())) {
                for (String session : List.of("dev-1:s1", "dev-1:s2", "dev-2:s1")) {
                    String prev = AuditChain.GENESIS;
                    for (int seq = 1; seq <= 4; seq++) {
                        ObjectNode r = JSON.createObjectNode();
                        r.put("class_uid", 1007).put("activity_id", 1).put("time", 1_795_496_400_000L + seq);
                        r.putObject("metadata").put("uid", session + "/e" + seq).put("correlation_uid", session);
                        r.putObject("process").put("name", "Bash").put("uid", "tu-" + seq);
                        prev = AuditChain.link(r, session, seq, prev);
                        p.send(new ProducerRecord<>("trail", session, r.toString()));
                    }
                }
                p.flush();
            }
            Path all = dir.resolve("all.jsonl");
            CliRun export = CliRun.of("audit", "export", "--bootstrap-servers", bootstrap, "--topic", "trail",
                    "--output", all.toString());
            assertThat(export.exit()).isZero();
            assertThat(Files.readAllLines(all)).hasSize(12);
            assertThat(CliRun.of("audit", "verify", all.toString()).exit()).isZero();

            Path one = dir.resolve("one.jsonl");
            assertThat(CliRun.of("audit", "export", "--bootstrap-servers", bootstrap, "--topic", "trail",
                    "--session", "dev-1:s2", "-o", one.toString()).exit()).isZero();
            List<String> lines = Files.readAllLines(one);
            assertThat(lines).hasSize(4).allSatisfy(l -> assertThat(l).contains("\"dev-1:s2\""));
            assertThat(CliRun.of("audit", "verify", one.toString()).exit()).isZero();

            lines.set(1, lines.get(1).replace("\"Bash\"", "\"Read\""));
            Path tampered = dir.resolve("tampered.jsonl");
            Files.write(tampered, lines, StandardCharsets.UTF_8);
            assertThat(CliRun.of("audit", "verify", tampered.toString()).exit()).isEqualTo(1);

            assertThat(CliRun.of("audit", "export", "--bootstrap-servers", bootstrap, "--topic", "no-such-topic",
                    "-o", dir.resolve("none.jsonl").toString()).exit()).isEqualTo(2);
        }
    }
}
