package io.agentdlp.topology.sequence;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import io.agentdlp.topology.StateBytes;

/**
 * The sensitive reads of one session, newest last, bounded: when full, the oldest read is dropped.
 * A path read again moves to the end with its new time.
 *
 * @param lastSeen event time of the session's latest event that touched this state
 * @param reads    the reads, oldest first
 */
public record SessionReads(long lastSeen, List<SensitiveRead> reads) {
    private static final int VERSION = 1;
    private static final int MAX_PATH_CHARS = 512;

    public SessionReads {
        reads = List.copyOf(reads);
    }

    public static SessionReads empty() {
        return new SessionReads(Long.MIN_VALUE, List.of());
    }

    /** This state with {@code read} added (bounded to {@code max} reads). */
    public SessionReads with(SensitiveRead read, int max) {
        String p = read.path().length() > MAX_PATH_CHARS ? read.path().substring(0, MAX_PATH_CHARS) : read.path();
        List<SensitiveRead> r = new ArrayList<>(reads.size() + 1);
        for (SensitiveRead x : reads) {
            if (!x.path().equals(p)) {
                r.add(x);
            }
        }
        r.add(new SensitiveRead(Math.max(read.time(), timeOf(p)), p));
        while (r.size() > max) {
            r.remove(0);
        }
        return new SessionReads(Math.max(lastSeen, read.time()), r);
    }

    public SessionReads seenAt(long t) {
        return t > lastSeen ? new SessionReads(t, reads) : this;
    }

    private long timeOf(String path) {
        for (SensitiveRead x : reads) {
            if (x.path().equals(path)) {
                return x.time();
            }
        }
        return Long.MIN_VALUE;
    }

    /** Store serde. */
    public static Serde<SessionReads> serde() {
        Serializer<SessionReads> ser = (topic, s) -> {
            if (s == null) {
                return null;
            }
            StateBytes.Writer w = new StateBytes.Writer(16 + s.reads.size() * 64, VERSION).putLong(s.lastSeen)
                    .putInt(s.reads.size());
            for (SensitiveRead r : s.reads) {
                w.putLong(r.time()).putString(r.path());
            }
            return w.toByteArray();
        };
        Deserializer<SessionReads> de = (topic, b) -> {
            if (b == null) {
                return null;
            }
            StateBytes.Reader r = new StateBytes.Reader(b, "session reads", VERSION);
            long last = r.getLong();
            int n = r.getInt();
            List<SensitiveRead> reads = new ArrayList<>(Math.min(n, 1024));
            for (int i = 0; i < n; i++) {
                reads.add(new SensitiveRead(r.getLong(), r.getString()));
            }
            return new SessionReads(last, reads);
        };
        return Serdes.serdeFrom(ser, de);
    }
}
