package io.agentdlp.ingest.delivery;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * When the spool forces appended records to the storage device. Every policy survives a killed
 * process: an append returns only after the bytes were handed to the operating system, which keeps
 * them when the process dies. The policies differ on an operating-system crash or power loss:
 * {@code always} loses nothing acknowledged, {@code interval} at most the last interval,
 * {@code never} whatever the OS had not written back yet (typically up to 30 s).
 *
 * @param mode     always, interval or never
 * @param interval force period for {@code interval}
 */
public record FsyncPolicy(Mode mode, Duration interval) {
    /** The three modes. */
    public enum Mode { ALWAYS, INTERVAL, NEVER }

    public FsyncPolicy {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.INTERVAL && (interval == null || interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("fsync interval must be positive");
        }
    }

    public static FsyncPolicy always() {
        return new FsyncPolicy(Mode.ALWAYS, null);
    }

    public static FsyncPolicy every(Duration interval) {
        return new FsyncPolicy(Mode.INTERVAL, interval);
    }

    public static FsyncPolicy never() {
        return new FsyncPolicy(Mode.NEVER, null);
    }

    /** Parses {@code always}, {@code never} or an interval such as {@code 200ms} / {@code 1s}. */
    public static FsyncPolicy parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.equals("always")) {
            return always();
        }
        if (v.equals("never")) {
            return never();
        }
        try {
            if (v.endsWith("ms")) {
                return every(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))));
            }
            if (v.endsWith("s")) {
                return every(Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1))));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fsync policy '" + s + "': expected always, never or an interval like 200ms or 1s", e);
        }
        throw new IllegalArgumentException("fsync policy '" + s + "': expected always, never or an interval like 200ms or 1s");
    }

    @Override
    public String toString() {
        return mode == Mode.INTERVAL ? interval.toMillis() + "ms" : mode.name().toLowerCase(Locale.ROOT);
    }
}
