package io.agentdlp.topology.session;

import org.apache.kafka.common.serialization.Serde;

/**
 * Bookkeeping of one session's timeline: entries {@code firstSeq .. nextSeq-1} are stored (older
 * ones were dropped to respect the bound), and when the session was first and last active.
 *
 * @param firstSeq  oldest stored entry
 * @param nextSeq   sequence number of the next event (= events recorded so far)
 * @param firstSeen event time of the first event (epoch ms)
 * @param lastSeen  latest event time (epoch ms)
 */
public record TimelineHead(long firstSeq, long nextSeq, long firstSeen, long lastSeen) {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static TimelineHead start(long time) {
        return new TimelineHead(0, 0, time, time);
    }

    /** This head after appending one event at {@code time}, keeping at most {@code maxEntries}. */
    TimelineHead append(long time, int maxEntries) {
        long next = nextSeq + 1;
        return new TimelineHead(Math.max(firstSeq, next - maxEntries), next, Math.min(firstSeen, time),
                Math.max(lastSeen, time));
    }

    /** Store key of entry {@code seq} of a session: the session key, a NUL, 16 hex digits (sorts by seq). */
    static String entryKey(String sessionKey, long seq) {
        int n = sessionKey.length();
        char[] k = new char[n + 17];
        sessionKey.getChars(0, n, k, 0);
        k[n] = '\0';
        for (int i = 0; i < 16; i++) {
            k[n + 1 + i] = HEX[(int) (seq >>> (60 - 4 * i)) & 0xf];
        }
        return new String(k);
    }

    /** Store serde (compact binary; reads JSON written by earlier versions). */
    public static Serde<TimelineHead> serde() {
        return TimelineCodec.headSerde();
    }
}
