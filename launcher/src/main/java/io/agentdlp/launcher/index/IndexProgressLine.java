package io.agentdlp.launcher.index;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import io.agentdlp.detection.fingerprint.sourcetree.IndexListener;

/**
 * Progress of {@code agentdlp index} on one terminal line, redrawn at most every 200 ms: files and
 * megabytes done out of the totals, throughput and the estimated time left.
 */
public final class IndexProgressLine implements IndexListener {
    private static final long REDRAW_NANOS = 200_000_000L;
    private final PrintWriter err;
    private final String repo;
    private final LongSupplier clock;
    private final long started;
    private long lastDraw;
    private int lastWidth;

    public IndexProgressLine(PrintWriter err, String repo, LongSupplier nanoClock) {
        this.err = err;
        this.repo = repo;
        this.clock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastDraw = started - REDRAW_NANOS;
    }

    @Override
    public void progress(long filesDone, long filesTotal, long bytesDone, long bytesTotal) {
        long now = clock.getAsLong();
        if (now - lastDraw < REDRAW_NANOS && filesDone < filesTotal) {
            return;
        }
        lastDraw = now;
        String line = render(filesDone, filesTotal, bytesDone, bytesTotal, (now - started) / 1e9);
        err.print('\r' + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        lastWidth = line.length();
        err.flush();
    }

    /** Ends the progress line. */
    public void done() {
        if (lastWidth > 0) {
            err.println();
            err.flush();
        }
    }

    String render(long filesDone, long filesTotal, long bytesDone, long bytesTotal, double seconds) {
        double rate = seconds > 0 ? bytesDone / 1e6 / seconds : 0;
        String eta;
        if (bytesDone == 0 || rate == 0) {
            eta = "--:--";
        } else {
            long left = Math.round((bytesTotal - bytesDone) / 1e6 / rate);
            eta = String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60);
        }
        return String.format(Locale.ROOT, "indexing %s: %d/%d files, %.1f/%.1f MB, %.1f MB/s, ETA %s", repo, filesDone,
                filesTotal, bytesDone / 1e6, bytesTotal / 1e6, rate, eta);
    }
}
