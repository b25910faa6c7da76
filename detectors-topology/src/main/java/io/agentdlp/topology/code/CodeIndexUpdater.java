package io.agentdlp.topology.code;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.agentdlp.avro.CodeIndexRecord;

/** The global processor feeding {@code dlp-code-index} records (upserts and tombstones) into the {@link CodeIndexStore}. */
public final class CodeIndexUpdater implements Processor<String, CodeIndexRecord, Void, Void> {
    private final String storeName;
    private CodeIndexStore store;

    public CodeIndexUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = CodeIndexQueryType.unwrap(context.getStateStore(storeName));
        // Streams initialises a global store's processors after restoring the store
        store.restored();
    }

    @Override
    public void process(Record<String, CodeIndexRecord> record) {
        if (record.key() != null) {
            store.apply(record.key(), record.value());
        }
    }
}
