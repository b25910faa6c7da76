package io.agentdlp.bench.topology;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

import io.agentdlp.topology.config.BoundedMemoryRocksDbConfig;

/**
 * The topology's {@link BoundedMemoryRocksDbConfig} with another memtable size per store (RocksDB's
 * write_buffer_size; Kafka Streams sets 16 MB), so that the throughput benchmarks can compare memtable
 * sizes in one JVM: a configuration names this setter and {@value #MEMTABLE_BYTES} among its
 * {@code streams.*} settings. The write-buffer manager still bounds all memtables together.
 */
public final class MemtableSizeRocksDbConfig implements RocksDBConfigSetter {
    /** Streams config key: bytes of each store's memtable. */
    static final String MEMTABLE_BYTES = "agentdlp.bench.rocksdb.memtable.bytes";

    private final BoundedMemoryRocksDbConfig bounded = new BoundedMemoryRocksDbConfig();

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        bounded.setConfig(storeName, options, configs);
        Object bytes = configs.get(MEMTABLE_BYTES);
        if (bytes == null) {
            throw new IllegalArgumentException(MEMTABLE_BYTES + " is not set");
        }
        options.setWriteBufferSize(Long.parseLong(bytes.toString()));
    }

    @Override
    public void close(String storeName, Options options) {
        bounded.close(storeName, options);
    }
}
