package io.agentdlp.detection.fingerprint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A {@link PostingsSnapshot} plus the shapes whose rows were written after it: a lookup is answered by
 * the snapshot unless the shape may have changed since, in which case RocksDB answers. The changed shapes
 * are a bloom filter (a false positive only costs a RocksDB read) sized at a sixteenth of the snapshot's
 * rows; once more shapes changed than that, the index stops using the snapshot until the next
 * {@link FingerprintIndex#compact()} writes a new one. Writers mark shapes before writing RocksDB, so a
 * reader never takes a stale snapshot row for a write it could already see. Thread-safe.
 */
final class SnapshotReads {
    /** Lookup answer: the snapshot does not cover this shape; ask RocksDB. */
    static final byte[] NOT_COVERED = new byte[0];

    private static final long MIN_CHANGED_CAPACITY = 1 << 16;

    private final PostingsSnapshot snapshot;
    private final PresenceFilter changed;
    private long changes;

    private SnapshotReads(PostingsSnapshot snapshot, PresenceFilter changed, long changes) {
        this.snapshot = snapshot;
        this.changed = changed;
        this.changes = changes;
    }

    /** Reads of a snapshot that nothing has changed yet. */
    static SnapshotReads fresh(PostingsSnapshot snapshot) {
        return new SnapshotReads(snapshot, PresenceFilter.forKeys(Math.max(MIN_CHANGED_CAPACITY, snapshot.rows() / 16)), 0);
    }

    PostingsSnapshot snapshot() {
        return snapshot;
    }

    /** The row of {@code shape}: null when absent, {@link #NOT_COVERED} when RocksDB must answer. */
    byte[] row(long shape) {
        if (changed.mightContain(shape)) {
            return NOT_COVERED;
        }
        byte[] row = snapshot.row(shape);
        return row == PostingsSnapshot.IN_DATABASE ? NOT_COVERED : row;
    }

    /**
     * Marks {@code shapes[0, n)} as written after the snapshot (call before writing them); returns false
     * once so many changed that the snapshot should no longer be used. Called by the one writer.
     */
    boolean markChanged(long[] shapes, int n) {
        for (int i = 0; i < n; i++) {
            // a shape already marked (re-indexed file, repeated fingerprint) does not fill the filter further
            if (!changed.mightContain(shapes[i])) {
                changed.add(shapes[i]);
                changes++;
            }
        }
        return changes <= changed.capacity();
    }

    long changes() {
        return changes;
    }

    /**
     * Saves the changed shapes so that the next open can keep using the snapshot: valid only while the
     * index is at {@code sequence} (the writer's last sequence number at close).
     */
    void saveChanges(Path file, long sequence) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeLong(snapshot.sequence());
            out.writeLong(changes);
            changed.writeTo(out, sequence);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The snapshot in {@code snapshotFile} with the changes saved in {@code changesFile}, when together
     * they describe the index at {@code sequence}; null otherwise (RocksDB then answers every lookup).
     */
    static SnapshotReads open(Path snapshotFile, Path changesFile, long sequence) throws IOException {
        PostingsSnapshot exact = PostingsSnapshot.open(snapshotFile, sequence);
        if (exact != null) {
            return fresh(exact);
        }
        long snapshotSequence;
        long changes;
        PresenceFilter changed;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(changesFile), 1 << 16)) {
            DataInputStream d = new DataInputStream(in);
            snapshotSequence = d.readLong();
            changes = d.readLong();
            changed = PresenceFilter.readFrom(d, sequence);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (changed == null) {
            return null;
        }
        PostingsSnapshot snapshot = PostingsSnapshot.open(snapshotFile, snapshotSequence);
        return snapshot == null ? null : new SnapshotReads(snapshot, changed, changes);
    }
}
