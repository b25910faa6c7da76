package io.agentdlp.detection.text;

/**
 * Char buffers for the renderings of one scan, handed out in order and taken back all at once when the
 * scan ends, so that the next scan on the same thread decodes into the same arrays instead of allocating
 * (and zeroing) new ones of the input's size. Not thread-safe: one instance per thread. A rendering built
 * from these buffers is valid only until {@link #releaseAll()}; nothing that outlives the scan may keep it.
 *
 * <p>At most {@value #SLOTS} buffers of at most {@value #MAX_POOLED_CHARS} chars are kept (a thread keeps at
 * most 12 MB); larger or further requests get a new array that is not kept.
 */
public final class RenderingBuffers {
    static final int SLOTS = 12;
    static final int MAX_POOLED_CHARS = 1 << 19;
    private static final RenderingBuffers UNPOOLED = new RenderingBuffers(false);

    private final boolean pooled;
    private final char[][] slots = new char[SLOTS][];
    private int used;
    private char[] scratch;
    private OnePassNormalizer normalizer;

    private RenderingBuffers(boolean pooled) {
        this.pooled = pooled;
    }

    /** Buffers reused from scan to scan; call {@link #releaseAll()} when the scan's renderings are done with. */
    public static RenderingBuffers reused() {
        return new RenderingBuffers(true);
    }

    /** A new array for every request: for renderings that may be kept (thread-safe, shared). */
    public static RenderingBuffers unpooled() {
        return UNPOOLED;
    }

    /** A buffer of at least {@code capacity} chars that no other rendering of this scan uses. */
    char[] take(int capacity) {
        if (!pooled || capacity > MAX_POOLED_CHARS || used == SLOTS) {
            return new char[capacity];
        }
        char[] b = slots[used];
        if (b == null || b.length < capacity) {
            // grown in steps, so that a slot asked for a little more next time need not be replaced again
            b = new char[Math.min(MAX_POOLED_CHARS, Math.max(capacity, Math.max(64, capacity + (capacity >> 1))))];
            slots[used] = b;
        }
        used++;
        return b;
    }

    /**
     * A buffer of at least {@code capacity} chars for a decoder's trial output, valid until the next call; it
     * is never one of the renderings' buffers. Unpooled instances hand out a new array every time.
     */
    char[] scratch(int capacity) {
        if (!pooled || capacity > MAX_POOLED_CHARS) {
            return new char[capacity];
        }
        if (scratch == null || scratch.length < capacity) {
            scratch = new char[Math.min(MAX_POOLED_CHARS, Math.max(capacity, Math.max(64, capacity + (capacity >> 1))))];
        }
        return scratch;
    }

    /**
     * The normaliser, whose line buffers a pooled instance keeps from text to text (a text is normalised before
     * the next one starts); unpooled instances hand out a new one every time.
     */
    OnePassNormalizer normalizer() {
        if (!pooled) {
            return new OnePassNormalizer();
        }
        if (normalizer == null) {
            normalizer = new OnePassNormalizer();
        }
        return normalizer;
    }

    /** Ends the scan: every buffer handed out may be handed out again. */
    public void releaseAll() {
        used = 0;
    }
}
