package io.agentdlp.detection.fingerprint;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fingerprint shapes of the {@link BoilerplateCorpus}, for one {@link FingerprintConfig}: every code
 * k-gram of the corpus, not only the winnowed ones, because a probe's winnowing may select any k-gram of
 * a generated method it contains. A query treats a probe fingerprint with one of these shapes like one
 * of the user's ignore corpus: neither evidence nor gap. Built once per configuration and JVM (about
 * 1 MB of generated text to fingerprint, under a second in a cold JVM; an open-addressing table of
 * 8 bytes per slot, about 17,000 shapes in 512 KB with the default k), then shared by every index.
 */
final class BoilerplateShapes {
    /** Suppresses nothing: the built-in ignore corpus turned off. */
    static final BoilerplateShapes NONE = new BoilerplateShapes(new long[2], 0);

    private static final Map<FingerprintConfig, BoilerplateShapes> BY_CONFIG = new ConcurrentHashMap<>();
    /** Marks an empty slot; a shape is 56 bits, so it never takes this value. */
    private static final long EMPTY = -1L;

    private final long[] slots;
    private final int mask;
    private final int size;

    private BoilerplateShapes(long[] slots, int size) {
        this.slots = slots;
        this.mask = slots.length - 1;
        this.size = size;
        if (size == 0) {
            Arrays.fill(slots, EMPTY);
        }
    }

    /** The shapes of the built-in corpus under {@code config}. */
    static BoilerplateShapes forConfig(FingerprintConfig config) {
        return BY_CONFIG.computeIfAbsent(config, BoilerplateShapes::build);
    }

    private static BoilerplateShapes build(FingerprintConfig config) {
        Fingerprinter everyKgram = new Fingerprinter(new FingerprintConfig(config.k(), 1, config.minStructural()));
        long[] shapes = new long[1 << 12];
        int n = 0;
        for (String text : BoilerplateCorpus.texts()) {
            Fingerprints f = everyKgram.fingerprint(text);
            if (n + f.size() > shapes.length) {
                shapes = Arrays.copyOf(shapes, Math.max(shapes.length * 2, n + f.size()));
            }
            for (int i = 0; i < f.size(); i++) {
                shapes[n++] = Fingerprints.shapeOf(f.hash(i));
            }
        }
        Arrays.sort(shapes, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || shapes[i] != shapes[i - 1]) {
                shapes[distinct++] = shapes[i];
            }
        }
        // at most half full, so a miss ends after about two slots
        int capacity = Integer.highestOneBit(Math.max(8, distinct) * 2 - 1) << 1;
        long[] slots = new long[capacity];
        Arrays.fill(slots, EMPTY);
        int mask = capacity - 1;
        for (int i = 0; i < distinct; i++) {
            int slot = slotOf(shapes[i], mask);
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = shapes[i];
        }
        return new BoilerplateShapes(slots, distinct);
    }

    private static int slotOf(long shape, int mask) {
        return (int) Fingerprinter.mix(shape) & mask;
    }

    /** Whether {@code shape} ({@link Fingerprints#shapeOf}) is a k-gram of generated boilerplate. */
    boolean contains(long shape) {
        if (size == 0) {
            return false;
        }
        int slot = slotOf(shape, mask);
        long s;
        while ((s = slots[slot]) != EMPTY) {
            if (s == shape) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    /** Distinct shapes held. */
    int size() {
        return size;
    }
}
