package io.agentdlp.launcher;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.kafka.common.KafkaException;

import io.agentdlp.launcher.replay.EventExport;
import io.agentdlp.launcher.replay.EventFilter;
import io.agentdlp.launcher.replay.EventImport;
import io.agentdlp.launcher.replay.OffsetRange;
import io.agentdlp.launcher.replay.ReplayFile;
import io.agentdlp.launcher.replay.ReplayFileException;
import io.agentdlp.launcher.replay.ReplayProgress;
import io.agentdlp.launcher.replay.TimeBound;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.agentdlp.tuning.backtest.ReplayEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code agentdlp events}: replay sets of egress events (export from and import into a topic). */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Replay sets: JSON Lines of agent-event/v1 events (optionally labelled), the unit of a backtest.",
                "See docs/tuning.md."},
        subcommands = {EventsCommand.Export.class, EventsCommand.Import.class})
final class EventsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code agentdlp events export}. */
    @Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Write events from agent-egress-events to a JSON Lines file, partition by partition in offset order.",
                    "Select by event time or by offsets; filter by user, agent, session or device. --redact drops content "
                            + "text and tool input and keeps sizes, hashes, findings and destinations.",
                    "Exit code 0 = done, 2 = error."})
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        KafkaClientOptions kafka;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output).")
        Path output;

        @Option(names = "--topic", paramLabel = "NAME", description = "Source topic (default: agent-egress-events).")
        String topic = Topics.EGRESS_EVENTS.defaultName();

        @Option(names = "--from", paramLabel = "TIME",
                description = "Events at or after this event time: 2026-11-23T10:00:00Z, 2026-11-23, or an age (90m, 6h, 2d).")
        String from;

        @Option(names = "--to", paramLabel = "TIME", description = "Events before this event time (same forms as --from).")
        String to;

        @Option(names = "--offsets", paramLabel = "P:START-END",
                description = "Offset range of one partition, END exclusive and optional (0:100-200, 3:5000-); repeatable. "
                        + "Only the listed partitions are read.")
        List<String> offsets = new ArrayList<>();

        @Option(names = "--time-slack", paramLabel = "DURATION", defaultValue = "PT1H",
                description = "How far a sender's clock may run ahead of the broker's: reading starts at the first record "
                        + "stamped at or after --from minus this (ISO-8601 duration, default: ${DEFAULT-VALUE}).")
        Duration timeSlack;

        @Option(names = "--user", paramLabel = "ID", description = "Only this user id or e-mail; repeatable.")
        List<String> users = new ArrayList<>();

        @Option(names = "--agent", paramLabel = "NAME", description = "Only this agent (claude-code, codex, ...); repeatable.")
        List<String> agents = new ArrayList<>();

        @Option(names = "--session", paramLabel = "ID", description = "Only this session id; repeatable.")
        List<String> sessions = new ArrayList<>();

        @Option(names = "--device", paramLabel = "ID", description = "Only this device id; repeatable.")
        List<String> devices = new ArrayList<>();

        @Option(names = "--redact", description = "Drop content text and tool input; keep sizes, SHA-256, findings.")
        boolean redact;

        @Option(names = "--limit", paramLabel = "N", description = "Stop after N events.")
        long limit;

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            EventExport.Options options;
            try {
                Instant now = clock.instant();
                EventFilter filter = new EventFilter(from == null ? null : TimeBound.parse(from, now),
                        to == null ? null : TimeBound.parse(to, now), new HashSet<>(users), new HashSet<>(agents),
                        new HashSet<>(sessions), new HashSet<>(devices));
                options = new EventExport.Options(topic, offsets.stream().map(OffsetRange::parse).toList(), filter,
                        timeSlack, redact, limit);
            } catch (IllegalArgumentException e) {
                err.println("agentdlp events export: " + e.getMessage());
                return 2;
            }
            ReplayProgress progress = new ReplayProgress(err, System.console() != null, "exporting");
            try (TopicSerdes serdes = TopicSerdes.fromConfig(kafka.serde());
                 Writer out = output == null
                         ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                         : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                EventExport.Summary s = new EventExport(kafka.clients(), serdes.valueSerde(Topics.EGRESS_EVENTS).deserializer())
                        .run(options, out, progress);
                out.flush();
                err.printf("agentdlp events export: %d event(s) written%s, %d read, %d filtered out, %d undecodable skipped%s; "
                                + "offsets read: %s%n", s.written(), output == null ? "" : " to " + output, s.read(), s.filteredOut(),
                        s.undecodable(), redact ? " (redacted)" : "", s.ranges().isEmpty() ? "none" : s.offsets());
                return 0;
            } catch (IOException | KafkaException e) {
                err.println("agentdlp events export: " + e.getMessage());
                return 2;
            }
        }
    }

    /** {@code agentdlp events import FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Replay a JSON Lines file of events into a topic: file order, keyed <device>:<session>, "
                    + "stamped with the time of the import (the topology reads event time from the event).",
                    "Exit code 0 = done, 2 = error."})
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Replay file (JSON Lines).")
        Path file;

        @Mixin
        KafkaClientOptions kafka;

        @Option(names = "--topic", paramLabel = "NAME", description = "Target topic (default: agent-egress-events).")
        String topic = Topics.EGRESS_EVENTS.defaultName();

        @Option(names = "--shift-to-now",
                description = "Move every event and ingest time by the same amount so the first event happens now.")
        boolean shiftToNow;

        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            List<ReplayEvent> events;
            try {
                events = ReplayFile.read(file);
            } catch (ReplayFileException | IOException e) {
                err.println("agentdlp events import: " + e.getMessage());
                return 2;
            }
            Duration shift = Duration.ZERO;
            if (shiftToNow && !events.isEmpty()) {
                shift = Duration.between(events.get(0).event().getEventTime(), clock.instant());
            }
            ReplayProgress progress = new ReplayProgress(err, System.console() != null, "importing");
            try (TopicSerdes serdes = TopicSerdes.fromConfig(kafka.serde())) {
                long n = new EventImport(kafka.clients(), serdes.valueSerde(Topics.EGRESS_EVENTS).serializer())
                        .run(events, topic, shift, progress);
                err.printf("agentdlp events import: %d event(s) from %s written to %s%s%n", n, file, topic,
                        shift.isZero() ? "" : " (times shifted by " + shift + ")");
                return 0;
            } catch (KafkaException e) {
                err.println("agentdlp events import: " + e.getMessage());
                return 2;
            }
        }
    }
}
