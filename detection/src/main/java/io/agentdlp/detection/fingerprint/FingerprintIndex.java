package io.agentdlp.detection.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.RocksObject;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Own-code fingerprint index in RocksDB (JNI, no Kafka). Column families:
 * <ul>
 *   <li>{@code postings}: fingerprint shape (7 bytes, big-endian) → {@link PostingList} entries (repo id,
 *       file id, ignore flag, line range, spelling check); documents are added with the string-append merge operator, so an
 *       add never reads; bloom filter on whole keys;</li>
 *   <li>{@code documents}: file id → {@link DocumentRow} (repo id, path, content hash, commit, line count,
 *       flags, index version);</li>
 *   <li>{@code fingerprints}: file id → the file's fingerprints with line ranges (to remove or export a
 *       document);</li>
 *   <li>{@code paths}: {@code <repo>\0<path>} → file id and content hash (incremental indexing);</li>
 *   <li>{@code meta}: format version and k/w, id counters, repo names.</li>
 * </ul>
 * Adding or replacing one document is one atomic write batch; replacing first removes the old postings
 * (read-modify-write of the rows it touched). Every add takes a new file id, so postings left behind in
 * very common rows (above {@value #MAX_CLEANED_ROW_BYTES} bytes, not rewritten on removal) point to a
 * dead file and are ignored. Adds and removals are idempotent: a document whose content hash and flags
 * are already indexed is skipped, removing an absent document does nothing.
 *
 * <p>Thread-safe: queries run concurrently with each other and with writes; writes are serialised.
 * {@link #close()} waits for running calls.
 *
 * <p>One process at a time opens a directory with {@link #open} (RocksDB's lock). Any number of other
 * processes may query it meanwhile through {@link #openReader}, a RocksDB secondary instance that sees
 * the index as it was when the reader was opened.
 */
public final class FingerprintIndex implements AutoCloseable {
    /** Outcome of adding a document. */
    public enum PutResult { ADDED, REPLACED, UNCHANGED }

    private static final Logger LOG = LoggerFactory.getLogger(FingerprintIndex.class);

    static final int MAX_CLEANED_ROW_BYTES = 64 * 1024;
    private static final int MULTI_GET_BATCH = 2048;
    /** Common rows remembered; a workload's boilerplate is a few hundred shapes. */
    private static final int COMMON_ROWS = 4096;
    private static final String PRESENCE_FILE = "presence.filter";
    private static final String SNAPSHOT_FILE = "postings.snapshot";
    private static final String SNAPSHOT_CHANGES_FILE = "postings.snapshot.changes";
    private static final long MIN_PRESENCE_KEYS = 1L << 16;
    private static final byte[] META_FORMAT = ascii("format");
    private static final byte[] META_NEXT_FILE = ascii("next-file-id");
    private static final byte[] META_NEXT_REPO = ascii("next-repo-id");
    private static final byte[] META_INDEX_VERSION = ascii("index-version");
    private static final String META_REPO = "repo:";
    private static final String META_REPO_ID = "repo-id:";

    private final Path directory;
    private final FingerprintConfig config;
    private final Fingerprinter fingerprinter;
    private final RocksDB db;
    private final List<RocksObject> resources;
    private final ColumnFamilyHandle postings;
    private final ColumnFamilyHandle documents;
    private final ColumnFamilyHandle fingerprintsCf;
    private final ColumnFamilyHandle paths;
    private final ColumnFamilyHandle meta;
    private final Options sstOptions;
    private final ReadOptions readOptions;
    private final WriteOptions writeOptions;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final ReentrantLock writes = new ReentrantLock();
    private final Map<String, Integer> repoIds = new ConcurrentHashMap<>();
    private final Map<Integer, String> repoNames = new ConcurrentHashMap<>();
    private volatile PresenceFilter presence;
    /** Memory-mapped copy of the postings rows and what changed since; null when RocksDB answers all. */
    private volatile SnapshotReads snapshotReads;
    private final RowCache rowCache;
    private final CommonRows commonRows = new CommonRows(COMMON_ROWS);
    private long presenceAdds;
    private int nextFileId;
    private int nextRepoId;
    private long indexVersion;
    private boolean closed;
    private final boolean presenceLoaded;
    private final int bulkBufferFingerprints;
    private final boolean snapshotEnabled;
    /**
     * Shapes of generated boilerplate that are never evidence (the built-in ignore corpus). Built at open,
     * once per JVM and k/w, so that no query (in the topology, under a probe timeout) pays for it.
     */
    private final BoilerplateShapes boilerplate;
    /** Scratch directory of a reader (secondary instance), null for the writer. */
    private final Path readerDirectory;

    private FingerprintIndex(Path directory, IndexOptions options, RocksDB db, List<RocksObject> resources,
                             List<ColumnFamilyHandle> handles, Options sstOptions, Path readerDirectory)
            throws RocksDBException, IOException {
        this.directory = directory;
        this.readerDirectory = readerDirectory;
        this.bulkBufferFingerprints = options.bulkBufferFingerprints();
        this.snapshotEnabled = options.postingsSnapshot();
        this.rowCache = new RowCache(options.rowCacheEntries());
        this.db = db;
        this.resources = resources;
        this.postings = handles.get(1);
        this.documents = handles.get(2);
        this.fingerprintsCf = handles.get(3);
        this.paths = handles.get(4);
        this.meta = handles.get(5);
        this.sstOptions = sstOptions;
        this.readOptions = track(new ReadOptions());
        this.writeOptions = track(new WriteOptions());
        this.config = readOrWriteFormat(options.fingerprint());
        this.fingerprinter = new Fingerprinter(this.config);
        this.boilerplate = options.builtInIgnore() ? BoilerplateShapes.forConfig(config) : BoilerplateShapes.NONE;
        this.nextFileId = readInt(META_NEXT_FILE, 1);
        this.nextRepoId = readInt(META_NEXT_REPO, 1);
        byte[] v = db.get(meta, META_INDEX_VERSION);
        this.indexVersion = v == null ? 0 : Bytes.readLong(v, 0);
        loadRepos();
        this.presenceLoaded = loadPresence();
        this.snapshotReads = snapshotEnabled ? loadSnapshot() : null;
    }

    private <T extends RocksObject> T track(T o) {
        resources.add(o);
        return o;
    }

    /**
     * Opens (creating if needed) the index in {@code directory}. A new index takes k/w from
     * {@code options}; an existing one keeps the parameters it was built with (see {@link #config()}).
     *
     * @throws IndexException when RocksDB cannot open the directory or it holds an index of another
     *                        fingerprint format
     */
    public static FingerprintIndex open(Path directory, IndexOptions options) {
        return open(directory, options, false);
    }

    /**
     * Opens the index in {@code directory} for queries only, while another process may hold it open with
     * {@link #open} and write to it (RocksDB secondary instance, with its own info log in a temporary
     * directory). The reader sees the index as it was when opened, including the writer's unflushed
     * write-ahead log; open a new reader to see later writes. Catching up in place
     * ({@code tryCatchUpWithPrimary}) is not offered: in rocksdbjni 10.1.3 a caught-up secondary can keep
     * serving rows from its memtable that the writer has since deleted and compacted away (RocksDB
     * issues 14444 and 15051). Write methods throw {@link IllegalStateException}. Uses {@code options}
     * for memory (block cache, row cache); k/w come from the index.
     *
     * @throws IndexException when {@code directory} holds no fingerprint index or one of another format
     */
    public static FingerprintIndex openReader(Path directory, IndexOptions options) {
        return open(directory, options, true);
    }

    private static FingerprintIndex open(Path directory, IndexOptions options, boolean reader) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(options, "options");
        RocksDB.loadLibrary();
        List<RocksObject> resources = new ArrayList<>();
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB db = null;
        Path readerDirectory = null;
        try {
            if (reader) {
                if (!Files.isRegularFile(directory.resolve("CURRENT"))) {
                    throw new IndexException(directory, "no fingerprint index here; build one with agentdlp index");
                }
                readerDirectory = Files.createTempDirectory("agentdlp-index-reader");
            } else {
                Files.createDirectories(directory);
            }
            Cache cache = add(resources, new LRUCache(options.blockCacheBytes()));
            WriteBufferManager buffers = add(resources, new WriteBufferManager(options.writeBufferBytes(), cache));
            // all table files stay open (RocksDB's default, required by a reader): the writer may delete
            // files a reader still reads
            DBOptions dbOptions = add(resources, new DBOptions().setCreateIfMissing(!reader)
                    .setCreateMissingColumnFamilies(!reader).setWriteBufferManager(buffers)
                    .setMaxBackgroundJobs(options.backgroundJobs()).setIncreaseParallelism(options.backgroundJobs())
                    .setInfoLogLevel(InfoLogLevel.WARN_LEVEL).setKeepLogFileNum(2).setMaxOpenFiles(-1));
            BloomFilter bloom = add(resources, new BloomFilter(options.bloomBitsPerKey(), false));
            BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(bloom)
                    .setCacheIndexAndFilterBlocks(true).setPinL0FilterAndIndexBlocksInCache(true)
                    .setWholeKeyFiltering(true);
            long perFamily = Math.max(1L << 20, options.writeBufferBytes() / 4);
            StringAppendOperator append = add(resources, new StringAppendOperator(""));
            ColumnFamilyOptions postingsOptions = add(resources, familyOptions(table, perFamily).setMergeOperator(append));
            ColumnFamilyOptions plain = add(resources, familyOptions(table, perFamily));
            ColumnFamilyOptions small = add(resources, familyOptions(table, Math.max(1L << 20, perFamily / 4)));
            Options sst = add(resources, new Options().setMergeOperator(append).setTableFormatConfig(table)
                    .setCompressionType(CompressionType.LZ4_COMPRESSION));
            List<ColumnFamilyDescriptor> families = List.of(
                    new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, small),
                    new ColumnFamilyDescriptor(ascii("postings"), postingsOptions),
                    new ColumnFamilyDescriptor(ascii("documents"), plain),
                    new ColumnFamilyDescriptor(ascii("fingerprints"), plain),
                    new ColumnFamilyDescriptor(ascii("paths"), plain),
                    new ColumnFamilyDescriptor(ascii("meta"), small));
            if (reader) {
                db = RocksDB.openAsSecondary(dbOptions, directory.toString(), readerDirectory.toString(), families,
                        handles);
            } else {
                db = RocksDB.open(dbOptions, directory.toString(), families, handles);
            }
            resources.addAll(handles);
            return new FingerprintIndex(directory, options, db, resources, handles, sst, readerDirectory);
        } catch (RocksDBException | IOException | RuntimeException e) {
            if (db != null) {
                db.close();
            }
            closeAll(resources);
            deleteReaderDirectory(directory, readerDirectory);
            if (e instanceof IndexException ie) {
                throw ie;
            }
            throw new IndexException(directory, "cannot open fingerprint index: " + e.getMessage(), e);
        }
    }

    private static ColumnFamilyOptions familyOptions(BlockBasedTableConfig table, long writeBuffer) {
        return new ColumnFamilyOptions().setTableFormatConfig(table).setWriteBufferSize(writeBuffer)
                .setMaxWriteBufferNumber(2).setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setLevelCompactionDynamicLevelBytes(true);
    }

    private static <T extends RocksObject> T add(List<RocksObject> resources, T o) {
        resources.add(o);
        return o;
    }

    private static void closeAll(List<RocksObject> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private FingerprintConfig readOrWriteFormat(FingerprintConfig requested) throws RocksDBException {
        byte[] stored = db.get(meta, META_FORMAT);
        if (stored == null && readerDirectory != null) {
            throw new IndexException(directory, "no fingerprint index here (no format record); build one with "
                    + "agentdlp index");
        }
        if (stored == null) {
            db.put(meta, META_FORMAT, new Bytes(8).varint(Fingerprinter.FORMAT_VERSION).varint(requested.k())
                    .varint(requested.w()).varint(requested.minStructural()).toArray());
            return requested;
        }
        Bytes.Reader r = new Bytes.Reader(stored);
        int format = r.varintInt();
        FingerprintConfig existing = new FingerprintConfig(r.varintInt(), r.varintInt(), r.varintInt());
        if (format != Fingerprinter.FORMAT_VERSION) {
            throw new IndexException(directory, "index holds fingerprint format " + format + " but this build computes "
                    + "format " + Fingerprinter.FORMAT_VERSION + "; rebuild it with agentdlp index");
        }
        if (!existing.equals(requested)) {
            LOG.info("fingerprint index keeps its parameters dir={} k={} w={} requestedK={} requestedW={}", directory,
                    existing.k(), existing.w(), requested.k(), requested.w());
        }
        return existing;
    }

    private int readInt(byte[] key, int fallback) throws RocksDBException {
        byte[] v = db.get(meta, key);
        return v == null ? fallback : Bytes.readInt(v, 0);
    }

    private void loadRepos() {
        byte[] prefix = ascii(META_REPO);
        try (RocksIterator it = db.newIterator(meta)) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                String name = new String(it.key(), prefix.length, it.key().length - prefix.length, StandardCharsets.UTF_8);
                int id = Bytes.readInt(it.value(), 0);
                repoIds.put(name, id);
                repoNames.put(id, name);
            }
        }
    }

    /** Loads the presence filter saved at the last close, or rebuilds it from the postings keys. */
    private boolean loadPresence() throws RocksDBException, IOException {
        long sequence = db.getLatestSequenceNumber();
        Path file = directory.resolve(PRESENCE_FILE);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            PresenceFilter f = PresenceFilter.readFrom(in, sequence);
            if (f != null) {
                presence = f;
                return true;
            }
        } catch (NoSuchFileException e) {
            LOG.debug("no saved presence filter dir={}", directory);
        }
        rebuildPresence();
        return false;
    }

    private void rebuildPresence() throws RocksDBException {
        long estimate = db.getLongProperty(postings, "rocksdb.estimate-num-keys");
        PresenceFilter f = PresenceFilter.forKeys(Math.max(MIN_PRESENCE_KEYS, estimate * 2));
        long keys = 0;
        try (RocksIterator it = db.newIterator(postings)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                f.add(Bytes.readShape(it.key()));
                keys++;
            }
        }
        presence = f;
        presenceAdds = keys;
        LOG.info("rebuilt presence filter dir={} keys={} capacity={}", directory, keys, f.capacity());
    }

    private SnapshotReads loadSnapshot() {
        try {
            SnapshotReads s = SnapshotReads.open(directory.resolve(SNAPSHOT_FILE), directory.resolve(SNAPSHOT_CHANGES_FILE),
                    db.getLatestSequenceNumber());
            if (s != null) {
                LOG.debug("postings snapshot in use dir={} rows={} changes={}", directory, s.snapshot().rows(), s.changes());
            }
            return s;
        } catch (IOException e) {
            // the snapshot only speeds lookups up; RocksDB answers them all without it
            LOG.warn("cannot use postings snapshot dir={} error={}", directory, e.toString());
            return null;
        }
    }

    /** True when lookups are answered from a postings snapshot (see {@link #compact()}). */
    public boolean snapshotInUse() {
        return snapshotReads != null;
    }

    /**
     * Records that the rows of {@code shapes[0, n)} are about to be written, so that lookups stop taking
     * them from the postings snapshot. Called by the writer before it writes them.
     */
    void noteRowsChanging(long[] shapes, int n) {
        SnapshotReads s = snapshotReads;
        if (s != null && !s.markChanged(shapes, n)) {
            snapshotReads = null;
            LOG.info("postings snapshot dropped until the next compaction dir={} changes={}", directory, s.changes());
        }
    }

    /** True when the presence filter came from the file saved at the last close (for tests). */
    boolean presenceLoadedFromFile() {
        return presenceLoaded;
    }

    public Path directory() {
        return directory;
    }

    /** The k/w the index was built with. */
    public FingerprintConfig config() {
        return config;
    }

    /** A fingerprinter with the index's parameters, for probes and documents. */
    public Fingerprinter fingerprinter() {
        return fingerprinter;
    }

    /** Adds {@code doc}, replacing an indexed file of the same repo and path unless it has the same content. */
    public PutResult put(IndexedDocument doc) {
        Objects.requireNonNull(doc, "doc");
        checkConfig(doc);
        lifecycle.readLock().lock();
        writes.lock();
        try {
            ensureWritable();
            byte[] pathKey = PathRow.key(doc.repo(), doc.sourcePath());
            PathRow existing = pathRow(pathKey);
            if (existing != null && existing.sameContent(doc)) {
                return PutResult.UNCHANGED;
            }
            try (WriteBatch batch = new WriteBatch()) {
                long[] removedShapes = existing != null ? removeRows(existing.fileId(), pathKey, batch) : new long[0];
                int repoId = repoId(doc.repo(), batch);
                int fileId = nextFileId;
                batch.put(meta, META_NEXT_FILE, Bytes.intKey(fileId + 1));
                addRows(doc, repoId, fileId, pathKey, batch, true);
                noteRowsChanging(removedShapes, removedShapes.length);
                long[] added = new long[doc.size()];
                for (int i = 0; i < added.length; i++) {
                    added[i] = Fingerprints.shapeOf(doc.hashAt(i));
                }
                noteRowsChanging(added, added.length);
                rowCache.beginWrite();
                try {
                    db.write(writeOptions, batch);
                    invalidate(removedShapes);
                    for (int i = 0; i < doc.size(); i++) {
                        rowCache.invalidate(Fingerprints.shapeOf(doc.hashAt(i)));
                    }
                } finally {
                    rowCache.endWrite();
                }
                nextFileId = fileId + 1;
                commitRepo(doc.repo(), repoId);
            }
            notePresent(doc);
            return existing == null ? PutResult.ADDED : PutResult.REPLACED;
        } catch (RocksDBException e) {
            throw new IndexException(directory, "cannot add " + doc.repo() + ":" + doc.sourcePath(), e);
        } finally {
            writes.unlock();
            lifecycle.readLock().unlock();
        }
    }

    /** Removes the file; returns false when it was not indexed. */
    public boolean remove(String repo, String sourcePath) {
        lifecycle.readLock().lock();
        writes.lock();
        try {
            ensureWritable();
            return removeNow(PathRow.key(repo, sourcePath));
        } catch (RocksDBException e) {
            throw new IndexException(directory, "cannot remove " + repo + ":" + sourcePath, e);
        } finally {
            writes.unlock();
            lifecycle.readLock().unlock();
        }
    }

    /** Removes under the write lock held by the caller. */
    boolean removeNow(byte[] pathKey) throws RocksDBException {
        PathRow existing = pathRow(pathKey);
        if (existing == null) {
            return false;
        }
        try (WriteBatch batch = new WriteBatch()) {
            long[] shapes = removeRows(existing.fileId(), pathKey, batch);
            noteRowsChanging(shapes, shapes.length);
            rowCache.beginWrite();
            try {
                db.write(writeOptions, batch);
                invalidate(shapes);
            } finally {
                rowCache.endWrite();
            }
        }
        return true;
    }

    PathRow pathRow(byte[] pathKey) throws RocksDBException {
        byte[] v = db.get(paths, pathKey);
        return v == null ? null : PathRow.decode(v);
    }

    /** Adds the removal of a document to {@code batch}; returns the shapes whose rows it changes. */
    private long[] removeRows(int fileId, byte[] pathKey, WriteBatch batch) throws RocksDBException {
        byte[] fileKey = Bytes.intKey(fileId);
        byte[] stored = db.get(fingerprintsCf, fileKey);
        long[] touched = new long[0];
        if (stored != null) {
            long[] hashes = DocumentRow.decodeHashes(stored);
            for (int i = 0; i < hashes.length; i++) {
                hashes[i] = Fingerprints.shapeOf(hashes[i]);
            }
            Arrays.sort(hashes);
            int unique = dedupe(hashes, hashes.length);
            touched = Arrays.copyOf(hashes, unique);
            for (int from = 0; from < unique; from += MULTI_GET_BATCH) {
                int to = Math.min(unique, from + MULTI_GET_BATCH);
                List<byte[]> keys = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    keys.add(Bytes.shapeKey(hashes[i]));
                }
                List<byte[]> rows = db.multiGetAsList(readOptions, Collections.nCopies(keys.size(), postings), keys);
                for (int i = 0; i < keys.size(); i++) {
                    byte[] row = rows.get(i);
                    if (row == null || row.length > MAX_CLEANED_ROW_BYTES) {
                        continue;
                    }
                    byte[] rest = PostingList.without(row, fileId);
                    if (rest == null) {
                        batch.delete(postings, keys.get(i));
                    } else if (rest.length != row.length) {
                        batch.put(postings, keys.get(i), rest);
                    }
                }
            }
        }
        batch.delete(documents, fileKey);
        batch.delete(fingerprintsCf, fileKey);
        batch.delete(paths, pathKey);
        return touched;
    }

    void invalidate(long[] shapes) {
        for (long s : shapes) {
            rowCache.invalidate(s);
        }
    }

    RowCache rowCache() {
        return rowCache;
    }

    /** Writes the rows of a new document; postings too unless a bulk load writes them to an SST file. */
    void addRows(IndexedDocument doc, int repoId, int fileId, byte[] pathKey, WriteBatch batch, boolean withPostings)
            throws RocksDBException {
        byte[] fileKey = Bytes.intKey(fileId);
        if (withPostings && doc.size() > 0) {
            int n = doc.size();
            long[] keys = new long[n];
            long[] order = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = Fingerprints.shapeOf(doc.hashAt(i));
                order[i] = i;
            }
            LongPairSort.sort(keys, order, n);
            Bytes entries = new Bytes(64);
            int i = 0;
            while (i < n) {
                entries.clear();
                int j = i;
                while (j < n && keys[j] == keys[i]) {
                    int f = (int) order[j];
                    PostingList.append(entries, repoId, fileId, doc.ignoreCorpus(), doc.startLineAt(f), doc.endLineAt(f),
                            doc.hashAt(f));
                    j++;
                }
                batch.merge(postings, Bytes.shapeKey(keys[i]), entries.toArray());
                i = j;
            }
        }
        DocumentRow row = new DocumentRow(repoId, doc.sourcePath(), doc.contentSha256(), doc.commit(), doc.lineCount(),
                doc.ignoreCorpus(), doc.indexVersion(), doc.size());
        batch.put(documents, fileKey, row.encode());
        batch.put(fingerprintsCf, fileKey, DocumentRow.encodeFingerprints(doc));
        batch.put(paths, pathKey, new PathRow(fileId, doc.contentSha256(), doc.ignoreCorpus()).encode());
    }

    /** Id of {@code repo}; for a new repo the rows that register it go into {@code batch}. */
    int repoId(String repo, WriteBatch batch) throws RocksDBException {
        Integer id = repoIds.get(repo);
        if (id != null) {
            return id;
        }
        int fresh = nextRepoId;
        batch.put(meta, ascii(META_REPO + repo), Bytes.intKey(fresh));
        batch.put(meta, concat(ascii(META_REPO_ID), Bytes.intKey(fresh)), repo.getBytes(StandardCharsets.UTF_8));
        batch.put(meta, META_NEXT_REPO, Bytes.intKey(fresh + 1));
        return fresh;
    }

    /** Makes a repo id written by a successful batch visible. */
    void commitRepo(String repo, int repoId) {
        if (repoIds.putIfAbsent(repo, repoId) == null) {
            repoNames.put(repoId, repo);
            nextRepoId = Math.max(nextRepoId, repoId + 1);
        }
    }

    int allocateFileId() {
        return nextFileId++;
    }

    void persistNextFileId() throws RocksDBException {
        db.put(meta, META_NEXT_FILE, Bytes.intKey(nextFileId));
    }

    void checkConfig(IndexedDocument doc) {
        if (doc.k() != config.k() || doc.w() != config.w()) {
            throw new IndexException(directory, "document " + doc.repo() + ":" + doc.sourcePath() + " has k="
                    + doc.k() + " w=" + doc.w() + " but the index uses k=" + config.k() + " w=" + config.w());
        }
    }

    void notePresent(IndexedDocument doc) throws RocksDBException {
        for (int i = 0; i < doc.size(); i++) {
            presence.add(Fingerprints.shapeOf(doc.hashAt(i)));
        }
        presenceAdds += doc.size();
        if (presenceAdds > presence.capacity()) {
            rebuildPresence();
        }
    }

    /** Starts a bulk load; other writers wait until it is closed. Use it from one thread. */
    public BulkLoad bulkLoad() {
        lifecycle.readLock().lock();
        writes.lock();
        try {
            ensureWritable();
            return new BulkLoad(this, directory.resolve("bulk-" + System.nanoTime()), bulkBufferFingerprints);
        } catch (RuntimeException e) {
            writes.unlock();
            lifecycle.readLock().unlock();
            throw e;
        }
    }

    void endBulkLoad() {
        writes.unlock();
        lifecycle.readLock().unlock();
    }

    boolean writerHeldByCurrentThread() {
        return writes.isHeldByCurrentThread();
    }

    RocksDB db() {
        return db;
    }

    ColumnFamilyHandle postingsFamily() {
        return postings;
    }

    Options sstOptions() {
        return sstOptions;
    }

    WriteOptions writeOptions() {
        return writeOptions;
    }

    /** Content hash and kind of an indexed file. */
    public record FileState(String contentSha256, boolean ignoreCorpus) {
    }

    /** The indexed files of {@code repo}, by path (sorted). */
    public Map<String, FileState> files(String repo) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            Map<String, FileState> out = new TreeMap<>();
            byte[] prefix = PathRow.prefix(repo);
            try (RocksIterator it = db.newIterator(paths, readOptions)) {
                for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                    PathRow row = PathRow.decode(it.value());
                    out.put(PathRow.pathOf(it.key(), prefix.length), new FileState(row.contentSha256(), row.ignoreCorpus()));
                }
            }
            return out;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** The indexed document, with its fingerprints, or empty. */
    public Optional<IndexedDocument> get(String repo, String sourcePath) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            PathRow row = pathRow(PathRow.key(repo, sourcePath));
            if (row == null) {
                return Optional.empty();
            }
            byte[] fileKey = Bytes.intKey(row.fileId());
            byte[] doc = db.get(documents, fileKey);
            byte[] prints = db.get(fingerprintsCf, fileKey);
            if (doc == null || prints == null) {
                return Optional.empty();
            }
            return Optional.of(DocumentRow.decode(doc).toDocument(repo, prints, config));
        } catch (RocksDBException e) {
            throw new IndexException(directory, "cannot read " + repo + ":" + sourcePath, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Names of the indexed repositories. */
    public List<String> repos() {
        List<String> out = new ArrayList<>(repoIds.keySet());
        Collections.sort(out);
        return out;
    }

    /** Next version number for an index build (persisted); stamped on the documents it writes. */
    public long nextIndexVersion() {
        lifecycle.readLock().lock();
        writes.lock();
        try {
            ensureWritable();
            long next = indexVersion + 1;
            db.put(meta, META_INDEX_VERSION, Bytes.longKey(next));
            indexVersion = next;
            return next;
        } catch (RocksDBException e) {
            throw new IndexException(directory, "cannot persist the index version", e);
        } finally {
            writes.unlock();
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Fingerprints {@code text} with the index's parameters and queries it: the same matches as
     * {@link #query(Fingerprints, MatchThresholds)} of its fingerprints.
     */
    public List<CodeMatch> query(CharSequence text, MatchThresholds thresholds) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(thresholds, "thresholds");
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            // a text none of whose fingerprints the presence filter may hold (most texts) matches nothing,
            // so it is not finished into fingerprints
            Fingerprints probe = fingerprinter.fingerprintIfAnyPresent(text, presence);
            return probe.isEmpty() ? List.of() : runQuery(probe, thresholds);
        } catch (RocksDBException e) {
            throw new IndexException(directory, "query failed", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Files whose code the probe contains: probe fingerprints are looked up (presence filter, then one
     * multiGet per {@value #MULTI_GET_BATCH}), common ones dropped (in too many files, in the user's ignore
     * corpus, or generated boilerplate of the built-in ignore corpus unless
     * {@link IndexOptions#builtInIgnore()} is off), hits grouped per file and assembled by
     * {@link MatchAssembler}. Best matches first.
     */
    public List<CodeMatch> query(Fingerprints probe, MatchThresholds thresholds) {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(thresholds, "thresholds");
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return probe.isEmpty() ? List.of() : runQuery(probe, thresholds);
        } catch (RocksDBException e) {
            throw new IndexException(directory, "query failed", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private List<CodeMatch> runQuery(Fingerprints probe, MatchThresholds thresholds) throws RocksDBException {
        int n = probe.size();
        // the presence filter first: most shapes are absent, so only the few left are sorted and deduplicated
        long[] unique = new long[n];
        PresenceFilter filter = presence;
        int c = 0;
        for (int i = 0; i < n; i++) {
            long shape = Fingerprints.shapeOf(probe.hash(i));
            if (filter.mightContain(shape)) {
                unique[c++] = shape;
            }
        }
        Arrays.sort(unique, 0, c);
        c = dedupe(unique, c);
        PostingRows rows = new PostingRows(c);
        PostingList.Decoded decoded = new PostingList.Decoded();
        byte[][] values = fetchRows(unique, c);
        int maxFiles = thresholds.maxDocumentFrequency();
        for (int i = 0; i < c; i++) {
            byte[] row = values[i];
            if (row == null) {
                continue;
            }
            if (commonRows.isCommon(unique[i], row, maxFiles)) {
                rows.common[i] = true;
                continue;
            }
            PostingList.decode(row, decoded, maxFiles);
            rows.set(i, decoded, maxFiles);
            if (rows.common[i]) {
                commonRows.remember(unique[i], row, decoded.ignoreCorpus ? Integer.MAX_VALUE : maxFiles);
            }
        }
        if (rows.size == 0) {
            // no posting to hit (most texts hold no indexed code): the result is empty whatever is suppressed
            return List.of();
        }
        boolean[] suppressed = new boolean[n];
        int[] rowOf = new int[n];
        for (int i = 0; i < n; i++) {
            long shape = Fingerprints.shapeOf(probe.hash(i));
            int r = Arrays.binarySearch(unique, 0, c, shape);
            rowOf[i] = r;
            // boilerplate is suppressed whether or not the index holds it, as if it were in the ignore corpus
            suppressed[i] = (r >= 0 && rows.common[r]) || boilerplate.contains(shape);
        }
        MatchAssembler assembler = new MatchAssembler(probe, suppressed, thresholds);
        for (int i = 0; i < n; i++) {
            int r = rowOf[i];
            if (r < 0 || suppressed[i]) {
                continue;
            }
            int spelling = Fingerprints.spellingOf(probe.hash(i));
            for (int p = rows.from[r]; p < rows.to[r]; p++) {
                assembler.hit(i, rows.files[p], rows.starts[p], rows.ends[p], rows.spellings[p] == spelling);
            }
        }
        return resolve(assembler.candidates(), thresholds.maxResults());
    }

    private List<CodeMatch> resolve(List<MatchAssembler.Candidate> candidates, int maxResults) throws RocksDBException {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<byte[]> keys = new ArrayList<>(candidates.size());
        for (MatchAssembler.Candidate cand : candidates) {
            keys.add(Bytes.intKey(cand.fileId()));
        }
        List<byte[]> rows = db.multiGetAsList(readOptions, Collections.nCopies(keys.size(), documents), keys);
        List<CodeMatch> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            byte[] row = rows.get(i);
            if (row == null) {
                continue; // postings of a removed file left in a common row
            }
            DocumentRow doc = DocumentRow.decode(row);
            String repo = repoNames.get(doc.repoId());
            if (repo == null || doc.ignoreCorpus()) {
                continue;
            }
            MatchAssembler.Candidate m = candidates.get(i);
            out.add(new CodeMatch(repo, doc.sourcePath(), m.sourceStartLine(), m.sourceEndLine(), m.probeStartLine(),
                    m.probeEndLine(), m.similarity(), m.matchedFingerprints(), m.contiguous()));
        }
        out.sort(Comparator.comparingInt(CodeMatch::matchedFingerprints).reversed()
                .thenComparing(Comparator.comparingDouble(CodeMatch::similarity).reversed())
                .thenComparing(CodeMatch::repo).thenComparing(CodeMatch::sourcePath));
        return out.size() > maxResults ? List.copyOf(out.subList(0, maxResults)) : out;
    }

    /** Decoded posting rows of one query, flattened. */
    private static final class PostingRows {
        final boolean[] common;
        final int[] from;
        final int[] to;
        int[] files = new int[64];
        int[] starts = new int[64];
        int[] ends = new int[64];
        int[] spellings = new int[64];
        int size;

        PostingRows(int rows) {
            common = new boolean[rows];
            from = new int[rows];
            to = new int[rows];
        }

        void set(int row, PostingList.Decoded d, int maxFiles) {
            if (d.ignoreCorpus || d.distinctFiles > maxFiles) {
                common[row] = true;
                return;
            }
            if (size + d.size > files.length) {
                int cap = Math.max(files.length * 2, size + d.size);
                files = Arrays.copyOf(files, cap);
                starts = Arrays.copyOf(starts, cap);
                ends = Arrays.copyOf(ends, cap);
                spellings = Arrays.copyOf(spellings, cap);
            }
            from[row] = size;
            System.arraycopy(d.fileIds, 0, files, size, d.size);
            System.arraycopy(d.startLines, 0, starts, size, d.size);
            System.arraycopy(d.endLines, 0, ends, size, d.size);
            System.arraycopy(d.spellings, 0, spellings, size, d.size);
            size += d.size;
            to[row] = size;
        }
    }

    /**
     * Postings rows of {@code shapes[0, n)} (null where absent): from the row cache, else from the
     * postings snapshot while it covers the shape, the rest with one multiGet per
     * {@value #MULTI_GET_BATCH} shapes; rows read from the snapshot or RocksDB then go into the cache.
     */
    private byte[][] fetchRows(long[] shapes, int n) throws RocksDBException {
        byte[][] out = new byte[n][];
        int[] missing = new int[n];
        int m = 0;
        SnapshotReads snapshot = snapshotReads;
        long snapshotStamp = rowCache.stamp();
        for (int i = 0; i < n; i++) {
            RowCache.Entry e = rowCache.get(shapes[i]);
            if (e != null) {
                out[i] = e.row();
                continue;
            }
            byte[] row = snapshot == null ? SnapshotReads.NOT_COVERED : snapshot.row(shapes[i]);
            if (row != SnapshotReads.NOT_COVERED) {
                out[i] = row;
                // each snapshot read copies the row out of the mapping; the cache keeps one copy, which
                // also lets the common-row verdicts (keyed by the array) hold across queries
                rowCache.store(snapshotStamp, shapes[i], row);
            } else {
                missing[m++] = i;
            }
        }
        for (int from = 0; from < m; from += MULTI_GET_BATCH) {
            int to = Math.min(m, from + MULTI_GET_BATCH);
            List<byte[]> keys = new ArrayList<>(to - from);
            for (int j = from; j < to; j++) {
                keys.add(Bytes.shapeKey(shapes[missing[j]]));
            }
            long stamp = rowCache.stamp();
            List<byte[]> values = db.multiGetAsList(readOptions, Collections.nCopies(keys.size(), postings), keys);
            for (int j = from; j < to; j++) {
                byte[] v = values.get(j - from);
                out[missing[j]] = v;
                rowCache.store(stamp, shapes[missing[j]], v);
            }
        }
        return out;
    }

    /**
     * Looks up fingerprints as a query does (presence filter, row cache, multiGet); returns how many
     * exist.
     */
    public int lookup(long[] hashes) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            PresenceFilter filter = presence;
            long[] shapes = new long[hashes.length];
            int n = 0;
            for (long h : hashes) {
                long shape = Fingerprints.shapeOf(h);
                if (filter.mightContain(shape)) {
                    shapes[n++] = shape;
                }
            }
            int found = 0;
            for (byte[] row : fetchRows(shapes, n)) {
                if (row != null) {
                    found++;
                }
            }
            return found;
        } catch (RocksDBException e) {
            throw new IndexException(directory, "lookup failed", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Sizes from RocksDB's estimates. */
    public IndexStats stats() {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            long disk = 0;
            for (ColumnFamilyHandle h : List.of(postings, documents, fingerprintsCf, paths, meta)) {
                disk += db.getLongProperty(h, "rocksdb.total-sst-files-size");
            }
            return new IndexStats(db.getLongProperty(documents, "rocksdb.estimate-num-keys"),
                    db.getLongProperty(postings, "rocksdb.estimate-num-keys"), repoIds.size(), disk);
        } catch (RocksDBException e) {
            throw new IndexException(directory, "cannot read index statistics", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Reads every postings row once so that the rows sit in the block cache (as far as it holds them),
     * and touches every page of the postings snapshot so that it sits in the page cache: lookups after a
     * restart then do not pay for cold blocks. Returns the rows read.
     */
    public long warmUp() {
        lifecycle.readLock().lock();
        try (ReadOptions fill = new ReadOptions().setFillCache(true); RocksIterator it = db.newIterator(postings, fill)) {
            ensureOpen();
            long rows = 0;
            for (it.seekToFirst(); it.isValid(); it.next()) {
                rows++;
            }
            SnapshotReads s = snapshotReads;
            if (s != null) {
                s.snapshot().touchPages();
            }
            return rows;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Flushes memtables, compacts every column family (merges posting rows into single values) and
     * writes a new postings snapshot, which lookups use until later writes change too many rows.
     */
    public void compact() {
        lifecycle.readLock().lock();
        try {
            ensureWritable();
            try (org.rocksdb.FlushOptions flush = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
                db.flush(flush, List.of(postings, documents, fingerprintsCf, paths, meta));
            }
            for (ColumnFamilyHandle h : List.of(postings, documents, fingerprintsCf, paths, meta)) {
                db.compactRange(h);
            }
            if (snapshotEnabled) {
                writeSnapshot();
            }
        } catch (RocksDBException e) {
            throw new IndexException(directory, "compaction failed", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Writes the postings snapshot of the current rows; writers wait meanwhile. A failure is logged, not thrown. */
    private void writeSnapshot() throws RocksDBException {
        writes.lock();
        try (RocksIterator it = db.newIterator(postings)) {
            long sequence = db.getLatestSequenceNumber();
            long t0 = System.nanoTime();
            Path file = directory.resolve(SNAPSHOT_FILE);
            PostingsSnapshot.write(file, it, sequence, db.getLongProperty(postings, "rocksdb.estimate-num-keys"));
            Files.deleteIfExists(directory.resolve(SNAPSHOT_CHANGES_FILE));
            PostingsSnapshot written = PostingsSnapshot.open(file, sequence);
            snapshotReads = written == null ? null : SnapshotReads.fresh(written);
            LOG.info("wrote postings snapshot dir={} rows={} bytes={} ms={}", directory,
                    written == null ? 0 : written.rows(), written == null ? 0 : written.fileBytes(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            // the snapshot only speeds lookups up: the compaction itself succeeded, and RocksDB answers
            // every lookup until a later compaction writes a snapshot
            snapshotReads = null;
            LOG.warn("cannot write postings snapshot, lookups read RocksDB dir={} error={}", directory, e.toString());
        } finally {
            writes.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("fingerprint index " + directory + " is closed");
        }
    }

    private void ensureWritable() {
        ensureOpen();
        if (readerDirectory != null) {
            throw new IllegalStateException("fingerprint index " + directory + " is opened read-only (openReader)");
        }
    }

    /** True when opened with {@link #openReader}. */
    public boolean isReader() {
        return readerDirectory != null;
    }

    /** Saves the presence filter and closes RocksDB; waits for running calls. Idempotent. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (readerDirectory == null) {
                savePresence();
                if (snapshotEnabled) {
                    saveSnapshotChanges();
                }
            }
            db.close();
            closeAll(resources);
            deleteReaderDirectory(directory, readerDirectory);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void savePresence() {
        Path tmp = directory.resolve(PRESENCE_FILE + ".tmp");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                presence.writeTo(out, db.getLatestSequenceNumber());
            }
            try {
                Files.move(tmp, directory.resolve(PRESENCE_FILE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, directory.resolve(PRESENCE_FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the filter is rebuilt from the postings at the next open; only the open gets slower
            LOG.warn("cannot save presence filter dir={} error={}", directory, e.toString());
        }
    }

    /**
     * Lets the next open keep using the snapshot when the index moved on after it; deletes a snapshot
     * that is no longer used.
     */
    private void saveSnapshotChanges() {
        SnapshotReads s = snapshotReads;
        Path file = directory.resolve(SNAPSHOT_CHANGES_FILE);
        long sequence = db.getLatestSequenceNumber();
        try {
            if (s == null) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(directory.resolve(SNAPSHOT_FILE));
            } else if (s.snapshot().sequence() == sequence) {
                Files.deleteIfExists(file);
            } else {
                s.saveChanges(file, sequence);
            }
        } catch (IOException e) {
            // without the file the next open reads every row from RocksDB until the next compaction
            LOG.warn("cannot save postings snapshot changes dir={} error={}", directory, e.toString());
        }
    }

    private static void deleteReaderDirectory(Path directory, Path readerDirectory) {
        if (readerDirectory == null) {
            return;
        }
        try (var files = Files.walk(readerDirectory)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // only RocksDB's info log of the reader is left behind in the temporary directory
            LOG.warn("cannot delete reader directory dir={} readerDir={} error={}", directory, readerDirectory,
                    e.toString());
        }
    }

    static int dedupe(long[] sorted, int n) {
        if (n == 0) {
            return 0;
        }
        int u = 1;
        for (int i = 1; i < n; i++) {
            if (sorted[i] != sorted[u - 1]) {
                sorted[u++] = sorted[i];
            }
        }
        return u;
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
