package io.agentdlp.detection.fingerprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.rocksdb.EnvOptions;
import org.rocksdb.IngestExternalFileOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileWriter;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads many documents at once: their postings are buffered in memory, sorted by fingerprint and
 * written as one SST file of merge operands per buffer-full, which RocksDB ingests without going through
 * the memtable and write-ahead log (several times faster than batched writes for an initial load, and
 * the operands merge with postings already in the index). Document rows go in with an ordinary batch
 * after the SST is ingested, so a crash leaves at worst postings of unknown file ids, which queries skip.
 *
 * <p>Holds the index's writer lock from {@link FingerprintIndex#bulkLoad()} to {@link #close()}; not
 * thread-safe (one producer thread).
 */
public final class BulkLoad implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BulkLoad.class);

    private final FingerprintIndex index;
    private final Path workDirectory;
    private final int capacity;
    private long[] keys;
    private long[] payloads;
    private int size;
    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> pendingPaths = new HashSet<>();
    private long sstFiles;
    private long documents;
    private boolean closed;

    private record Pending(IndexedDocument doc, int repoId, int fileId, byte[] pathKey) {
    }

    BulkLoad(FingerprintIndex index, Path workDirectory, int capacity) {
        this.index = index;
        this.workDirectory = workDirectory;
        this.capacity = capacity;
        this.keys = new long[Math.min(capacity, 1 << 16)];
        this.payloads = new long[keys.length];
    }

    /**
     * Adds {@code doc} (replacing an indexed file with other content, which is removed at once). The
     * document becomes visible to queries at the next buffer flush or at {@link #close()}.
     */
    public FingerprintIndex.PutResult add(IndexedDocument doc) {
        checkUsable();
        index.checkConfig(doc);
        String identity = doc.repo() + '\0' + doc.sourcePath();
        if (!pendingPaths.add(identity)) {
            throw new IllegalArgumentException("document " + doc.repo() + ":" + doc.sourcePath()
                    + " added twice to one bulk load");
        }
        try {
            byte[] pathKey = PathRow.key(doc.repo(), doc.sourcePath());
            PathRow existing = index.pathRow(pathKey);
            if (existing != null && existing.sameContent(doc)) {
                return FingerprintIndex.PutResult.UNCHANGED;
            }
            if (existing != null) {
                index.removeNow(pathKey);
            }
            if (size + doc.size() > capacity && size > 0) {
                flush();
            }
            int repoId;
            try (WriteBatch batch = new WriteBatch()) {
                repoId = index.repoId(doc.repo(), batch);
                if (batch.count() > 0) {
                    index.db().write(index.writeOptions(), batch);
                }
            }
            index.commitRepo(doc.repo(), repoId);
            int docIndex = pending.size();
            pending.add(new Pending(doc, repoId, index.allocateFileId(), pathKey));
            ensureCapacity(size + doc.size());
            for (int i = 0; i < doc.size(); i++) {
                keys[size] = Fingerprints.shapeOf(doc.hashAt(i));
                payloads[size] = ((long) docIndex << 32) | i;
                size++;
            }
            return existing == null ? FingerprintIndex.PutResult.ADDED : FingerprintIndex.PutResult.REPLACED;
        } catch (RocksDBException e) {
            throw new IndexException(index.directory(), "bulk load of " + doc.repo() + ":" + doc.sourcePath()
                    + " failed", e);
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > keys.length) {
            int cap = Math.max(needed, Math.min(Math.max(capacity, needed), keys.length * 2));
            keys = java.util.Arrays.copyOf(keys, cap);
            payloads = java.util.Arrays.copyOf(payloads, cap);
        }
    }

    /** Writes buffered postings as an SST file, ingests it, then writes the buffered documents' rows. */
    public void flush() {
        checkUsable();
        if (pending.isEmpty()) {
            return;
        }
        try {
            index.persistNextFileId();
            index.noteRowsChanging(keys, size);
            index.rowCache().beginWrite();
            try {
                if (size > 0) {
                    ingestPostings();
                }
                try (WriteBatch batch = new WriteBatch()) {
                    for (Pending p : pending) {
                        index.addRows(p.doc(), p.repoId(), p.fileId(), p.pathKey(), batch, false);
                    }
                    index.db().write(index.writeOptions(), batch);
                }
                index.invalidate(java.util.Arrays.copyOf(keys, size));
            } finally {
                index.rowCache().endWrite();
            }
            for (Pending p : pending) {
                index.notePresent(p.doc());
            }
            documents += pending.size();
            LOG.debug("bulk flush dir={} documents={} postings={}", index.directory(), pending.size(), size);
        } catch (RocksDBException | IOException e) {
            throw new IndexException(index.directory(), "bulk load flush failed", e);
        } finally {
            pending.clear();
            pendingPaths.clear();
            size = 0;
        }
    }

    private void ingestPostings() throws RocksDBException, IOException {
        LongPairSort.sort(keys, payloads, size);
        Files.createDirectories(workDirectory);
        Path sst = workDirectory.resolve("postings-" + (sstFiles++) + ".sst");
        Bytes entries = new Bytes(256);
        try (EnvOptions env = new EnvOptions(); SstFileWriter writer = new SstFileWriter(env, index.sstOptions())) {
            writer.open(sst.toString());
            int i = 0;
            while (i < size) {
                long hash = keys[i];
                entries.clear();
                while (i < size && keys[i] == hash) {
                    Pending p = pending.get((int) (payloads[i] >>> 32));
                    int f = (int) payloads[i];
                    PostingList.append(entries, p.repoId(), p.fileId(), p.doc().ignoreCorpus(), p.doc().startLineAt(f),
                            p.doc().endLineAt(f), p.doc().hashAt(f));
                    i++;
                }
                writer.merge(Bytes.shapeKey(hash), entries.toArray());
            }
            writer.finish();
        }
        try (IngestExternalFileOptions ingest = new IngestExternalFileOptions().setMoveFiles(true)
                .setAllowBlockingFlush(true)) {
            index.db().ingestExternalFile(index.postingsFamily(), List.of(sst.toString()), ingest);
        }
        Files.deleteIfExists(sst);
    }

    /** Documents made visible so far. */
    public long documents() {
        return documents;
    }

    private void checkUsable() {
        if (closed) {
            throw new IllegalStateException("bulk load is closed");
        }
        if (!index.writerHeldByCurrentThread()) {
            throw new IllegalStateException("bulk load used from a thread other than the one that started it");
        }
    }

    /** Flushes what is buffered and releases the index's writer lock. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            deleteWorkDirectory();
            index.endBulkLoad();
        }
    }

    private void deleteWorkDirectory() {
        if (!Files.exists(workDirectory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(workDirectory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete bulk load work directory dir={} error={}", workDirectory, e.toString());
        }
    }
}
