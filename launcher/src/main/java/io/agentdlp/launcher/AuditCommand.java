package io.agentdlp.launcher;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.agentdlp.audit.AuditTrailVerifier;
import io.agentdlp.audit.AuditVerification;
import io.agentdlp.audit.AuditViolation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code agentdlp audit}: work with exported agent audit trails. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Agent audit trail tools.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code agentdlp audit verify FILE}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the hash chains of an exported audit trail (JSON Lines, '-' for stdin).",
                    "Exit code 0 = intact, 1 = tampered (each broken record is named), 2 = error."})
    static final class Verify implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "Exported trail (.jsonl), or - for stdin.")
        String file;

        @Override
        public Integer call() throws IOException {
            AuditVerification v;
            try (BufferedReader in = file.equals("-")
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                v = new AuditTrailVerifier().verify(in);
            }
            for (String p : v.partialStarts()) {
                System.out.println("note: " + p + " (earlier records are not in this export)");
            }
            for (AuditViolation x : v.violations()) {
                System.out.println("BROKEN " + x);
            }
            System.out.printf("%d records, %d sessions: %s%n", v.records(), v.sessions(),
                    v.intact() ? "intact" : v.violations().size() + " broken link(s)");
            return v.intact() ? 0 : 1;
        }
    }

    /** {@code agentdlp audit export}: the trail topic as JSON Lines, ready for {@code audit verify}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the agent audit trail (the agent-audit-trail topic) as JSON Lines, one OCSF record per line.",
                    "Reads without a consumer group up to the end offsets found at start; each session stays in order.",
                    "Exit code 0 = written, 2 = error."})
    static final class Export implements Callable<Integer> {
        @Mixin
        KafkaClientOptions kafka;

        @Option(names = "--topic", defaultValue = "agent-audit-trail",
                description = "Trail topic (default: ${DEFAULT-VALUE}).")
        String topic;

        @Option(names = "--session", paramLabel = "KEY",
                description = "Only this session (its key, <device.id>:<session_id>).")
        String session;

        @Option(names = "--from", paramLabel = "ISO-8601",
                description = "Only records written at or after this time, e.g. 2026-11-24T00:00:00Z.")
        Instant from;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output).")
        Path output;

        @Override
        public Integer call() throws IOException {
            Map<String, Object> props = new HashMap<>(kafka.clients());
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            long written = 0;
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(),
                    new StringDeserializer());
                 Writer out = output == null
                         ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                         : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (parts.isEmpty()) {
                    System.err.println("topic " + topic + " does not exist");
                    return 2;
                }
                Map<TopicPartition, Long> end = c.endOffsets(parts);
                // One partition at a time: a session lives on one partition, so its records stay in order.
                for (TopicPartition tp : parts) {
                    c.assign(List.of(tp));
                    seekStart(c, tp);
                    while (c.position(tp) < end.get(tp)) {
                        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                            if (r.offset() >= end.get(tp)) {
                                break;
                            }
                            if (r.value() != null && (session == null || session.equals(r.key()))) {
                                out.write(r.value());
                                out.write('\n');
                                written++;
                            }
                        }
                    }
                }
                out.flush();
            }
            System.err.println(written + " records written");
            return 0;
        }

        private void seekStart(KafkaConsumer<String, String> c, TopicPartition tp) {
            if (from == null) {
                c.seekToBeginning(List.of(tp));
                return;
            }
            OffsetAndTimestamp o = c.offsetsForTimes(Map.of(tp, from.toEpochMilli())).get(tp);
            if (o == null) {
                c.seekToEnd(List.of(tp));
            } else {
                c.seek(tp, o.offset());
            }
        }
    }
}
