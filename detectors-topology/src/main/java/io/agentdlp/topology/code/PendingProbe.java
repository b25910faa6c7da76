package io.agentdlp.topology.code;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import io.agentdlp.detection.fingerprint.CodeMatch;
import io.agentdlp.topology.StateBytes;

/**
 * The regrouping state of one probe: which shards answered (a bit per shard, so a repeated answer
 * after a retry is not counted twice), the matches so far, and when the first answer arrived.
 *
 * @param probe     the probe, without fingerprints
 * @param answered  bit {@code i} set when shard {@code i} answered
 * @param matches   matches collected so far
 * @param firstSeen wall-clock time of the first answer
 */
public record PendingProbe(CodeProbe probe, long answered, List<CodeMatch> matches, long firstSeen) {
    private static final int VERSION = 1;

    public PendingProbe {
        matches = List.copyOf(matches);
    }

    PendingProbe with(ShardAnswer a) {
        long bit = 1L << a.shard();
        if ((answered & bit) != 0) {
            return this;
        }
        List<CodeMatch> m = new ArrayList<>(matches);
        m.addAll(a.matches());
        return new PendingProbe(probe, answered | bit, m, firstSeen);
    }

    boolean complete(int shards) {
        return Long.bitCount(answered) >= shards;
    }

    public static Serde<PendingProbe> serde() {
        Serializer<PendingProbe> ser = (topic, p) -> {
            if (p == null) {
                return null;
            }
            StateBytes.Writer w = new StateBytes.Writer(512, VERSION);
            p.probe.write(w);
            w.putLong(p.answered).putLong(p.firstSeen);
            ShardAnswer.writeMatches(w, p.matches);
            return w.toByteArray();
        };
        Deserializer<PendingProbe> de = (topic, b) -> {
            if (b == null) {
                return null;
            }
            StateBytes.Reader r = new StateBytes.Reader(b, "pending probe", VERSION);
            CodeProbe probe = CodeProbe.read(r);
            long answered = r.getLong();
            long first = r.getLong();
            return new PendingProbe(probe, answered, ShardAnswer.readMatches(r), first);
        };
        return Serdes.serdeFrom(ser, de);
    }
}
