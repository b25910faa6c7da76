package io.agentdlp.detection.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowCacheTest {
    private final RowCache cache = new RowCache(1000);

    @Test
    void storesAndInvalidates() {
        long stamp = cache.stamp();
        cache.store(stamp, 42, new byte[] {1, 2});
        cache.store(stamp, 7, null);
        assertThat(cache.get(42).row()).containsExactly(1, 2);
        assertThat(cache.get(7)).isNotNull().extracting(RowCache.Entry::row).isNull();
        assertThat(cache.get(43)).isNull();
        cache.beginWrite();
        cache.invalidate(42);
        cache.endWrite();
        assertThat(cache.get(42)).isNull();
        assertThat(cache.get(7)).isNotNull();
    }

    @Test
    void rowsReadAcrossAWriteAreNotCached() {
        long before = cache.stamp();
        cache.beginWrite();
        long during = cache.stamp();
        cache.store(during, 1, new byte[] {1});
        cache.endWrite();
        cache.store(before, 2, new byte[] {2});
        assertThat(cache.get(1)).isNull();
        assertThat(cache.get(2)).isNull();
        cache.store(cache.stamp(), 3, new byte[] {3});
        assertThat(cache.get(3)).isNotNull();
    }

    @Test
    void zeroCapacityDisables() {
        RowCache off = new RowCache(0);
        off.store(off.stamp(), 1, new byte[] {1});
        assertThat(off.get(1)).isNull();
    }
}
