package io.agentdlp.topology.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agentdlp.avro.Policy;

/**
 * The policies GlobalKTable as a compiled {@link PolicyBook}. The table's store counts its writes;
 * each reader (one per processor instance, so per stream thread) recompiles when the count moved,
 * which makes a published policy take effect on the next event without a restart. Entries that
 * cannot be decoded (a corrupt record copied in by a restore) are skipped and logged.
 */
public final class PolicyView {
    private static final Logger log = LoggerFactory.getLogger(PolicyView.class);

    private final AtomicLong changes = new AtomicLong();
    private final String storeName;

    public PolicyView(String storeName) {
        this.storeName = storeName;
    }

    /** Store name of the policies GlobalKTable. */
    public String storeName() {
        return storeName;
    }

    /** The supplier to materialise the GlobalKTable with (in-memory: policies are small and restored at start). */
    public KeyValueBytesStoreSupplier storeSupplier() {
        return ChangeCountingStore.supplier(Stores.inMemoryKeyValueStore(storeName), changes);
    }

    /** A per-thread reader of the compiled policies. */
    public Reader reader(ReadOnlyKeyValueStore<String, ValueAndTimestamp<Policy>> store) {
        return new Reader(store);
    }

    /** Compiles lazily on change; not thread-safe (one per processor). */
    public final class Reader {
        private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Policy>> store;
        private long seen = -1;
        private PolicyBook book = PolicyBook.EMPTY;

        private Reader(ReadOnlyKeyValueStore<String, ValueAndTimestamp<Policy>> store) {
            this.store = store;
        }

        public PolicyBook current() {
            long c = changes.get();
            if (c != seen) {
                List<Policy> docs = new ArrayList<>();
                int unreadable = 0;
                try (KeyValueIterator<String, ValueAndTimestamp<Policy>> it = store.all()) {
                    while (it.hasNext()) {
                        KeyValue<String, ValueAndTimestamp<Policy>> kv;
                        try {
                            kv = it.next();
                        } catch (SerializationException e) {
                            // Restoring a GlobalKTable copies raw bytes: a corrupt record reaches the store.
                            unreadable++;
                            continue;
                        }
                        if (kv.value != null && kv.value.value() != null) {
                            docs.add(kv.value.value());
                        }
                    }
                }
                if (unreadable > 0) {
                    log.warn("event=policy_records_unreadable count={} store={}", unreadable, storeName);
                }
                book = PolicyBook.of(docs);
                seen = c;
                log.info("event=policies_compiled documents={} versions={}", docs.size(), book.versions());
            }
            return book;
        }
    }
}
