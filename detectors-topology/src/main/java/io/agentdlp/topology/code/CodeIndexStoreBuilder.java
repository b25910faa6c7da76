package io.agentdlp.topology.code;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.state.StoreBuilder;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.MatchThresholds;

/**
 * Builds {@link CodeIndexStore}s. The store is its own source of truth restored from the compacted
 * index topic, so it has neither a changelog nor a record cache.
 */
public final class CodeIndexStoreBuilder implements StoreBuilder<CodeIndexStore> {
    private final String name;
    private final String topic;
    private final IndexOptions options;
    private final MatchThresholds thresholds;
    private final Deserializer<CodeIndexRecord> deserializer;
    private final CodeIndexStats stats;
    private final Duration snapshotInterval;

    /**
     * @param snapshotInterval how often the store checks whether its index needs a new postings snapshot
     *                         (it also compacts once after the restore); zero: no snapshot
     */
    public CodeIndexStoreBuilder(String name, String topic, IndexOptions options, MatchThresholds thresholds,
                                 Deserializer<CodeIndexRecord> deserializer, CodeIndexStats stats,
                                 Duration snapshotInterval) {
        this.name = name;
        this.topic = topic;
        this.options = options;
        this.thresholds = thresholds;
        this.deserializer = deserializer;
        this.stats = stats;
        this.snapshotInterval = snapshotInterval;
    }

    @Override
    public StoreBuilder<CodeIndexStore> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<CodeIndexStore> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<CodeIndexStore> withLoggingEnabled(Map<String, String> config) {
        throw new UnsupportedOperationException("the code index is restored from its own topic; it has no changelog");
    }

    @Override
    public StoreBuilder<CodeIndexStore> withLoggingDisabled() {
        return this;
    }

    @Override
    public CodeIndexStore build() {
        CodeIndexStore s = new CodeIndexStore(name, options, thresholds, deserializer, stats, snapshotInterval);
        s.topic(topic);
        return s;
    }

    @Override
    public Map<String, String> logConfig() {
        return Map.of();
    }

    @Override
    public boolean loggingEnabled() {
        return false;
    }

    @Override
    public String name() {
        return name;
    }
}
