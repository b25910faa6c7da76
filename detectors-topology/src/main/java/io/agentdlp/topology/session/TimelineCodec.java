package io.agentdlp.topology.session;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

import io.agentdlp.topology.StateBytes;

/**
 * Compact binary store serdes of the timeline ({@link StateBytes}): every event writes one entry and
 * reads and writes its session's head, so JSON there was the timeline's largest cost. Values written
 * as JSON by earlier versions (first byte {@code '{'}) are still read, so existing stores and
 * changelogs keep working; the HTTP API renders JSON from the records as before.
 */
final class TimelineCodec {
    private static final int VERSION = 1;

    private TimelineCodec() {
    }

    static Serde<TimelineHead> headSerde() {
        Deserializer<TimelineHead> json = JsonStoreSerde.of(TimelineHead.class, "timeline head").deserializer();
        return BinaryStoreSerde.of("timeline head", VERSION,
                h -> new StateBytes.Writer(33, VERSION).putLong(h.firstSeq()).putLong(h.nextSeq()).putLong(h.firstSeen())
                        .putLong(h.lastSeen()).toByteArray(),
                r -> new TimelineHead(r.getLong(), r.getLong(), r.getLong(), r.getLong()),
                b -> json.deserialize(null, b));
    }

    static Serde<TimelineEntry> entrySerde() {
        Deserializer<TimelineEntry> json = JsonStoreSerde.of(TimelineEntry.class, "timeline entry").deserializer();
        return BinaryStoreSerde.of("timeline entry", VERSION, TimelineCodec::encode, TimelineCodec::decode,
                b -> json.deserialize(null, b));
    }

    private static byte[] encode(TimelineEntry e) {
        StateBytes.Writer w = new StateBytes.Writer(256, VERSION).putLong(e.seq()).putString(e.eventId()).putLong(e.time())
                .putString(e.kind()).putString(e.source()).putString(e.tool()).putString(e.filePath());
        w.putStrings(e.destinations());
        w.putLong(e.contentBytes()).putBoolean(e.truncated()).putBoolean(e.duplicate())
                .putByte(e.destinationAllowed() == null ? -1 : e.destinationAllowed() ? 1 : 0);
        if (e.alerts() == null) {
            w.putInt(-1);
        } else {
            w.putInt(e.alerts().size());
            for (TimelineEntry.PlacedAlert a : e.alerts()) {
                w.putString(a.alertId()).putString(a.detector()).putString(a.rule()).putString(a.severity())
                        .putString(a.title());
                w.putStrings(a.previews());
            }
        }
        return w.toByteArray();
    }

    private static TimelineEntry decode(StateBytes.Reader r) {
        long seq = r.getLong();
        String eventId = r.getString();
        long time = r.getLong();
        String kind = r.getString();
        String source = r.getString();
        String tool = r.getString();
        String filePath = r.getString();
        List<String> destinations = r.getStrings();
        long contentBytes = r.getLong();
        boolean truncated = r.getBoolean();
        boolean duplicate = r.getBoolean();
        int allowed = r.getByte();
        int n = r.getInt();
        List<TimelineEntry.PlacedAlert> alerts = null;
        if (n >= 0) {
            alerts = new ArrayList<>(Math.min(n, 64));
            for (int i = 0; i < n; i++) {
                alerts.add(new TimelineEntry.PlacedAlert(r.getString(), r.getString(), r.getString(), r.getString(),
                        r.getString(), r.getStrings()));
            }
        }
        return new TimelineEntry(seq, eventId, time, kind, source, tool, filePath, destinations, contentBytes, truncated,
                duplicate, allowed < 0 ? null : allowed == 1, alerts);
    }
}
