package io.agentdlp.detection.fingerprint;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.rocksdb.RocksIterator;

/**
 * Read-only copy of the postings column family as of one RocksDB sequence number, in a file that is
 * memory-mapped and searched in Java: a present fingerprint then costs a few page-cache reads instead of
 * a RocksDB point lookup through JNI (about 3–5 µs each, most of it RocksDB's fixed per-key work, whatever
 * the table format). Derived data: RocksDB stays the source of truth, the file is rewritten by
 * {@link FingerprintIndex#compact()} and only used while its sequence number proves it current (rows
 * written later are tracked by the index and read from RocksDB).
 *
 * <p>Layout (big-endian): a header of {@value #HEADER_BYTES} bytes (magic, format, bucket bits,
 * sequence, row count, offsets of the directory and of the values); {@code count} entries of 16 bytes
 * sorted by shape ({@code shape}, then {@code valueOffset << 24 | valueLength}); the bucket directory,
 * {@code 2^bits + 1} ints giving the first entry whose shape's top bits are the bucket; the row values.
 * Shapes are hash bits, so buckets hold about {@value #ROWS_PER_BUCKET} rows: a lookup reads one
 * directory word, a bucket of entries (usually one cache line) and the value. A row of
 * {@value #MAX_ROW_BYTES} bytes or more is marked as {@link #IN_DATABASE}.
 *
 * <p>Thread-safe for lookups (reads of an immutable mapping).
 */
final class PostingsSnapshot {
    /** Row marker: the row exists but is too large for the snapshot; read it from RocksDB. */
    static final byte[] IN_DATABASE = new byte[0];

    static final int HEADER_BYTES = 64;
    static final int MAX_ROW_BYTES = (1 << 24) - 1;
    private static final long MAGIC = 0x4147444C50534E50L; // "AGDLPSNP"
    private static final int FORMAT = 1;
    private static final int ROWS_PER_BUCKET = 2;
    private static final int ENTRY_BYTES = 16;
    private static final long CHUNK = 1L << 30;

    private final ByteBuffer[] chunks;
    private final long sequence;
    private final long count;
    private final int shift;
    private final long directoryOffset;
    private final long valuesOffset;
    private final long fileBytes;

    private PostingsSnapshot(ByteBuffer[] chunks, long sequence, long count, int bucketBits, long directoryOffset,
                             long valuesOffset, long fileBytes) {
        this.chunks = chunks;
        this.sequence = sequence;
        this.count = count;
        this.shift = 56 - bucketBits;
        this.directoryOffset = directoryOffset;
        this.valuesOffset = valuesOffset;
        this.fileBytes = fileBytes;
    }

    /** RocksDB sequence number the snapshot reflects. */
    long sequence() {
        return sequence;
    }

    long rows() {
        return count;
    }

    long fileBytes() {
        return fileBytes;
    }

    /** The row of {@code shape}, null when absent, {@link #IN_DATABASE} when only RocksDB has it. */
    byte[] row(long shape) {
        int bucket = (int) (shape >>> shift);
        long at = directoryOffset + 4L * bucket;
        long from = readInt(at) & 0xFFFFFFFFL;
        long to = readInt(at + 4) & 0xFFFFFFFFL;
        for (long e = from; e < to; e++) {
            long pos = HEADER_BYTES + e * ENTRY_BYTES;
            long key = readLong(pos);
            if (key == shape) {
                long location = readLong(pos + 8);
                int length = (int) (location & MAX_ROW_BYTES);
                return length == MAX_ROW_BYTES ? IN_DATABASE : read(valuesOffset + (location >>> 24), length);
            }
            if (key > shape) {
                return null;
            }
        }
        return null;
    }

    /** Reads one byte per page so that the mapping sits in the page cache; returns the pages touched. */
    long touchPages() {
        long pages = 0;
        long sum = 0;
        for (long p = 0; p < fileBytes; p += 4096) {
            sum += chunks[(int) (p / CHUNK)].get((int) (p % CHUNK));
            pages++;
        }
        return sum == Long.MIN_VALUE ? -1 : pages;
    }

    private long readLong(long pos) {
        // entries are 16-byte aligned and chunks a multiple of 16 long, so a long never spans two chunks
        return chunks[(int) (pos / CHUNK)].getLong((int) (pos % CHUNK));
    }

    private int readInt(long pos) {
        return chunks[(int) (pos / CHUNK)].getInt((int) (pos % CHUNK));
    }

    private byte[] read(long pos, int length) {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            ByteBuffer chunk = chunks[(int) ((pos + done) / CHUNK)];
            int offset = (int) ((pos + done) % CHUNK);
            int n = (int) Math.min(length - done, CHUNK - offset);
            chunk.get(offset, out, done, n);
            done += n;
        }
        return out;
    }

    /**
     * Maps the snapshot in {@code file}; null when it is missing or reflects another sequence number
     * than {@code expectedSequence}.
     *
     * @throws IOException when the file cannot be read or is not a snapshot of this format
     */
    static PostingsSnapshot open(Path file, long expectedSequence) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_BYTES) {
                throw new IOException("truncated postings snapshot " + file + " (" + size + " bytes)");
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            ch.read(header, 0);
            header.flip();
            if (header.getLong() != MAGIC || header.getInt() != FORMAT) {
                throw new IOException("not a postings snapshot of format " + FORMAT + ": " + file);
            }
            int bits = header.getInt();
            long sequence = header.getLong();
            long count = header.getLong();
            long directory = header.getLong();
            long values = header.getLong();
            long valuesLength = header.getLong();
            if (sequence != expectedSequence) {
                return null;
            }
            if (bits < 1 || bits > 30 || directory != HEADER_BYTES + count * ENTRY_BYTES
                    || values < directory + 4L * ((1L << bits) + 1) || values + valuesLength != size) {
                throw new IOException("corrupt postings snapshot " + file);
            }
            int n = (int) ((size + CHUNK - 1) / CHUNK);
            ByteBuffer[] chunks = new ByteBuffer[n];
            for (int i = 0; i < n; i++) {
                long from = i * CHUNK;
                MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, from, Math.min(CHUNK, size - from));
                chunks[i] = m.order(ByteOrder.BIG_ENDIAN);
            }
            return new PostingsSnapshot(chunks, sequence, count, bits, directory, values, size);
        }
    }

    /**
     * Writes every row of {@code postings} (an iterator over the postings column family, positioned by
     * this method) to {@code file} as a snapshot of {@code sequence}, through a temporary file renamed
     * into place. {@code expectedRows} (RocksDB's estimate) sizes the directory only.
     */
    static void write(Path file, RocksIterator postings, long sequence, long expectedRows) throws IOException {
        int bits = bucketBits(expectedRows);
        int buckets = 1 << bits;
        int shift = 56 - bits;
        int[] bucketCounts = new int[buckets];
        Path entriesTmp = file.resolveSibling(file.getFileName() + ".tmp");
        Path valuesTmp = file.resolveSibling(file.getFileName() + ".values.tmp");
        long count = 0;
        long valuesLength = 0;
        try {
            try (DataOutputStream entries = stream(entriesTmp); OutputStream values = stream(valuesTmp)) {
                entries.write(new byte[HEADER_BYTES]);
                for (postings.seekToFirst(); postings.isValid(); postings.next()) {
                    long shape = Bytes.readShape(postings.key());
                    byte[] row = postings.value();
                    long location;
                    if (row.length >= MAX_ROW_BYTES) {
                        location = MAX_ROW_BYTES;
                    } else {
                        location = valuesLength << 24 | row.length;
                        values.write(row);
                        valuesLength += row.length;
                    }
                    entries.writeLong(shape);
                    entries.writeLong(location);
                    bucketCounts[(int) (shape >>> shift)]++;
                    count++;
                }
                postings.status();
                if (count > Integer.MAX_VALUE) {
                    throw new IOException("too many postings rows for a snapshot: " + count);
                }
                long start = 0;
                for (int b = 0; b < buckets; b++) {
                    entries.writeInt((int) start);
                    start += bucketCounts[b];
                }
                entries.writeInt((int) start);
            } catch (org.rocksdb.RocksDBException e) {
                throw new IOException("cannot read the postings for a snapshot: " + e.getMessage(), e);
            }
            long directory = HEADER_BYTES + count * ENTRY_BYTES;
            long valuesOffset = directory + 4L * (buckets + 1L);
            try (FileChannel ch = FileChannel.open(entriesTmp, StandardOpenOption.WRITE);
                 FileChannel in = FileChannel.open(valuesTmp, StandardOpenOption.READ)) {
                long copied = 0;
                while (copied < valuesLength) {
                    copied += in.transferTo(copied, valuesLength - copied, ch.position(valuesOffset + copied));
                }
                ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
                header.putLong(MAGIC).putInt(FORMAT).putInt(bits).putLong(sequence).putLong(count).putLong(directory)
                        .putLong(valuesOffset).putLong(valuesLength).flip();
                ch.write(header, 0);
                ch.force(true);
            }
            Files.move(entriesTmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(valuesTmp);
            Files.deleteIfExists(entriesTmp);
        }
    }

    private static DataOutputStream stream(Path p) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16));
    }

    static int bucketBits(long expectedRows) {
        long buckets = Math.max(1, expectedRows / ROWS_PER_BUCKET);
        return Math.max(1, Math.min(30, 64 - Long.numberOfLeadingZeros(buckets - 1)));
    }
}
