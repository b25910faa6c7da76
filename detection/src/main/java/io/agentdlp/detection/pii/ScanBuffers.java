package io.agentdlp.detection.pii;

/**
 * One thread's arrays for the offsets a scan builds (digit-run bounds, identifier, IP and e-mail spans, phone windows),
 * handed to the next scan on the same thread: a new array per scan streamed ~1.5 bytes per scanned character
 * through the caches. They hold offsets and counts only, never characters of a text. An array above
 * {@link #KEPT_BYTES} (a text of ~256 K characters) is not kept, so one long text does not pin it for good.
 * One scan at a time per thread: the scanner is not reentrant.
 */
final class ScanBuffers {
    private static final int KEPT_BYTES = 1 << 18;
    private static final ThreadLocal<ScanBuffers> THREAD = ThreadLocal.withInitial(ScanBuffers::new);

    private byte[] runBounds = new byte[0];
    private int[] windows = new int[0];
    private int[] identifierSpans = new int[0];
    private int[] ipSpans = new int[0];
    private int[] emailSpans = new int[0];

    /** Buffers for one caller's own use (a scan's parts built alone, as tests do). */
    ScanBuffers() {
    }

    /** This thread's buffers. */
    static ScanBuffers ofThread() {
        return THREAD.get();
    }

    /** An array of at least {@code length} bytes for digit-run bounds; its contents are stale. */
    byte[] runBounds(int length) {
        return runBounds.length >= length ? runBounds : new byte[length];
    }

    /** Keeps {@code bounds} (possibly grown) for the next scan. */
    void keepRunBounds(byte[] bounds) {
        if (bounds.length <= KEPT_BYTES) {
            runBounds = bounds;
        }
    }

    /** An array of at least {@code length} ints for phone windows; its contents are stale. */
    int[] windows(int length) {
        return windows.length >= length ? windows : new int[length];
    }

    void keepWindows(int[] w) {
        windows = keptOr(w, windows);
    }

    /** The identifier spans' array as last kept (empty at first); its contents are stale. */
    int[] identifierSpans() {
        return identifierSpans;
    }

    void keepIdentifierSpans(int[] data) {
        identifierSpans = keptOr(data, identifierSpans);
    }

    /** The IP spans' array as last kept (empty at first); its contents are stale. */
    int[] ipSpans() {
        return ipSpans;
    }

    void keepIpSpans(int[] data) {
        ipSpans = keptOr(data, ipSpans);
    }

    /** The e-mail spans' array as last kept (empty at first); its contents are stale. */
    int[] emailSpans() {
        return emailSpans;
    }

    void keepEmailSpans(int[] data) {
        emailSpans = keptOr(data, emailSpans);
    }

    /** {@code data} when it is small enough to keep, else {@code current}. */
    private static int[] keptOr(int[] data, int[] current) {
        return data.length <= KEPT_BYTES / Integer.BYTES ? data : current;
    }
}
