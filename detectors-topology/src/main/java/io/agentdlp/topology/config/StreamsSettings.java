package io.agentdlp.topology.config;

import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import io.agentdlp.topics.Topics;
import io.agentdlp.topology.deadletter.DeadLetterDeserializationHandler;
import io.agentdlp.topology.deadletter.DeadLetterProcessingHandler;
import io.agentdlp.topology.deadletter.DeadLetters;
import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * The Kafka Streams properties of the topology: identity and guarantees from the options, the
 * dead-letter handlers, the bounded-memory RocksDB setter, explicit internal resource names, and
 * every {@code streams.*} pass-through last (it wins).
 */
public final class StreamsSettings {
    /** Batch size of the stream threads' producers (Kafka's default is 16 KB); see {@link #properties}. */
    static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    private StreamsSettings() {
    }

    @SuppressWarnings("deprecation") // the global handler switch goes away when 5.0 enables it by default
    public static Properties properties(TopologyConfig c, DlpMetrics metrics) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, c.string(TopologyOptions.APPLICATION_ID));
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, c.string(TopologyOptions.BOOTSTRAP_SERVERS));
        p.put(StreamsConfig.STATE_DIR_CONFIG, c.string(TopologyOptions.STATE_DIR));
        ProcessingMode mode = ProcessingMode.parse(c.string(TopologyOptions.PROCESSING_GUARANTEE));
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, mode.streamsValue());
        if (mode == ProcessingMode.EXACTLY_ONCE_V2) {
            // Under transactions v2 each commit restarts every partition's sequence at 0; a first batch that meets
            // CONCURRENT_TRANSACTIONS (the previous commit's markers still being written) makes the batches pipelined
            // behind it fail as out of order, which the broker logs as errors before they are retried. With one
            // request in flight the first batch is retried alone.
            p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
        }
        // A new batch wakes the producer's network thread (an eventfd write on the stream thread), and with one
        // broker a full batch makes it drain every partition's open batch: with the 16 KB default nearly each
        // changelog and sink send after a drain opened a batch. Under exactly_once_v2 records are visible only at
        // the commit, which flushes every batch anyway, so larger batches add no latency there; at_least_once
        // keeps Streams' linger.ms (100 ms) as the bound on a partial batch's wait.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
        if (everyTaskReadsOnePartition(c)) {
            // max.task.idle.ms only decides how long a task reading several partitions waits for an empty one before
            // processing the others out of order, so with one partition per task it changes no processing order.
            // Left at its default (0), Kafka Streams' readiness check of a task whose partition is empty formats its
            // not-ready reason (String.format) on every record check of the stream thread's loop; disabled, the check
            // returns at once and the empty partition simply yields no record.
            p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        }
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, c.integer(TopologyOptions.NUM_STREAM_THREADS));
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, c.integer(TopologyOptions.NUM_STANDBY_REPLICAS));
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, c.integer(TopologyOptions.REPLICATION_FACTOR));
        if (!c.string(TopologyOptions.APPLICATION_SERVER).isEmpty()) {
            p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, c.string(TopologyOptions.APPLICATION_SERVER));
        }
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(DeadLetters.TOPIC_CONFIG, c.topicNames().name(Topics.DEAD_LETTER));
        p.put(DeadLetters.METRICS_CONFIG, metrics);
        p.put(BoundedMemoryRocksDbConfig.CACHE_BYTES, String.valueOf(c.bytes(TopologyOptions.ROCKSDB_BLOCK_CACHE_BYTES)));
        p.put(BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES, String.valueOf(c.bytes(TopologyOptions.ROCKSDB_WRITE_BUFFER_BYTES)));
        p.put(BoundedMemoryRocksDbConfig.HIGH_PRIORITY_RATIO, c.string(TopologyOptions.ROCKSDB_HIGH_PRIORITY_RATIO));
        c.streamsOverrides().forEach(p::put);
        return p;
    }

    /**
     * Whether each sub-topology reads one topic, so each task one partition: true unless the own-code index is
     * partitioned, whose shard tasks read the index and the probes repartitioned by shard (TaskInputsTest).
     */
    static boolean everyTaskReadsOnePartition(TopologyConfig c) {
        return !c.bool(TopologyOptions.CODE_ENABLED) || c.codeIndexMode() == CodeIndexMode.GLOBAL;
    }
}
