package dev.ctx.cli.audit;

import java.io.PrintWriter;
import java.util.Locale;

import dev.ctx.client.auditlog.ProgressListener;

/** A progress line on stderr, rewritten at most once a second and only after the first second. */
final class ProgressReport implements ProgressListener {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private boolean printed;

    ProgressReport(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(long entries, long checkpoints) {
        long now = System.nanoTime();
        if (now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        printed = true;
        double seconds = (now - start) / 1e9;
        err.printf(
                Locale.ROOT,
                "\rverified %,d entries, %,d checkpoints read (%,.0f entries/s) ",
                entries,
                checkpoints,
                entries / seconds);
        err.flush();
    }

    /** Ends the line, if one was printed. */
    void done() {
        if (printed) {
            err.println();
            err.flush();
        }
    }
}
