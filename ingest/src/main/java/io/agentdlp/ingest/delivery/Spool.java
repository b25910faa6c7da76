package io.agentdlp.ingest.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, bounded, append-only queue of opaque records on local disk, read back in append order.
 *
 * <p>Layout: segment files {@code <first-sequence>.seg} (20 digits), each an 8-byte magic header
 * followed by frames {@code [int length][int CRC32C of payload][payload]}; a {@code cursor} file with
 * the position of the next undelivered record (replaced atomically); a {@code lock} file held while
 * open, so two processes never share a spool. A segment is sealed when it reaches the configured
 * size; sealed segments are deleted once the cursor has passed them.
 *
 * <p>Recovery on open: the last segment is scanned and cut after its last complete, checksummed
 * frame (a write torn by a crash), so appends continue after valid data. Corrupt frames met while
 * reading (bit rot) skip the rest of their segment and are counted. Durability of appends follows
 * the {@link FsyncPolicy}. Appends are thread-safe; reading ({@link #read}, {@link #commit}) is for
 * one consumer thread.
 */
public final class Spool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final byte[] MAGIC = "ADLPSPL1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_BYTES = MAGIC.length;
    static final int FRAME_OVERHEAD = 8;
    /** Largest record accepted: 16 MiB. */
    public static final int MAX_RECORD_BYTES = 16 << 20;
    private static final String SUFFIX = ".seg";
    private static final String CURSOR = "cursor";

    /**
     * A place in the spool.
     *
     * @param seq         sequence number of the next record
     * @param segmentBase first sequence of the segment holding it
     * @param offset      byte offset of its frame in that segment
     */
    public record Position(long seq, long segmentBase, long offset) {
    }

    private final SpoolConfig config;
    private final Object lock = new Object();
    /** Sealed segments: first sequence → file size. */
    private final TreeMap<Long, Long> sealed = new TreeMap<>();
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final ScheduledExecutorService syncer;
    private FileChannel active;
    private long activeBase;
    private long activeSize;
    private long nextSeq;
    private Position cursor;
    private long bytesOnDisk;
    private boolean dirty;
    private boolean closed;
    private long appended;
    private long delivered;
    private long rejected;
    private long dropped;
    private long corrupt;
    /** Reader-side cache of the open segment (only touched by the consumer thread). */
    private FileChannel readChannel;
    private long readChannelBase = -1;

    private Spool(SpoolConfig config, FileChannel lockChannel, FileLock fileLock) {
        this.config = config;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
        this.syncer = config.fsync().mode() == FsyncPolicy.Mode.INTERVAL
                ? Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "agentdlp-spool-fsync");
                    t.setDaemon(true);
                    return t;
                })
                : null;
    }

    /**
     * Opens (creating when missing) the spool in {@code config.dir()}, recovering after a crash.
     *
     * @throws IOException when the directory is unusable or another process holds the spool
     */
    public static Spool open(SpoolConfig config) throws IOException {
        Files.createDirectories(config.dir());
        FileChannel lc = FileChannel.open(config.dir().resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock fl;
        try {
            fl = lc.tryLock();
        } catch (IOException e) {
            lc.close();
            throw e;
        } catch (OverlappingFileLockException e) {
            lc.close();
            throw new IOException("spool " + config.dir() + " is already open in this process", e);
        }
        if (fl == null) {
            lc.close();
            throw new IOException("spool " + config.dir() + " is in use by another process");
        }
        Spool s = new Spool(config, lc, fl);
        try {
            s.recover();
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        if (s.syncer != null) {
            long ms = config.fsync().interval().toMillis();
            s.syncer.scheduleWithFixedDelay(s::syncIfDirty, ms, ms, TimeUnit.MILLISECONDS);
        }
        return s;
    }

    private void recover() throws IOException {
        List<Long> bases = new ArrayList<>();
        try (Stream<Path> files = Files.list(config.dir())) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX) && n.length() == 20 + SUFFIX.length())
                    .forEach(n -> bases.add(Long.parseLong(n.substring(0, 20))));
        }
        bases.sort(Long::compare);
        Position saved = readCursor();
        if (bases.isEmpty()) {
            long base = saved == null ? 0 : saved.seq();
            createActive(base);
            nextSeq = base;
            bytesOnDisk = HEADER_BYTES;
        } else {
            for (int i = 0; i < bases.size() - 1; i++) {
                long size = Files.size(segment(bases.get(i)));
                sealed.put(bases.get(i), size);
                bytesOnDisk += size;
            }
            long last = bases.get(bases.size() - 1);
            long[] scan = scanAndTruncate(last);
            activeBase = last;
            activeSize = scan[1];
            nextSeq = last + scan[0];
            bytesOnDisk += activeSize;
            active = FileChannel.open(segment(last), StandardOpenOption.WRITE);
        }
        cursor = clampCursor(saved);
        LOG.info("event=spool_opened dir={} segments={} pending={} bytes={} fsync={}",
                config.dir(), sealed.size() + 1, nextSeq - cursor.seq(), bytesOnDisk, config.fsync());
    }

    /** Scans a segment, cuts it after the last valid frame; returns {records, validSize}. */
    private long[] scanAndTruncate(long base) throws IOException {
        Path p = segment(base);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size < HEADER_BYTES || !validHeader(ch)) {
                LOG.warn("event=spool_segment_reset file={} reason=bad_header size={}", p.getFileName(), size);
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(MAGIC), 0);
                ch.force(true);
                return new long[] {0, HEADER_BYTES};
            }
            long offset = HEADER_BYTES;
            long count = 0;
            ByteBuffer head = ByteBuffer.allocate(FRAME_OVERHEAD);
            while (offset + FRAME_OVERHEAD <= size) {
                head.clear();
                readFully(ch, head, offset);
                int len = head.getInt(0);
                int crc = head.getInt(4);
                if (len < 0 || len > MAX_RECORD_BYTES || offset + FRAME_OVERHEAD + len > size) {
                    break;
                }
                ByteBuffer payload = ByteBuffer.allocate(len);
                readFully(ch, payload, offset + FRAME_OVERHEAD);
                if (crc(payload.array()) != crc) {
                    break;
                }
                offset += FRAME_OVERHEAD + len;
                count++;
            }
            if (offset < size) {
                LOG.warn("event=spool_torn_tail_truncated file={} valid_bytes={} removed_bytes={}", p.getFileName(), offset, size - offset);
                ch.truncate(offset);
                ch.force(true);
            }
            return new long[] {count, offset};
        }
    }

    private Position clampCursor(Position saved) {
        Position start = firstPosition();
        if (saved == null || saved.seq() < start.seq()) {
            return start;
        }
        if (saved.seq() >= nextSeq) {
            return new Position(nextSeq, activeBase, activeSize);
        }
        boolean known = saved.segmentBase() == activeBase || sealed.containsKey(saved.segmentBase());
        if (known && saved.offset() >= HEADER_BYTES) {
            return saved;
        }
        // the cursor's segment is gone (fully delivered and deleted): continue at the next one
        Long base = sealed.ceilingKey(saved.seq());
        return base != null ? new Position(base, base, HEADER_BYTES) : new Position(activeBase, activeBase, HEADER_BYTES);
    }

    private Position firstPosition() {
        long base = sealed.isEmpty() ? activeBase : sealed.firstKey();
        return new Position(base, base, HEADER_BYTES);
    }

    /**
     * Appends records atomically with respect to other appends; returns the sequence of the last one.
     * Returns after the bytes reached the OS (and the device, under {@code fsync=always}).
     *
     * @throws SpoolFullException when the disk bound is reached and the policy is {@code REJECT_NEW}
     */
    public long append(List<byte[]> records) throws IOException {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        long total = 0;
        for (byte[] r : records) {
            if (r.length > MAX_RECORD_BYTES) {
                throw new IllegalArgumentException("record of " + r.length + " bytes exceeds the spool's " + MAX_RECORD_BYTES + "-byte limit");
            }
            total += FRAME_OVERHEAD + r.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(total));
        for (byte[] r : records) {
            buf.putInt(r.length).putInt(crc(r)).put(r);
        }
        buf.flip();
        synchronized (lock) {
            ensureOpen();
            if (activeSize > HEADER_BYTES && activeSize + total > config.segmentBytes()) {
                roll();
            }
            while (bytesOnDisk + total > config.maxBytes()) {
                if (config.whenFull() == SpoolConfig.WhenFull.DROP_OLDEST && !sealed.isEmpty()) {
                    dropOldest();
                } else {
                    rejected += records.size();
                    throw new SpoolFullException(bytesOnDisk, config.maxBytes(), total);
                }
            }
            long pos = activeSize;
            while (buf.hasRemaining()) {
                pos += active.write(buf, pos);
            }
            activeSize = pos;
            bytesOnDisk += total;
            nextSeq += records.size();
            appended += records.size();
            if (config.fsync().mode() == FsyncPolicy.Mode.ALWAYS) {
                active.force(false);
            } else {
                dirty = true;
            }
            lock.notifyAll();
            return nextSeq - 1;
        }
    }

    private void roll() throws IOException {
        if (config.fsync().mode() != FsyncPolicy.Mode.NEVER) {
            active.force(false);
        }
        active.close();
        sealed.put(activeBase, activeSize);
        createActive(nextSeq);
        bytesOnDisk += HEADER_BYTES;
    }

    private void createActive(long base) throws IOException {
        Path p = segment(base);
        active = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        active.truncate(0);
        active.write(ByteBuffer.wrap(MAGIC), 0);
        if (config.fsync().mode() != FsyncPolicy.Mode.NEVER) {
            active.force(true);
        }
        activeBase = base;
        activeSize = HEADER_BYTES;
    }

    private void dropOldest() throws IOException {
        Map.Entry<Long, Long> oldest = sealed.pollFirstEntry();
        Long next = sealed.isEmpty() ? activeBase : sealed.firstKey();
        long lost = Math.max(0, next - Math.max(oldest.getKey(), cursor.seq()));
        dropped += lost;
        bytesOnDisk -= oldest.getValue();
        Files.deleteIfExists(segment(oldest.getKey()));
        if (cursor.seq() < next) {
            cursor = new Position(next, next, HEADER_BYTES);
            writeCursor(cursor);
        }
        LOG.warn("event=spool_full_dropped_oldest segment={} undelivered_records_dropped={} max_bytes={}",
                oldest.getKey(), lost, config.maxBytes());
    }

    /**
     * Reads up to {@code maxRecords} / about {@code maxBytes} records from the cursor on, without
     * moving it. Call from the one consumer thread.
     */
    public SpoolBatch read(int maxRecords, long maxBytes) throws IOException {
        Position from;
        TreeMap<Long, Long> sizes;
        long end;
        synchronized (lock) {
            ensureOpen();
            from = cursor;
            sizes = new TreeMap<>(sealed.tailMap(from.segmentBase(), true));
            sizes.put(activeBase, activeSize);
            end = nextSeq;
        }
        List<byte[]> out = new ArrayList<>();
        long bytes = 0;
        long skipped = 0;
        long seq = from.seq();
        long base = from.segmentBase();
        long offset = from.offset();
        ByteBuffer head = ByteBuffer.allocate(FRAME_OVERHEAD);
        while (out.size() < maxRecords && bytes < maxBytes && seq < end) {
            Long size = sizes.get(base);
            if (size == null) {
                break;
            }
            if (offset >= size) {
                Long nextBase = sizes.higherKey(base);
                if (nextBase == null) {
                    break;
                }
                seq = nextBase;
                base = nextBase;
                offset = HEADER_BYTES;
                continue;
            }
            FileChannel ch = readChannel(base);
            head.clear();
            readFully(ch, head, offset);
            int len = head.getInt(0);
            int crc = head.getInt(4);
            byte[] payload = len >= 0 && len <= MAX_RECORD_BYTES && offset + FRAME_OVERHEAD + len <= size ? new byte[len] : null;
            if (payload != null) {
                readFully(ch, ByteBuffer.wrap(payload), offset + FRAME_OVERHEAD);
            }
            if (payload == null || crc(payload) != crc) {
                Long nextBase = sizes.higherKey(base);
                long resume = nextBase != null ? nextBase : end;
                LOG.error("event=spool_corrupt_frame segment={} offset={} records_skipped={}", base, offset, resume - seq);
                skipped += resume - seq;
                seq = resume;
                if (nextBase == null) {
                    offset = size;
                } else {
                    base = nextBase;
                    offset = HEADER_BYTES;
                }
                continue;
            }
            out.add(payload);
            bytes += payload.length;
            offset += FRAME_OVERHEAD + len;
            seq++;
        }
        return new SpoolBatch(out, from.seq(), new Position(seq, base, offset), skipped);
    }

    /** Marks everything before {@code batch.end()} delivered; deletes segments left entirely behind. */
    public void commit(SpoolBatch batch) throws IOException {
        synchronized (lock) {
            ensureOpen();
            if (batch.end().seq() <= cursor.seq()) {
                return; // a drop already moved the cursor past this batch
            }
            delivered += batch.records().size();
            corrupt += batch.skipped();
            cursor = batch.end();
            writeCursor(cursor);
            while (!sealed.isEmpty() && sealed.firstKey() < cursor.segmentBase()) {
                Map.Entry<Long, Long> done = sealed.pollFirstEntry();
                bytesOnDisk -= done.getValue();
                if (readChannelBase == done.getKey()) {
                    closeReadChannel();
                }
                Files.deleteIfExists(segment(done.getKey()));
            }
        }
    }

    /** Waits until a record is pending or the timeout passes; true when one is pending. */
    public boolean awaitRecords(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (!closed && nextSeq <= cursor.seq()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return nextSeq > cursor.seq();
        }
    }

    /** Wakes threads blocked in {@link #awaitRecords}. */
    public void wakeUp() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    public SpoolStats stats() {
        synchronized (lock) {
            return new SpoolStats(nextSeq - cursor.seq(), bytesOnDisk, sealed.size() + 1, appended, delivered,
                    rejected, dropped, corrupt);
        }
    }

    public SpoolConfig config() {
        return config;
    }

    private void syncIfDirty() {
        synchronized (lock) {
            if (!dirty || closed) {
                return;
            }
            try {
                active.force(false);
                dirty = false;
            } catch (IOException e) {
                LOG.error("event=spool_fsync_failed dir={} error={}", config.dir(), e.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (syncer != null) {
            syncer.shutdownNow();
        }
        IOException failure = null;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
            try {
                if (active != null) {
                    if (config.fsync().mode() != FsyncPolicy.Mode.NEVER) {
                        active.force(false);
                    }
                    active.close();
                }
                closeReadChannel();
            } catch (IOException e) {
                failure = e;
            }
        }
        try {
            if (fileLock != null) {
                fileLock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("spool " + config.dir() + " is closed");
        }
    }

    private FileChannel readChannel(long base) throws IOException {
        if (readChannelBase != base) {
            closeReadChannel();
            readChannel = FileChannel.open(segment(base), StandardOpenOption.READ);
            readChannelBase = base;
        }
        return readChannel;
    }

    private void closeReadChannel() throws IOException {
        if (readChannel != null) {
            readChannel.close();
            readChannel = null;
            readChannelBase = -1;
        }
    }

    private Path segment(long base) {
        return config.dir().resolve(String.format("%020d", base) + SUFFIX);
    }

    private Position readCursor() throws IOException {
        byte[] b;
        try {
            b = Files.readAllBytes(config.dir().resolve(CURSOR));
        } catch (NoSuchFileException e) {
            return null; // a new spool: start at the first record
        }
        if (b.length != 28) {
            LOG.warn("event=spool_cursor_invalid dir={} reason=length", config.dir());
            return null;
        }
        ByteBuffer bb = ByteBuffer.wrap(b);
        if (crc(Arrays.copyOf(b, 24)) != bb.getInt(24)) {
            LOG.warn("event=spool_cursor_invalid dir={} reason=checksum", config.dir());
            return null;
        }
        return new Position(bb.getLong(0), bb.getLong(8), bb.getLong(16));
    }

    private void writeCursor(Position p) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(28);
        bb.putLong(p.seq()).putLong(p.segmentBase()).putLong(p.offset());
        bb.putInt(crc(Arrays.copyOf(bb.array(), 24)));
        Path tmp = config.dir().resolve(CURSOR + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            bb.flip();
            while (bb.hasRemaining()) {
                ch.write(bb);
            }
            if (config.fsync().mode() != FsyncPolicy.Mode.NEVER) {
                ch.force(true);
            }
        }
        Files.move(tmp, config.dir().resolve(CURSOR), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean validHeader(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
        readFully(ch, b, 0);
        return Arrays.equals(b.array(), MAGIC);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of spool segment at byte " + pos);
            }
            pos += n;
        }
    }

    private static int crc(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b, 0, b.length);
        return (int) c.getValue();
    }
}
