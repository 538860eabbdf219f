package dev.ctx.keyservice.rotation;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.registry.KeyLifecycle;

/** Rotates every key older than the max age, every {@code interval}, on one daemon thread. */
public final class RotationScheduler implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(RotationScheduler.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "key-rotation");
        thread.setDaemon(true);
        return thread;
    });

    private RotationScheduler() {
    }

    /** Starts checking after one interval, then every interval. */
    public static RotationScheduler start(KeyLifecycle keys, Duration maxAge, Duration interval) {
        RotationScheduler scheduler = new RotationScheduler();
        scheduler.executor.scheduleWithFixedDelay(() -> runOnce(keys, maxAge), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return scheduler;
    }

    static void runOnce(KeyLifecycle keys, Duration maxAge) {
        try {
            int rotated = keys.rotateOlderThan(AuditContext.system("rotation"), maxAge).size();
            LOGGER.atInfo().addKeyValue("rotated", rotated).addKeyValue("maxAge", maxAge).log("rotation policy applied");
        } catch (RuntimeException e) {
            LOGGER.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("rotation policy run failed; retrying next interval");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
