package io.agentdlp.topology.code;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.avro.ContentFingerprints;
import io.agentdlp.avro.DlpAlert;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.Fingerprints;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.MatchThresholds;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.metrics.DlpMetrics;

/**
 * The partitioned own-code index, for indexes too large for one instance's disk. The index is
 * sharded by file over {@code shards} partitions: each shard task holds the files that hash to it
 * in a {@link FingerprintShardStore} (the library's index, changelogged by Streams). An event's
 * fingerprints are sent to every shard, each shard runs the library's query over its own files, and
 * the answers are regrouped by event before alerting.
 *
 * <p>Sharding by file rather than by fingerprint keeps the library's matcher exact per file: it
 * scores runs of consecutive probe fingerprints at consecutive places of one file, which a split by
 * fingerprint would cut apart. The price is that a probe travels to every shard, and that the
 * common-code cut-off ({@code code.max.document.frequency}) counts files per shard; ignore-corpus
 * files are copied to every shard so their suppression stays global.
 */
public final class PartitionedCodeIndex {
    public static final String SHARD_STORE = "code-shards";
    public static final String PENDING_STORE = "code-probes-pending";
    public static final String INDEX_REPARTITION = "code-index-by-shard";
    public static final String PROBE_REPARTITION = "code-probes-by-shard";
    public static final String ANSWER_REPARTITION = "code-answers-by-session";

    /**
     * What the partitioned index needs.
     *
     * @param topic        the {@code dlp-code-index} topic
     * @param keySerde     its key serde
     * @param valueSerde   its value serde
     * @param shards       number of shards
     * @param options      index options of each shard
     * @param thresholds   match thresholds
     * @param alerts       builds own-code occurrences
     * @param probeTimeout how long to wait for every shard's answer
     * @param cleanup      period of the timeout check
     * @param storeFactory key-value store supplier for the pending-probe store (RocksDB or in-memory)
     * @param metrics      meters
     */
    public record Settings(String topic, Serde<String> keySerde, Serde<CodeIndexRecord> valueSerde, int shards,
                           IndexOptions options, MatchThresholds thresholds, CodeMatchAlerts alerts, Duration probeTimeout,
                           Duration cleanup, Function<String, org.apache.kafka.streams.state.KeyValueBytesStoreSupplier> storeFactory,
                           DlpMetrics metrics) {
    }

    private PartitionedCodeIndex() {
    }

    /** Adds the shards and the probe path; returns the own-code (and policy) occurrences, keyed by alert id. */
    public static KStream<String, DlpAlert> build(StreamsBuilder builder, KStream<String, InspectedEvent> detected, Settings s) {
        ShardRegistry registry = new ShardRegistry();
        StoreBuilder<KeyValueStore<String, byte[]>> shardStore = Stores.keyValueStoreBuilder(
                new ShardStoreSupplier(SHARD_STORE, s.options(), s.thresholds(), registry), Serdes.String(), Serdes.ByteArray())
                .withCachingDisabled();
        builder.addStateStore(shardStore);

        builder.stream(s.topic(), Consumed.with(s.keySerde(), s.valueSerde()).withName("code-index-shard-source"))
                .flatMap((k, v) -> k == null ? List.<KeyValue<String, ShardUpdate>>of() : ShardUpdate.split(k, v, s.shards()),
                        Named.as("code-index-split"))
                .repartition(Repartitioned.with(Serdes.String(), ShardUpdate.serde()).withName(INDEX_REPARTITION)
                        .withNumberOfPartitions(s.shards())
                        .withStreamPartitioner((topic, key, value, n) -> Optional.of(value.targets())))
                .process(() -> new ShardIndexWriter(SHARD_STORE), Named.as("code-shard-writer"), SHARD_STORE);

        Fingerprinter fingerprinter = new Fingerprinter(s.options().fingerprint());
        int k = s.options().fingerprint().k();
        int w = s.options().fingerprint().w();
        Set<Integer> everyShard = CodeShards.allBut(-1, s.shards());
        KStream<String, ShardAnswer> answers = detected
                .flatMap((key, e) -> probe(e, fingerprinter, k, w), Named.as("code-probes"))
                .repartition(Repartitioned.with(Serdes.String(), CodeProbe.serde()).withName(PROBE_REPARTITION)
                        .withNumberOfPartitions(s.shards())
                        .withStreamPartitioner((topic, key, value, n) -> Optional.of(everyShard)))
                .process(() -> new ShardQueryProcessor(registry, s.shards()), Named.as("code-shard-query"), SHARD_STORE);

        builder.addStateStore(Stores.keyValueStoreBuilder(s.storeFactory().apply(PENDING_STORE), Serdes.String(),
                PendingProbe.serde()).withCachingDisabled());
        return answers
                .repartition(Repartitioned.with(Serdes.String(), ShardAnswer.serde()).withName(ANSWER_REPARTITION))
                .process(() -> new CodeMatchRegrouper(PENDING_STORE, s.alerts(), s.shards(), s.thresholds().maxResults(),
                        s.probeTimeout(), s.cleanup(), s.metrics()), Named.as("code-regroup"), PENDING_STORE);
    }

    private static List<KeyValue<String, CodeProbe>> probe(InspectedEvent e, Fingerprinter fingerprinter, int k, int w) {
        if (e.duplicate()) {
            return List.of();
        }
        if (e.text() != null) {
            Fingerprints f = fingerprinter.fingerprint(e.text());
            return f.isEmpty() ? List.of() : List.of(KeyValue.pair(e.event().getEventId(), CodeProbe.of(e, f, k, w)));
        }
        ContentFingerprints cf = e.event().getFingerprints();
        if (cf == null || cf.getHashes().isEmpty()) {
            return List.of();
        }
        return List.of(KeyValue.pair(e.event().getEventId(),
                CodeProbe.of(e, CodeMatchDetector.probe(cf), cf.getK(), cf.getW())));
    }
}
