package io.agentdlp.topology.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.detection.fingerprint.CodeIndexCodec;
import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.detection.fingerprint.FingerprintConfig;
import io.agentdlp.detection.fingerprint.FingerprintIndex;
import io.agentdlp.detection.fingerprint.Fingerprinter;
import io.agentdlp.detection.fingerprint.Fingerprints;
import io.agentdlp.detection.fingerprint.IndexOptions;
import io.agentdlp.detection.fingerprint.IndexStats;
import io.agentdlp.detection.fingerprint.IndexedDocument;
import io.agentdlp.detection.fingerprint.MatchThresholds;

/**
 * The {@code dlp-code-index} topic materialised as the detection library's {@link FingerprintIndex}
 * (same on-disk format and query code as {@code agentdlp index}/{@code scan}) in the Streams state
 * directory. A record upserts one file, a tombstone removes it, so publishing a new index version or
 * deleting a file takes effect as soon as the record is read.
 *
 * <p>The store manages its own offsets: {@link #commit(Map)} records the applied offsets next to the
 * index and Streams resumes from {@link #committedOffset(TopicPartition)}. Without an offsets file
 * (first start, or a crash before the first commit) the index directory is wiped, so a replay from
 * the beginning never leaves files behind whose tombstones were already compacted away. Applying a
 * record twice is harmless (upserts and removals are idempotent).
 *
 * <p>If a record carries other fingerprint parameters (k, w) than the index and a newer index version,
 * the index is rebuilt with the new parameters (a k/w change republishes every file); older records
 * with foreign parameters are skipped and counted.
 *
 * <p>With a positive snapshot interval the index gets a postings snapshot (lookups of present
 * fingerprints from a memory-mapped file instead of RocksDB): a {@link SnapshotCompactor} compacts it in
 * the background once the restore is done ({@link #restored()}) and again when the index stopped using
 * its snapshot after enough changes. Matches are the same with and without it.
 */
public final class CodeIndexStore implements StateStore {
    private static final Logger log = LoggerFactory.getLogger(CodeIndexStore.class);
    private static final String OFFSETS_FILE = "applied-offsets.properties";

    private final String name;
    private final IndexOptions options;
    private final MatchThresholds thresholds;
    private final Deserializer<CodeIndexRecord> valueDeserializer;
    private final CodeIndexStats stats;
    private final Duration snapshotInterval;
    private final Map<TopicPartition, Long> offsets = new HashMap<>();
    private Path dir;
    private Path indexDir;
    private volatile FingerprintIndex index;
    private volatile SnapshotCompactor compactor;
    private long highestVersion;
    private String topic;

    /** A store whose index is never compacted, so it has no postings snapshot. */
    CodeIndexStore(String name, IndexOptions options, MatchThresholds thresholds,
                   Deserializer<CodeIndexRecord> valueDeserializer, CodeIndexStats stats) {
        this(name, options, thresholds, valueDeserializer, stats, Duration.ZERO);
    }

    /**
     * @param snapshotInterval how often to check whether the index needs a new postings snapshot;
     *                         zero: never compact, no snapshot
     */
    CodeIndexStore(String name, IndexOptions options, MatchThresholds thresholds,
                   Deserializer<CodeIndexRecord> valueDeserializer, CodeIndexStats stats, Duration snapshotInterval) {
        this.name = name;
        this.options = options;
        this.thresholds = thresholds;
        this.valueDeserializer = valueDeserializer;
        this.stats = stats;
        this.snapshotInterval = snapshotInterval;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        dir = context.stateDir().toPath().resolve(name);
        indexDir = dir.resolve("index");
        Path offsetsFile = dir.resolve(OFFSETS_FILE);
        try {
            if (Files.exists(offsetsFile)) {
                readOffsets(offsetsFile);
            } else if (Files.exists(indexDir)) {
                log.info("event=code_index_wiped store={} reason=no_applied_offsets", name);
                deleteTree(indexDir);
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare code index directory " + dir, e);
        }
        openIndex(options);
        StringDeserializer keys = new StringDeserializer();
        context.register(root, (key, value) -> {
            try {
                apply(keys.deserialize(topic, key), value == null ? null : valueDeserializer.deserialize(topic, value));
            } catch (SerializationException | IllegalArgumentException e) {
                // A corrupt record must not stop the restore of the rest of the index.
                stats.rejected();
                log.warn("event=code_index_record_unreadable store={} exception={}", name, e.getClass().getName());
            }
        });
        log.info("event=code_index_opened store={} dir={} k={} w={} resumeOffsets={}", name, indexDir,
                index.config().k(), index.config().w(), offsets);
    }

    /** Remembers the source topic, for deserialising restored records. */
    void topic(String t) {
        this.topic = t;
    }

    /** Upserts the file of {@code value}, or removes the file of {@code key} for a tombstone. */
    public void apply(String key, CodeIndexRecord value) {
        CodeIndexCodec.DocumentKey k = CodeIndexCodec.parseKey(key);
        if (value == null) {
            if (index.remove(k.repo(), k.sourcePath())) {
                stats.removed();
                changed();
            }
            return;
        }
        IndexedDocument doc = CodeIndexCodec.fromFields(value.getRepo(), value.getSourcePath(), value.getContentSha256(),
                value.getCommit(), value.getLineCount(), value.getIgnoreCorpus(), value.getK(), value.getW(),
                value.getHashes(), value.getStartLines(), value.getEndLines(), value.getIndexVersion());
        FingerprintConfig current = index.config();
        if (doc.k() != current.k() || doc.w() != current.w()) {
            if (doc.indexVersion() <= highestVersion) {
                stats.rejected();
                log.warn("event=code_index_record_skipped reason=foreign_parameters repo={} path={} k={} w={} "
                        + "indexK={} indexW={} version={}", doc.repo(), doc.sourcePath(), doc.k(), doc.w(), current.k(),
                        current.w(), doc.indexVersion());
                return;
            }
            rebuild(doc.config());
        }
        highestVersion = Math.max(highestVersion, doc.indexVersion());
        FingerprintIndex.PutResult r = index.put(doc);
        stats.applied(r, value.getPublishedAt().toEpochMilli(), doc.indexVersion());
        if (r != FingerprintIndex.PutResult.UNCHANGED) {
            changed();
        }
    }

    private void changed() {
        if (compactor != null) {
            compactor.changed();
        }
    }

    /**
     * The restore from the topic is done (the updater starts): compacts the index in the background so
     * that it gets a postings snapshot, unless it already has one or snapshots are off.
     */
    public void restored() {
        if (compactor != null) {
            compactor.restored();
        }
    }

    /** True when lookups are answered from a postings snapshot. */
    boolean snapshotInUse() {
        return index.snapshotInUse();
    }

    /** Background compactions of the current index so far (0 without snapshots). */
    long snapshotCompactions() {
        SnapshotCompactor c = compactor;
        return c == null ? 0 : c.compactions();
    }

    private void openIndex(IndexOptions o) {
        index = FingerprintIndex.open(indexDir, o);
        stats.opened(index.stats());
        if (!snapshotInterval.isZero()) {
            compactor = new SnapshotCompactor(index, name, snapshotInterval);
        }
    }

    private void closeIndex() {
        if (compactor != null) {
            compactor.close();
            compactor = null;
        }
        FingerprintIndex i = index;
        if (i != null) {
            i.close();
        }
    }

    private void rebuild(FingerprintConfig config) {
        log.info("event=code_index_rebuilt store={} k={} w={}", name, config.k(), config.w());
        closeIndex();
        try {
            deleteTree(indexDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe code index " + indexDir, e);
        }
        openIndex(options.withFingerprint(config));
    }

    /** Matches of a text against the index, with the index's own fingerprinter. */
    public List<CodeMatch> query(CharSequence text) {
        return index.query(text, thresholds);
    }

    /** Matches of precomputed fingerprints (privacy mode); empty when they were computed with other k/w. */
    public List<CodeMatch> query(Fingerprints probe, int k, int w) {
        FingerprintConfig c = index.config();
        if (k != c.k() || w != c.w()) {
            return List.of();
        }
        return index.query(probe, thresholds);
    }

    public Fingerprinter fingerprinter() {
        return index.fingerprinter();
    }

    public IndexStats indexStats() {
        return index.stats();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        if (changelogOffsets.isEmpty()) {
            return;
        }
        offsets.putAll(changelogOffsets);
        Properties p = new Properties();
        offsets.forEach((tp, off) -> p.setProperty(tp.topic() + ":" + tp.partition(), String.valueOf(off)));
        Path tmp = dir.resolve(OFFSETS_FILE + ".tmp");
        try {
            try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "offsets of " + name + " applied to the index");
            }
            try {
                Files.move(tmp, dir.resolve(OFFSETS_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(OFFSETS_FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record applied offsets of " + name, e);
        }
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return offsets.get(partition);
    }

    @Override
    @SuppressWarnings("deprecation") // the method goes away once every store manages its offsets
    public boolean managesOffsets() {
        return true;
    }

    @Override
    public void close() {
        closeIndex();
        index = null;
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public boolean isOpen() {
        return index != null;
    }

    private void readOffsets(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        for (String k : p.stringPropertyNames()) {
            int colon = k.lastIndexOf(':');
            offsets.put(new TopicPartition(k.substring(0, colon), Integer.parseInt(k.substring(colon + 1))),
                    Long.parseLong(p.getProperty(k)));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
