package io.agentdlp.ingest.delivery;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how the spool stores records.
 *
 * @param dir          spool directory (created when missing); one spool per directory and process
 * @param segmentBytes size at which the active segment file is sealed and a new one started
 * @param maxBytes     disk bound over all segment files
 * @param fsync        when appends are forced to the device
 * @param whenFull     what an append does when it would exceed {@code maxBytes}
 */
public record SpoolConfig(Path dir, long segmentBytes, long maxBytes, FsyncPolicy fsync, WhenFull whenFull) {
    /** Behaviour of a full spool. */
    public enum WhenFull {
        /** Refuse the new records (the caller decides; the sensor fails open and counts them). */
        REJECT_NEW,
        /** Delete the oldest sealed segment, undelivered records included, and count them as dropped. */
        DROP_OLDEST
    }

    /** Default segment size: 16 MiB. */
    public static final long DEFAULT_SEGMENT_BYTES = 16L << 20;
    /** Default disk bound: 1 GiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    public SpoolConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(fsync, "fsync");
        Objects.requireNonNull(whenFull, "whenFull");
        if (segmentBytes < 1024) {
            throw new IllegalArgumentException("segmentBytes must be >= 1024");
        }
        if (maxBytes < segmentBytes) {
            throw new IllegalArgumentException("maxBytes must be >= segmentBytes");
        }
    }

    /** 16 MiB segments, 1 GiB bound, fsync on every append, new records refused when full. */
    public static SpoolConfig defaults(Path dir) {
        return new SpoolConfig(dir, DEFAULT_SEGMENT_BYTES, DEFAULT_MAX_BYTES, FsyncPolicy.always(), WhenFull.REJECT_NEW);
    }
}
