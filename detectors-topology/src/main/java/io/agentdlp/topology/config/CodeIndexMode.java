package io.agentdlp.topology.config;

import java.util.Locale;

/** Where the own-code index lives: whole on every instance, or sharded by fingerprint. */
public enum CodeIndexMode {
    /** Every instance materialises the whole index in a global store: no repartitioning, lowest latency. */
    GLOBAL,
    /** Each instance holds the shards of its partitions: probes are repartitioned by fingerprint and regrouped by event. */
    PARTITIONED;

    public static CodeIndexMode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("option code.index.mode='" + s + "' is not global or partitioned", e);
        }
    }
}
