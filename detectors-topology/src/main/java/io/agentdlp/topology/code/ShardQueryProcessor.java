package io.agentdlp.topology.code;

import java.util.List;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.agentdlp.detection.fingerprint.CodeMatch;

/** Queries this shard's part of the index with a probe (the library's query code) and answers it, keyed by session. */
final class ShardQueryProcessor extends ContextualProcessor<String, CodeProbe, String, ShardAnswer> {
    private final ShardRegistry registry;
    private final int shards;
    private FingerprintShardStore store;

    ShardQueryProcessor(ShardRegistry registry, int shards) {
        this.registry = registry;
        this.shards = shards;
    }

    @Override
    public void init(ProcessorContext<String, ShardAnswer> context) {
        super.init(context);
        store = registry.of(context.taskId());
    }

    @Override
    public void process(Record<String, CodeProbe> record) {
        CodeProbe p = record.value();
        List<CodeMatch> matches = store.query(p.fingerprints(), p.k(), p.w());
        // The partition the probe copy arrived on is the shard (and, on a broker, the task's partition).
        int shard = context().recordMetadata().map(m -> m.partition()).orElse(context().taskId().partition());
        context().forward(new Record<>(p.sessionKey(), new ShardAnswer(p.withoutFingerprints(), shard, shards, matches),
                record.timestamp()));
    }
}
