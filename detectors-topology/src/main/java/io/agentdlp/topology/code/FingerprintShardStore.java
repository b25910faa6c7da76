package io.agentdlp.topology.code;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.detection.fingerprint.CodeIndexCodec;
import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.Fingerprints;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.IndexedDocument;
import io.agentdlp.detection.fingerprint.MatchThresholds;

/**
 * One shard of the partitioned code index: a Kafka Streams byte store whose entries (file key →
 * encoded index record) are kept in the detection library's {@link FingerprintIndex}. Being a
 * plain key-value byte store, Streams wraps it with its changelog, so the shard is restored on
 * fail-over, kept warm on standby replicas and written transactionally under exactly-once.
 * Supports point operations only.
 */
final class FingerprintShardStore implements KeyValueStore<Bytes, byte[]> {
    private final String name;
    private final IndexOptions options;
    private final MatchThresholds thresholds;
    private final ShardRegistry registry;
    private final Position position = Position.emptyPosition();
    private FingerprintIndex index;
    private StateStoreContext context;

    FingerprintShardStore(String name, IndexOptions options, MatchThresholds thresholds, ShardRegistry registry) {
        this.name = name;
        this.options = options;
        this.thresholds = thresholds;
        this.registry = registry;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        Path dir = context.stateDir().toPath().resolve("code-shard").resolve(name);
        index = FingerprintIndex.open(dir, options);
        context.register(root, (key, value) -> {
            if (value == null) {
                delete(Bytes.wrap(key));
            } else {
                put(Bytes.wrap(key), value);
            }
        });
        registry.register(context.taskId(), this);
    }

    /** Matches of a probe in this shard's files (empty when computed with other k/w). */
    List<CodeMatch> query(Fingerprints probe, int k, int w) {
        if (k != index.config().k() || w != index.config().w()) {
            return List.of();
        }
        return index.query(probe, thresholds);
    }

    @Override
    public void put(Bytes key, byte[] value) {
        if (value == null) {
            delete(key);
            return;
        }
        CodeIndexRecord r = ShardUpdate.decode(value);
        IndexedDocument doc = CodeIndexCodec.fromFields(r.getRepo(), r.getSourcePath(), r.getContentSha256(),
                r.getCommit(), r.getLineCount(), r.getIgnoreCorpus(), r.getK(), r.getW(), r.getHashes(),
                r.getStartLines(), r.getEndLines(), r.getIndexVersion());
        index.put(doc);
        track();
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] existing = get(key);
        if (existing == null) {
            put(key, value);
        }
        return existing;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        entries.forEach(kv -> put(kv.key, kv.value));
    }

    @Override
    public byte[] delete(Bytes key) {
        CodeIndexCodec.DocumentKey k = CodeIndexCodec.parseKey(new String(key.get(), StandardCharsets.UTF_8));
        index.remove(k.repo(), k.sourcePath());
        track();
        return null;
    }

    /** Records the source offset of the write, for interactive-query consistency bounds. */
    private void track() {
        context.recordMetadata().ifPresent(m -> position.withComponent(m.topic(), m.partition(), m.offset()));
    }

    @Override
    public Position getPosition() {
        return position;
    }

    @Override
    public byte[] get(Bytes key) {
        CodeIndexCodec.DocumentKey k = CodeIndexCodec.parseKey(new String(key.get(), StandardCharsets.UTF_8));
        Optional<IndexedDocument> d = index.get(k.repo(), k.sourcePath());
        return d.map(doc -> ShardUpdate.encode(CodeIndexRecord.newBuilder().setRepo(doc.repo())
                .setSourcePath(doc.sourcePath()).setContentSha256(doc.contentSha256()).setCommit(doc.commit())
                .setLineCount(doc.lineCount()).setIgnoreCorpus(doc.ignoreCorpus()).setK(doc.k()).setW(doc.w())
                .setHashes(CodeIndexCodec.hashes(doc)).setStartLines(CodeIndexCodec.startLines(doc))
                .setEndLines(CodeIndexCodec.endLines(doc)).setIndexVersion(doc.indexVersion())
                .setPublishedAt(Instant.EPOCH).build())).orElse(null);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        throw new UnsupportedOperationException("code index shard " + name + " supports point operations only");
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        throw new UnsupportedOperationException("code index shard " + name + " supports point operations only");
    }

    @Override
    public long approximateNumEntries() {
        return index.stats().documents();
    }

    @Override
    public void close() {
        if (index != null) {
            registry.unregister(context.taskId(), this);
            index.close();
            index = null;
        }
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public boolean isOpen() {
        return index != null;
    }
}
