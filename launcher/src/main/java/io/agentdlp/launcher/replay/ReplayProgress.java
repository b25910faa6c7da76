package io.agentdlp.launcher.replay;

import java.io.PrintWriter;

/**
 * A one-line progress indicator on stderr for long exports and imports, shown only when attached to
 * a terminal, first after a second, then at most four times a second; erased at the end.
 */
public final class ReplayProgress {
    private static final long FIRST_AFTER_NANOS = 1_000_000_000L;
    private static final long EVERY_NANOS = 250_000_000L;
    private final PrintWriter err;
    private final boolean enabled;
    private final String verb;
    private final long start = System.nanoTime();
    private long last;
    private boolean shown;

    public ReplayProgress(PrintWriter err, boolean enabled, String verb) {
        this.err = err;
        this.enabled = enabled;
        this.verb = verb;
    }

    /** {@code done} events handled so far out of {@code seen} read, {@code where} a short position. */
    public void update(long done, long seen, String where) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < FIRST_AFTER_NANOS || now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        shown = true;
        err.printf("\r\033[2K%s: %d event(s) (%d read) %s", verb, done, seen, where);
        err.flush();
    }

    public void done() {
        if (shown) {
            err.print("\r\033[2K");
            err.flush();
        }
    }
}
