package io.agentdlp.topology.code;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Shard arithmetic of the partitioned code index: a file lives in the shard its record key hashes
 * to (CRC32C, stable across JVMs and versions); the shard is the partition of the shard topics.
 */
public final class CodeShards {
    private CodeShards() {
    }

    /** The home shard of an index record key ({@code <repo>\0<path>}). */
    public static int home(String docKey, int shards) {
        CRC32C crc = new CRC32C();
        crc.update(docKey.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }

    /** Every shard but {@code except} ({@code -1}: every shard). */
    public static Set<Integer> allBut(int except, int shards) {
        Set<Integer> s = new HashSet<>();
        for (int i = 0; i < shards; i++) {
            if (i != except) {
                s.add(i);
            }
        }
        return s;
    }
}
