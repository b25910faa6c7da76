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
 * One shard's matches for a probe, on the way back to the regrouping step.
 *
 * @param probe   the probe, without fingerprints
 * @param shard   the answering shard
 * @param shards  shards that answer each probe
 * @param matches the shard's matches (its own files only)
 */
public record ShardAnswer(CodeProbe probe, int shard, int shards, List<CodeMatch> matches) {
    private static final int VERSION = 1;

    public ShardAnswer {
        matches = List.copyOf(matches);
    }

    static void writeMatches(StateBytes.Writer w, List<CodeMatch> matches) {
        w.putInt(matches.size());
        for (CodeMatch m : matches) {
            w.putString(m.repo()).putString(m.sourcePath()).putInt(m.sourceStartLine()).putInt(m.sourceEndLine())
                    .putInt(m.probeStartLine()).putInt(m.probeEndLine()).putDouble(m.similarity())
                    .putInt(m.matchedFingerprints()).putBoolean(m.contiguous());
        }
    }

    static List<CodeMatch> readMatches(StateBytes.Reader r) {
        int n = r.getInt();
        List<CodeMatch> out = new ArrayList<>(Math.min(Math.max(n, 0), 1024));
        for (int i = 0; i < n; i++) {
            out.add(new CodeMatch(r.getString(), r.getString(), r.getInt(), r.getInt(), r.getInt(), r.getInt(),
                    r.getDouble(), r.getInt(), r.getBoolean()));
        }
        return out;
    }

    public static Serde<ShardAnswer> serde() {
        Serializer<ShardAnswer> ser = (topic, a) -> {
            if (a == null) {
                return null;
            }
            StateBytes.Writer w = new StateBytes.Writer(512, VERSION);
            a.probe.write(w);
            w.putInt(a.shard).putInt(a.shards);
            writeMatches(w, a.matches);
            return w.toByteArray();
        };
        Deserializer<ShardAnswer> de = (topic, b) -> {
            if (b == null) {
                return null;
            }
            StateBytes.Reader r = new StateBytes.Reader(b, "shard answer", VERSION);
            CodeProbe p = CodeProbe.read(r);
            int shard = r.getInt();
            int shards = r.getInt();
            return new ShardAnswer(p, shard, shards, readMatches(r));
        };
        return Serdes.serdeFrom(ser, de);
    }
}
