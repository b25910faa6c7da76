package io.agentdlp.bench;

/**
 * The cold-cache modes' walk: what the topology's other stages do to a scanner's tables between two events, done
 * on purpose before a timed scan (docs/topology.md "Detect" gives the scans' cost against the walk's size).
 */
public final class CacheWalk {
    private CacheWalk() {
    }

    /**
     * Reads and writes one word per 64-byte cache line of {@code words}, so that as many bytes of other data leave
     * the caches; returns a sum the caller adds to its sink, so the JIT keeps the loop.
     */
    public static long over(long[] words) {
        long x = 0;
        for (int i = 0; i < words.length; i += 8) {
            x += words[i];
            words[i] = x;
        }
        return x;
    }
}
