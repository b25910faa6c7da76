package io.agentdlp.topology.config;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the memory of every RocksDB store of the process: one LRU block cache shared by all stores
 * (index and filter blocks are cached in it, with high priority, instead of living outside any
 * limit) and one write-buffer manager that charges all memtables to the same cache. Without it each
 * store (and each window segment) gets its own cache and memtables, and memory grows with the
 * number of partitions. Sizes come from {@code rocksdb.block.cache.bytes},
 * {@code rocksdb.write.buffer.bytes} and {@code rocksdb.high.priority.ratio}; the first Streams
 * instance of the process fixes them.
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {
    private static final Logger log = LoggerFactory.getLogger(BoundedMemoryRocksDbConfig.class);
    /** Streams config keys the topology sets from its options. */
    public static final String CACHE_BYTES = "agentdlp.rocksdb.block.cache.bytes";
    public static final String WRITE_BUFFER_BYTES = "agentdlp.rocksdb.write.buffer.bytes";
    public static final String HIGH_PRIORITY_RATIO = "agentdlp.rocksdb.high.priority.ratio";
    private static final long DEFAULT_CACHE = 128L << 20;
    private static final long DEFAULT_WRITE_BUFFERS = 64L << 20;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;
    private static long cacheBytes;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        shared(configs);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write-buffer manager are shared by every store: they live as long as the process.
    }

    /** Total block cache bytes in use by the shared cache (0 before the first store opened). */
    public static synchronized long cacheCapacity() {
        return cache == null ? 0 : cacheBytes;
    }

    private static synchronized void shared(Map<String, Object> configs) {
        if (cache != null) {
            return;
        }
        RocksDB.loadLibrary();
        cacheBytes = number(configs, CACHE_BYTES, DEFAULT_CACHE);
        long writeBuffers = number(configs, WRITE_BUFFER_BYTES, DEFAULT_WRITE_BUFFERS);
        double ratio = configs.get(HIGH_PRIORITY_RATIO) == null ? 0.1 : Double.parseDouble(configs.get(HIGH_PRIORITY_RATIO).toString());
        cache = new LRUCache(cacheBytes, -1, false, ratio);
        writeBufferManager = new WriteBufferManager(writeBuffers, cache);
        log.info("event=rocksdb_bounded_memory blockCacheBytes={} writeBufferBytes={} highPriorityRatio={}",
                cacheBytes, writeBuffers, ratio);
    }

    private static long number(Map<String, Object> configs, String key, long def) {
        Object v = configs.get(key);
        return v == null ? def : Long.parseLong(v.toString());
    }
}
