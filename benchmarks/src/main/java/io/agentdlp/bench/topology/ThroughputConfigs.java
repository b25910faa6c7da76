package io.agentdlp.bench.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.agentdlp.topology.config.TopologyConfig;

/** The topology configurations the throughput benchmarks run, by short name. */
final class ThroughputConfigs {
    private ThroughputConfigs() {
    }

    /** Name → (label, configuration), in the order they are run by default. */
    static Map<String, Map.Entry<String, TopologyConfig>> all() {
        TopologyConfig defaults = TopologyConfig.defaults();
        TopologyConfig noContent = defaults.with("detector.secret.enabled", "false").with("detector.code.enabled", "false")
                .with("detector.pii.enabled", "false");
        Map<String, Map.Entry<String, TopologyConfig>> m = new LinkedHashMap<>();
        m.put("default", Map.entry("default (exactly_once_v2, RocksDB, all detectors)", defaults));
        // The stream producers' batch size at Kafka's default instead of the topology's (StreamsSettings).
        m.put("default-batch-16k", Map.entry("default with Kafka's 16 KB producer batch.size",
                defaults.with("streams.producer.batch.size", "16384")));
        // Task idling at Kafka's default (0) instead of disabled (StreamsSettings): the same records in the same order.
        m.put("default-task-idle-0", Map.entry("default with Kafka's max.task.idle.ms (0)",
                defaults.with("streams.max.task.idle.ms", "0")));
        m.put("stateful-task-idle-0", Map.entry("stateful with Kafka's max.task.idle.ms (0)",
                noContent.with("streams.max.task.idle.ms", "0")));
        // Each store's memtable (RocksDB's write buffer) smaller than Kafka Streams' 16 MB (docs/topology.md
        // "Frame, 2026-11-25 (eighth step)").
        for (int mb : new int[] {1, 4}) {
            m.put("default-memtable-" + mb + "m", Map.entry("default with " + mb + " MB memtables per store",
                    memtable(defaults, mb)));
            m.put("stateful-memtable-" + mb + "m", Map.entry("stateful with " + mb + " MB memtables per store",
                    memtable(noContent, mb)));
        }
        m.put("alos", Map.entry("at_least_once", defaults.with("processing.guarantee", "at_least_once")));
        m.put("no-secret", Map.entry("without secret detector", defaults.with("detector.secret.enabled", "false")));
        m.put("no-code", Map.entry("without own-code detector", defaults.with("detector.code.enabled", "false")));
        m.put("no-pii", Map.entry("without personal-data detector", defaults.with("detector.pii.enabled", "false")));
        m.put("stateful", Map.entry("stateful detectors only (no secret, code, pii)", noContent));
        // What one part of the stateful frame costs at most: the same without it.
        m.put("stateful-no-volume", Map.entry("stateful without the volume detector and its repartition",
                noContent.with("detector.volume.enabled", "false")));
        m.put("stateful-no-timeline", Map.entry("stateful without the session timeline",
                noContent.with("session.timeline.max.events", "0")));
        // Sessions past the timeline bound: every event drops its session's oldest timeline entry.
        m.put("stateful-long-sessions", Map.entry("stateful with a 20-event timeline (the workload's sessions are longer)",
                noContent.with("session.timeline.max.events", "20")));
        m.put("frame", Map.entry("frame only (every detector off, no timeline)", noContent.with("detector.risky.enabled", "false")
                .with("detector.policy.enabled", "false").with("detector.sequence.enabled", "false")
                .with("detector.volume.enabled", "false").with("detector.sensor.enabled", "false")
                .with("session.timeline.max.events", "0")));
        return m;
    }

    private static TopologyConfig memtable(TopologyConfig c, int megabytes) {
        return c.with("streams.rocksdb.config.setter", MemtableSizeRocksDbConfig.class.getName())
                .with("streams." + MemtableSizeRocksDbConfig.MEMTABLE_BYTES, String.valueOf((long) megabytes << 20));
    }

    static Map.Entry<String, TopologyConfig> named(String name) {
        Map.Entry<String, TopologyConfig> c = all().get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown configuration '" + name + "'; known: " + all().keySet());
        }
        return c;
    }

    /** The 1-, 5- and 15-minute load averages ({@code uptime}), for the record next to a figure. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "load average unknown (" + e.getClass().getSimpleName() + ")";
        }
    }
}
