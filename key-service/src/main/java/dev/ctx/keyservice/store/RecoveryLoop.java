package dev.ctx.keyservice.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a recovery attempt on one background thread until it reports success, waiting {@link #FIRST_DELAY} before the
 * first attempt and doubling the wait after each failure up to {@link #MAX_DELAY}. Starting it while it runs does
 * nothing.
 */
final class RecoveryLoop implements AutoCloseable {

    static final Duration FIRST_DELAY = Duration.ofMillis(200);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);

    private final ScheduledExecutorService executor;
    private final BooleanSupplier attempt;
    private boolean running;
    private boolean requested;

    /** @param attempt one recovery attempt: true when recovered or when retrying is pointless (a fatal error) */
    RecoveryLoop(String threadName, BooleanSupplier attempt) {
        this.attempt = attempt;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    synchronized void start() {
        requested = true;
        if (!running && !executor.isShutdown()) {
            running = true;
            schedule(FIRST_DELAY);
        }
    }

    private void schedule(Duration delay) {
        executor.schedule(() -> run(delay), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(Duration delay) {
        synchronized (this) {
            requested = false;
        }
        if (attempt.getAsBoolean()) {
            restartIfRequestedMeanwhile();
        } else if (!executor.isShutdown()) {
            Duration next = delay.multipliedBy(2);
            schedule(next.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : next);
        }
    }

    /** A new failure while the last attempt succeeded must not be lost. */
    private synchronized void restartIfRequestedMeanwhile() {
        if (requested && !executor.isShutdown()) {
            schedule(FIRST_DELAY);
        } else {
            running = false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
