package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** {@link OwnedStoreFront} answers what its store holds, through evictions, deletes and keys the store merges. */
class OwnedStoreFrontTest {
    @Test
    void readsWhatTheStoreHolds() {
        Random rnd = new Random(20261125);
        List<String> keys = List.of("a", "b", "c", "d", "e", "f", "s\uD800", "s\uDC00", "s?", "t\uD83D\uDE00");
        for (int round = 0; round < 50; round++) {
            KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"),
                    Serdes.String(), Serdes.String()).withLoggingDisabled().withCachingDisabled().build();
            store.init(new MockProcessorContext<>().getStateStoreContext(), store);
            OwnedStoreFront<String> front = new OwnedStoreFront<>(store, 1 + rnd.nextInt(4));
            for (int op = 0; op < 2_000; op++) {
                String key = keys.get(rnd.nextInt(keys.size()));
                switch (rnd.nextInt(4)) {
                    case 0 -> front.put(key, "v" + op);
                    case 1 -> front.put(key, null);
                    case 2 -> front.delete(key);
                    default -> assertThat(front.get(key)).as(key).isEqualTo(store.get(key));
                }
            }
            for (String key : keys) {
                assertThat(front.get(key)).as(key).isEqualTo(store.get(key));
            }
        }
    }

    @Test
    void keysAsTheStoreHoldsThem() {
        assertThat(StoreKeys.stored("plain:key")).isSameAs("plain:key");
        assertThat(StoreKeys.stored("a\uD800b\uDC00")).isEqualTo("a?b?");
        assertThat(StoreKeys.stored("pair \uD83D\uDE00")).isEqualTo("pair \uD83D\uDE00");
    }
}
