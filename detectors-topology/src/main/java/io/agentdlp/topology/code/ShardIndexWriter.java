package io.agentdlp.topology.code;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Applies the index updates routed to this shard to its store (and so to its changelog). */
final class ShardIndexWriter implements Processor<String, ShardUpdate, Void, Void> {
    private final String storeName;
    private KeyValueStore<String, byte[]> store;

    ShardIndexWriter(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ShardUpdate> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        if (record.value().document() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value().document());
        }
    }
}
