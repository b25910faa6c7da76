package io.agentdlp.detection.text;

/**
 * Where the last original offset looked up through it lay in a rendering's offset runs, so that a lookup near the
 * previous one (a scanner's candidates come nearly in text order) searches outwards from there instead of over
 * all the runs of a long rendering, whose middle levels are cold. The offsets are those of
 * {@link DecodedText#originalOffset(int)}. Mutable: one per thread.
 */
public final class OffsetCursor {
    private OffsetRuns runs;
    private int run;

    /**
     * Offset in {@code text}'s original of the source of decoded char {@code index} (0..length inclusive), as
     * {@link DecodedText#originalOffset(int)}.
     */
    public int originalOffset(DecodedText text, int index) {
        OffsetRuns r = text.offsetRuns();
        if (r == null || index >= text.length()) {
            return text.originalOffset(index);
        }
        if (r != runs) {
            runs = r;
            run = 0;
        }
        run = r.runNear(index, run);
        return r.offsetIn(run, index);
    }

    /** Drops the rendering looked up last, so that it can be collected. */
    public void clear() {
        runs = null;
        run = 0;
    }
}
