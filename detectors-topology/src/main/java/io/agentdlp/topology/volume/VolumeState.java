package io.agentdlp.topology.volume;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import io.agentdlp.topology.StateBytes;

/**
 * One entity's volume state: baselines of bytes and events per closed window, and the windows
 * still open (inside the grace period), oldest first.
 *
 * @param lastSeen latest event time seen
 * @param bytes    baseline of bytes per window
 * @param events   baseline of events per window
 * @param open     open windows
 */
public record VolumeState(long lastSeen, Baseline bytes, Baseline events, List<WindowCount> open) {
    private static final int VERSION = 1;

    /**
     * Totals of one window.
     *
     * @param start         window start (epoch ms)
     * @param bytes         bytes in the window
     * @param events        events in the window
     * @param bytesAlerted  a bytes alert was raised for this window
     * @param eventsAlerted an events alert was raised for this window
     */
    public record WindowCount(long start, long bytes, long events, boolean bytesAlerted, boolean eventsAlerted) {
        WindowCount plus(long b) {
            return new WindowCount(start, bytes + b, events + 1, bytesAlerted, eventsAlerted);
        }
    }

    public VolumeState {
        open = List.copyOf(open);
    }

    public static VolumeState empty() {
        return new VolumeState(Long.MIN_VALUE, Baseline.EMPTY, Baseline.EMPTY, List.of());
    }

    public static Serde<VolumeState> serde() {
        Serializer<VolumeState> ser = (topic, s) -> {
            if (s == null) {
                return null;
            }
            StateBytes.Writer w = new StateBytes.Writer(96 + 26 * s.open.size(), VERSION).putLong(s.lastSeen);
            for (Baseline b : List.of(s.bytes, s.events)) {
                w.putInt(b.windows()).putDouble(b.mean()).putDouble(b.var());
            }
            w.putInt(s.open.size());
            for (WindowCount c : s.open) {
                w.putLong(c.start).putLong(c.bytes).putLong(c.events).putBoolean(c.bytesAlerted).putBoolean(c.eventsAlerted);
            }
            return w.toByteArray();
        };
        Deserializer<VolumeState> de = (topic, data) -> {
            if (data == null) {
                return null;
            }
            StateBytes.Reader r = new StateBytes.Reader(data, "volume state", VERSION);
            long last = r.getLong();
            Baseline b = new Baseline(r.getInt(), r.getDouble(), r.getDouble());
            Baseline e = new Baseline(r.getInt(), r.getDouble(), r.getDouble());
            int n = r.getInt();
            List<WindowCount> open = new ArrayList<>(Math.min(n, 64));
            for (int i = 0; i < n; i++) {
                open.add(new WindowCount(r.getLong(), r.getLong(), r.getLong(), r.getBoolean(), r.getBoolean()));
            }
            return new VolumeState(last, b, e, open);
        };
        return Serdes.serdeFrom(ser, de);
    }
}
