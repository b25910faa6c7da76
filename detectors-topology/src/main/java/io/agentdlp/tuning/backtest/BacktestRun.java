package io.agentdlp.tuning.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import io.agentdlp.avro.AgentEgressEvent;
import io.micrometer.core.instrument.Counter;
import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Policy;
import io.agentdlp.detection.policy.PolicyDocument;
import io.agentdlp.policy.PolicyRecords;
import io.agentdlp.topics.TopicNames;
import io.agentdlp.topics.TopicSerdes;
import io.agentdlp.topics.Topics;
import io.agentdlp.topology.DlpTopology;
import io.agentdlp.topology.config.StreamsSettings;
import io.agentdlp.topology.config.TopologyConfig;
import io.agentdlp.topology.config.TopologyOptions;
import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * Drives the production topology ({@link DlpTopology#buildTopology}) over a replay set in a
 * TopologyTestDriver. Event time is respected: each event is piped with its event time as record
 * timestamp, and the driver's wall clock follows the event times, so wall-clock punctuations (alert
 * update rate, TTL cleanup) fire as they would have live. At the end the clock moves one alert update
 * interval further so rate-limited updates are flushed. Stores are in memory, the Avro serde uses a
 * private {@code mock://} registry scope, and evidence is hashed with a fixed key unless the
 * configuration sets {@code hash.key}: nothing in the result depends on the machine or the moment.
 */
final class BacktestRun {
    /** Evidence key of backtests whose configuration sets none: fixed so alert ids are repeatable. */
    static final String BACKTEST_HASH_KEY = "agentdlp-backtest-evidence-key";

    private BacktestRun() {
    }

    /** Replays {@code events} (sorted by event time) with {@code cfg}; the driver's clock starts at {@code start}. */
    static RunResult run(BacktestConfig cfg, List<ReplayEvent> events, Instant start) {
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("agentdlp-backtest-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory for the backtest", e);
        }
        try {
            return replay(cfg, effective(cfg.topology(), stateDir, events.size()), events, start);
        } finally {
            delete(stateDir);
        }
    }

    private static TopologyConfig effective(TopologyConfig c, Path stateDir, int events) {
        TopologyConfig e = c.with(TopologyOptions.SCHEMA_REGISTRY_URL.key(), "mock://agentdlp-backtest-" + UUID.randomUUID())
                .with(TopologyOptions.STATE_STORE_TYPE.key(), "in_memory")
                .with(TopologyOptions.STATE_DIR.key(), stateDir.toString())
                .with(TopologyOptions.PROCESSING_GUARANTEE.key(), "at_least_once")
                // every triggering event must stay attributable to its alert for precision/recall
                .with(TopologyOptions.ALERT_MAX_EVENT_IDS.key(),
                        String.valueOf(Math.max(events, c.integer(TopologyOptions.ALERT_MAX_EVENT_IDS))));
        if (c.string(TopologyOptions.HASH_KEY).isEmpty()) {
            e = e.with(TopologyOptions.HASH_KEY.key(), BACKTEST_HASH_KEY);
        }
        return e;
    }

    private static RunResult replay(BacktestConfig cfg, TopologyConfig c, List<ReplayEvent> events, Instant start) {
        DlpMetrics metrics = DlpMetrics.detached();
        StreamsBuilder builder = new StreamsBuilder();
        TopicNames names = c.topicNames();
        DlpTopology topology = DlpTopology.buildTopology(builder, c, metrics);
        try (topology; TopicSerdes serdes = TopicSerdes.fromConfig(c.serdeConfig())) {
            Properties props = StreamsSettings.properties(c, metrics);
            try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props, start)) {
                TestInputTopic<String, Policy> policies = driver.createInputTopic(names.name(Topics.POLICIES),
                        new StringSerializer(), serdes.valueSerde(Topics.POLICIES).serializer());
                for (PolicyDocument d : cfg.policies()) {
                    policies.pipeInput(d.id(), PolicyRecords.toAvro(d, start), start);
                }
                if (cfg.codeIndex() != null && c.bool(TopologyOptions.CODE_ENABLED)) {
                    TestInputTopic<String, CodeIndexRecord> index = driver.createInputTopic(names.name(Topics.CODE_INDEX),
                            new StringSerializer(), serdes.valueSerde(Topics.CODE_INDEX).serializer());
                    for (CodeIndexRecord r : CodeIndexSource.records(cfg.codeIndex(), cfg.codeRepo(), start)) {
                        index.pipeInput(r.getRepo() + "\0" + r.getSourcePath(), r, start);
                    }
                }
                TestInputTopic<String, AgentEgressEvent> input = driver.createInputTopic(names.name(Topics.EGRESS_EVENTS),
                        new StringSerializer(), serdes.valueSerde(Topics.EGRESS_EVENTS).serializer());
                long wall = start.toEpochMilli();
                for (ReplayEvent re : events) {
                    AgentEgressEvent e = re.event();
                    long t = e.getEventTime().toEpochMilli();
                    if (t > wall) {
                        driver.advanceWallClockTime(Duration.ofMillis(t - wall));
                        wall = t;
                    }
                    input.pipeInput(key(e), e, t);
                }
                driver.advanceWallClockTime(c.duration(TopologyOptions.ALERT_UPDATE_INTERVAL));
                List<TestRecord<String, DlpAlert>> records = driver.createOutputTopic(names.name(Topics.ALERTS),
                        serdes.keySerde(Topics.ALERTS).deserializer(), serdes.valueSerde(Topics.ALERTS).deserializer())
                        .readRecordsToList();
                long deadLetters = driver.createOutputTopic(names.name(Topics.DEAD_LETTER), new ByteArrayDeserializer(),
                        new ByteArrayDeserializer()).readRecordsToList().size();
                return new RunResult(cfg.name(), finalStates(records), records.size(), deadLetters, ruleHits(metrics));
            }
        }
    }

    /** The topology's per-rule hit counters, by {@code <detector>:<rule>}. */
    private static Map<String, Long> ruleHits(DlpMetrics metrics) {
        Map<String, Long> out = new HashMap<>();
        for (Counter c : metrics.registry().find("dlp.rule.hits").counters()) {
            out.merge(c.getId().getTag("detector") + ":" + c.getId().getTag("rule"), (long) c.count(), Long::sum);
        }
        return out;
    }

    /** The key sensors give events on the egress topic: {@code <device.id>:<session_id>}. */
    private static String key(AgentEgressEvent e) {
        return e.getDevice().getId() + ":" + (e.getSessionId() == null ? "" : e.getSessionId());
    }

    /** The last record of each alert; a record with another first-seen time opens a new lifecycle of the id. */
    static List<AlertSnapshot> finalStates(List<TestRecord<String, DlpAlert>> records) {
        Map<String, Integer> lifecycles = new HashMap<>();
        Map<String, DlpAlert> current = new HashMap<>();
        Map<String, AlertSnapshot> out = new HashMap<>();
        for (TestRecord<String, DlpAlert> r : records) {
            DlpAlert a = r.value();
            String id = a.getAlertId();
            DlpAlert prev = current.get(id);
            int n = lifecycles.getOrDefault(id, 0);
            if (prev == null || !prev.getFirstSeen().equals(a.getFirstSeen())) {
                n++;
                lifecycles.put(id, n);
            }
            current.put(id, a);
            String key = n == 1 ? id : id + "#" + n;
            out.put(key, AlertSnapshot.of(key, a));
        }
        List<AlertSnapshot> sorted = new ArrayList<>(out.values());
        sorted.sort(Comparator.comparing(AlertSnapshot::detector).thenComparing(AlertSnapshot::rule)
                .thenComparing(AlertSnapshot::key));
        return sorted;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the backtest state directory " + dir, e);
        }
    }
}
