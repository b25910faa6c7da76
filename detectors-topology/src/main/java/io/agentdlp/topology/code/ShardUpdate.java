package io.agentdlp.topology.code;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;

import io.agentdlp.avro.CodeIndexRecord;
import io.agentdlp.serde.AvroClassTrust;
import io.agentdlp.topology.StateBytes;

/**
 * One index record on its way to the shards that must apply it (partitioned mode): an upsert goes to
 * the file's home shard, and a removal of the same file to every other shard (so a file that changed
 * shard or stopped being ignore-corpus leaves no copy behind); an ignore-corpus file (boilerplate that
 * suppresses evidence everywhere) and a tombstone go to every shard.
 *
 * @param targets  shards that apply this update
 * @param document the file's record in Avro single-object encoding, or null to remove the file
 */
public record ShardUpdate(Set<Integer> targets, byte[] document) {
    private static final int VERSION = 1;

    public ShardUpdate {
        targets = Set.copyOf(targets);
    }

    /** The updates one {@code dlp-code-index} record fans out into. */
    public static List<KeyValue<String, ShardUpdate>> split(String docKey, CodeIndexRecord record, int shards) {
        List<KeyValue<String, ShardUpdate>> out = new ArrayList<>(2);
        if (record == null) {
            out.add(KeyValue.pair(docKey, new ShardUpdate(CodeShards.allBut(-1, shards), null)));
            return out;
        }
        byte[] bytes = encode(record);
        if (record.getIgnoreCorpus()) {
            out.add(KeyValue.pair(docKey, new ShardUpdate(CodeShards.allBut(-1, shards), bytes)));
            return out;
        }
        int home = CodeShards.home(docKey, shards);
        // Removals first: where all updates meet one store (a test driver), the upsert is applied last.
        if (shards > 1) {
            out.add(KeyValue.pair(docKey, new ShardUpdate(CodeShards.allBut(home, shards), null)));
        }
        out.add(KeyValue.pair(docKey, new ShardUpdate(Set.of(home), bytes)));
        return out;
    }

    static byte[] encode(CodeIndexRecord r) {
        AvroClassTrust.trustGenerated();
        try {
            ByteBuffer b = CodeIndexRecord.getEncoder().encode(r);
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (IOException e) {
            throw new SerializationException("cannot encode code index record", e);
        }
    }

    static CodeIndexRecord decode(byte[] b) {
        AvroClassTrust.trustGenerated();
        try {
            return CodeIndexRecord.getDecoder().decode(b);
        } catch (IOException e) {
            throw new SerializationException("cannot decode code index record", e);
        }
    }

    public static Serde<ShardUpdate> serde() {
        Serializer<ShardUpdate> ser = (topic, u) -> {
            if (u == null) {
                return null;
            }
            StateBytes.Writer w = new StateBytes.Writer(32 + (u.document == null ? 0 : u.document.length), VERSION)
                    .putInt(u.targets.size());
            new TreeSet<>(u.targets).forEach(w::putInt);
            w.putBoolean(u.document != null);
            if (u.document != null) {
                w.putBytes(u.document);
            }
            return w.toByteArray();
        };
        Deserializer<ShardUpdate> de = (topic, b) -> {
            if (b == null) {
                return null;
            }
            StateBytes.Reader r = new StateBytes.Reader(b, "shard update", VERSION);
            int n = r.getInt();
            Set<Integer> t = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                t.add(r.getInt());
            }
            return new ShardUpdate(t, r.getBoolean() ? r.getBytes() : null);
        };
        return Serdes.serdeFrom(ser, de);
    }
}
