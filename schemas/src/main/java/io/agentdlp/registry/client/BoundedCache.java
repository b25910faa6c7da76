package io.agentdlp.registry.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A thread-safe least-recently-used map with a fixed capacity. Loading happens outside the lock,
 * so two threads missing the same key may both load it; registry calls are idempotent, so that
 * only costs a duplicate request, never a wrong answer.
 */
public final class BoundedCache<K, V> {
    private final LinkedHashMap<K, V> entries;

    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be >= 1, was " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized void remove(K key) {
        entries.remove(key);
    }

    public synchronized int size() {
        return entries.size();
    }

    public V computeIfAbsent(K key, Function<K, V> loader) {
        V cached = get(key);
        if (cached != null) {
            return cached;
        }
        V loaded = loader.apply(key);
        put(key, loaded);
        return loaded;
    }
}
