package io.agentdlp.topology.code;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;

import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.MatchThresholds;

/** Supplies {@link FingerprintShardStore}s (one per shard task) for Streams' key-value store builder. */
final class ShardStoreSupplier implements KeyValueBytesStoreSupplier {
    private final String name;
    private final IndexOptions options;
    private final MatchThresholds thresholds;
    private final ShardRegistry registry;

    ShardStoreSupplier(String name, IndexOptions options, MatchThresholds thresholds, ShardRegistry registry) {
        this.name = name;
        this.options = options;
        this.thresholds = thresholds;
        this.registry = registry;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public KeyValueStore<Bytes, byte[]> get() {
        return new FingerprintShardStore(name, options, thresholds, registry);
    }

    @Override
    public String metricsScope() {
        return "code-index-shard";
    }
}
