package io.agentdlp.topology.code;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.streams.processor.TaskId;

/**
 * The open shard stores of one topology by task, so the shard's query processor reaches the index
 * behind the metering and change-logging layers Streams puts around the store.
 */
final class ShardRegistry {
    private final Map<TaskId, FingerprintShardStore> shards = new ConcurrentHashMap<>();

    void register(TaskId task, FingerprintShardStore store) {
        shards.put(task, store);
    }

    void unregister(TaskId task, FingerprintShardStore store) {
        shards.remove(task, store);
    }

    FingerprintShardStore of(TaskId task) {
        FingerprintShardStore s = shards.get(task);
        if (s == null) {
            throw new IllegalStateException("no code index shard store open for task " + task);
        }
        return s;
    }
}
