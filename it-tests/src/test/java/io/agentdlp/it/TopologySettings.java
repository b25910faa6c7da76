package io.agentdlp.it;

import java.nio.file.Path;
import java.util.Map;

import io.agentdlp.topology.config.TopologyConfig;

/**
 * Topology configuration used by every end-to-end test: a real cluster and registry, exactly-once,
 * short commit and alert-update intervals so the tests observe results within seconds, and a quick
 * failure detection so a killed instance's tasks move to the survivor within the test budget.
 */
final class TopologySettings {
    static final String APPLICATION_ID = "agentdlp-it";
    static final String HASH_KEY = "it-deployment-hash-key-0123456789";

    private TopologySettings() {
    }

    static TopologyConfig of(String bootstrapServers, String registryUrl, Path stateDir, Map<String, String> extra) {
        TopologyConfig c = TopologyConfig.defaults()
                .with("bootstrap.servers", bootstrapServers)
                .with("schema.registry.url", registryUrl)
                .with("state.dir", stateDir.toString())
                .with("application.id", APPLICATION_ID)
                .with("processing.guarantee", "exactly_once_v2")
                .with("replication.factor", "3")
                .with("hash.key", HASH_KEY)
                .with("alert.update.interval", "500ms")
                .with("http.enabled", "false")
                .with("rocksdb.block.cache.bytes", "16MiB")
                .with("rocksdb.write.buffer.bytes", "4MiB")
                .with("streams.commit.interval.ms", "100")
                .with("streams.session.timeout.ms", "6000")
                .with("streams.heartbeat.interval.ms", "1000")
                .with("streams.producer.transaction.timeout.ms", "10000")
                .with("streams.statestore.cache.max.bytes", "0")
                // one-minute windows and a small floor so a volume spike fits in a test
                .with("volume.window", "1m")
                .with("volume.grace", "0s")
                .with("volume.min.history", "3")
                .with("volume.floor.events", "20");
        for (Map.Entry<String, String> e : extra.entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }
}
