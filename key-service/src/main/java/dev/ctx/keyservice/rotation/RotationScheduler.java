package dev.ctx.keyservice.rotation;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ctx.keyservice.audit.AuditContext;

/** Applies the {@link MaxAgeRotation} policy every {@code interval}, on one daemon thread. */
public final class RotationScheduler implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(RotationScheduler.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "key-rotation");
        thread.setDaemon(true);
        return thread;
    });

    private RotationScheduler() {}

    /** Starts checking after one interval, then every interval. */
    public static RotationScheduler start(MaxAgeRotation policy, Duration interval) {
        return start(policy, interval, () -> true);
    }

    /**
     * Like {@link #start(MaxAgeRotation, Duration)}, but each run is skipped unless {@code runsHere} (with several
     * replicas: only the leader rotates).
     */
    public static RotationScheduler start(MaxAgeRotation policy, Duration interval, BooleanSupplier runsHere) {
        RotationScheduler scheduler = new RotationScheduler();
        scheduler.executor.scheduleWithFixedDelay(
                () -> {
                    if (runsHere.getAsBoolean()) {
                        runOnce(policy);
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return scheduler;
    }

    static void runOnce(MaxAgeRotation policy) {
        try {
            int rotated = policy.run(AuditContext.system("rotation")).size();
            LOGGER.atInfo()
                    .addKeyValue("rotated", rotated)
                    .addKeyValue("maxAge", policy.maxAge())
                    .log("rotation policy applied");
        } catch (RuntimeException e) {
            LOGGER.atWarn()
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("rotation policy run failed; retrying next interval");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
