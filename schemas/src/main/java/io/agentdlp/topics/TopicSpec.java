package io.agentdlp.topics;

import java.util.Map;
import java.util.Objects;

/**
 * One Kafka topic of agentdlp: its logical id (stable, used in configuration keys), default name,
 * partitions and broker-side configuration (cleanup policy, retention), and the Java types of its
 * key and value.
 *
 * @param id           logical id, e.g. {@code egress-events}; configuration key {@code topic.<id>} renames the topic
 * @param defaultName  the name used when nothing overrides it
 * @param partitions   default partition count
 * @param configs      topic-level broker configs ({@code cleanup.policy}, {@code retention.ms}, ...)
 * @param keyType      Java type of record keys
 * @param valueType    Java type of record values
 */
public record TopicSpec<K, V>(String id, String defaultName, int partitions, Map<String, String> configs,
                              Class<K> keyType, Class<V> valueType) {
    public TopicSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultName, "defaultName");
        configs = Map.copyOf(configs);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 for topic " + id);
        }
    }

    /** True when the topic keeps only the latest value per key. */
    public boolean compacted() {
        return configs.getOrDefault("cleanup.policy", "delete").contains("compact");
    }

    /** Configuration key that overrides this topic's name. */
    public String nameProperty() {
        return "topic." + id;
    }
}
