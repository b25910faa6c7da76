package io.agentdlp.topology.code;

import java.util.List;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/** Interactive-query access to the materialised code index ({@code KafkaStreams#store}). */
public final class CodeIndexQueryType implements QueryableStoreType<CodeIndexStore> {
    @Override
    public boolean accepts(StateStore store) {
        return store instanceof CodeIndexStore;
    }

    @Override
    public CodeIndexStore create(StateStoreProvider provider, String storeName) {
        List<CodeIndexStore> stores = provider.stores(storeName, this);
        if (stores.isEmpty()) {
            throw new InvalidStateStoreException("code index store " + storeName + " is not available yet");
        }
        return stores.get(0);
    }

    /** The store behind a handle returned by {@code getStateStore}. */
    static CodeIndexStore unwrap(StateStore s) {
        if (s instanceof CodeIndexStore c) {
            return c;
        }
        throw new IllegalStateException("state store " + s.name() + " is a " + s.getClass().getName()
                + ", not the code index store");
    }
}
