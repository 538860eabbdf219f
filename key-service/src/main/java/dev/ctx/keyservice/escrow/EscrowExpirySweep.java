package dev.ctx.keyservice.escrow;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Marks escrow requests past their expiry EXPIRED ({@link EscrowService#expireDue}) every interval, on one daemon. */
public final class EscrowExpirySweep implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(EscrowExpirySweep.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "escrow-expiry");
        thread.setDaemon(true);
        return thread;
    });

    private EscrowExpirySweep() {}

    /** Sweeps after one interval, then every interval, skipping each sweep unless {@code runsHere} (the leader). */
    public static EscrowExpirySweep start(EscrowService escrow, Duration interval, BooleanSupplier runsHere) {
        EscrowExpirySweep sweep = new EscrowExpirySweep();
        sweep.executor.scheduleWithFixedDelay(
                () -> {
                    if (runsHere.getAsBoolean()) {
                        runOnce(escrow);
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return sweep;
    }

    private static void runOnce(EscrowService escrow) {
        try {
            int expired = escrow.expireDue();
            if (expired > 0) {
                LOGGER.atInfo().addKeyValue("expired", expired).log("escrow requests expired");
            }
        } catch (RuntimeException e) {
            LOGGER.atWarn()
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("escrow expiry sweep failed; retrying next interval");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
