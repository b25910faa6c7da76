package io.agentdlp.topology;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The latest values of a key-value store that one processor alone writes, kept as objects in a
 * bounded least-recently-used map in front of the store. A read of a key the processor wrote or read
 * recently skips the store's metered, cached and serialised lookup and the value's decoding; every
 * write still goes to the store first, unchanged, so the store, its changelog and its other readers
 * (interactive queries) see the same bytes as without the front.
 *
 * <p>Sound only where the processor is the store's only writer and a value decoded from the store
 * would give the same results as the object it wrote (every value the processor keeps here is one it
 * put or read itself). Make a new front in the processor's {@code init}: Kafka Streams initialises a
 * task's processors again after restoring its stores (an aborted transaction, a migrated task), and
 * the front must start from what the store then holds. Keys are kept as the store holds them
 * ({@link StoreKeys#stored}).
 *
 * @param <V> the store's value type; values must not be changed once put
 */
public final class OwnedStoreFront<V> {
    private final KeyValueStore<String, V> store;
    private final Map<String, V> recent;

    /** @param capacity most values kept in front of the store */
    public OwnedStoreFront(KeyValueStore<String, V> store, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.store = store;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The store's value of {@code key}, or null. */
    public V get(String key) {
        String k = StoreKeys.stored(key);
        V v = recent.get(k);
        if (v == null) {
            v = store.get(key);
            if (v != null) {
                recent.put(k, v);
            }
        }
        return v;
    }

    /** Writes {@code value} to the store (null deletes, as the store's put does) and keeps it in front. */
    public void put(String key, V value) {
        store.put(key, value);
        if (value == null) {
            recent.remove(StoreKeys.stored(key));
        } else {
            recent.put(StoreKeys.stored(key), value);
        }
    }

    /** Deletes {@code key} from the store. */
    public void delete(String key) {
        store.delete(key);
        recent.remove(StoreKeys.stored(key));
    }
}
