package io.agentdlp.launcher.scan;

import java.io.PrintWriter;

/**
 * A one-line progress indicator on stderr for long scans, shown only when attached to a terminal and only
 * once a scan has run for a second; it is erased when the scan ends.
 */
public final class ScanProgress {
    private static final long FIRST_AFTER_NANOS = 1_000_000_000L;
    private static final long EVERY_NANOS = 250_000_000L;
    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long last;
    private boolean shown;

    public ScanProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    public void update(long files, long total, long bytes) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < FIRST_AFTER_NANOS || now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        shown = true;
        err.printf("\rscanning: %d/%d files, %.1f MB", files, total, bytes / 1e6);
        err.flush();
    }

    public void done() {
        if (shown) {
            err.print("\r\033[2K");
            err.flush();
        }
    }
}
