package io.agentdlp.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** {@link StoredKeySet} against a plain set of the stored keys, through growth and removals. */
class StoredKeySetTest {
    @Test
    void saysAbsentExactlyForIdsNotStored() {
        Random rnd = new Random(20261125);
        for (int round = 0; round < 20; round++) {
            StoredKeySet ids = new StoredKeySet(1 << 20);
            Set<String> model = new HashSet<>();
            List<String> pool = new ArrayList<>();
            for (int i = 0, n = 50 + rnd.nextInt(5_000); i < n; i++) {
                pool.add(text(rnd) + i);
            }
            for (int op = 0; op < 30_000; op++) {
                String id = StoreKeys.stored(pool.get(rnd.nextInt(pool.size())));
                if (rnd.nextInt(3) > 0) {
                    if (model.add(id)) {
                        ids.added(id);
                    }
                } else if (model.remove(id)) {
                    ids.removed(id);
                }
                if (op % 97 == 0) {
                    for (String p : pool) {
                        // 64-bit fingerprints of a few thousand ids do not collide, so absence is exact here.
                        assertThat(ids.certainlyAbsent(p)).as(p).isEqualTo(!model.contains(StoreKeys.stored(p)));
                    }
                }
            }
        }
    }

    @Test
    void idsTheStoreHoldsAsOneKeyAreOne() {
        StoredKeySet ids = new StoredKeySet(100);
        ids.added("x\uD800");
        assertThat(ids.certainlyAbsent("x\uDC00")).isFalse();
        assertThat(ids.certainlyAbsent("x?")).isFalse();
        ids.removed("x?");
        assertThat(ids.certainlyAbsent("x\uD800")).isTrue();
    }

    @Test
    void countsIdsThatShareASlot() {
        StoredKeySet ids = new StoredKeySet(100);
        ids.added("a");
        ids.added("a");
        ids.removed("a");
        assertThat(ids.certainlyAbsent("a")).isFalse();
        ids.removed("a");
        assertThat(ids.certainlyAbsent("a")).isTrue();
        assertThatThrownBy(() -> ids.removed("a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pastItsLimitNoIdIsCertainlyAbsent() {
        StoredKeySet ids = new StoredKeySet(3);
        ids.added("a");
        ids.added("b");
        ids.added("c");
        assertThat(ids.certainlyAbsent("d")).isTrue();
        ids.added("d");
        assertThat(ids.certainlyAbsent("d")).isFalse();
        assertThat(ids.certainlyAbsent("never stored")).isFalse();
        ids.removed("a");
        assertThat(ids.certainlyAbsent("a")).isFalse();
    }

    private static String text(Random rnd) {
        StringBuilder b = new StringBuilder();
        for (int i = rnd.nextInt(40); i > 0; i--) {
            int k = rnd.nextInt(10);
            b.append(k == 0 ? (char) (0xD800 + rnd.nextInt(0x800)) : (char) (' ' + rnd.nextInt(95)));
        }
        return b.toString();
    }
}
