package dev.ctx.processor.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The sealer's meters, exposed on Prometheus as {@code ctx_audit_sealed_total{partition}},
 * {@code ctx_audit_duplicates_total{partition}}, {@code ctx_audit_sealer_lag_seconds{partition}},
 * {@code ctx_audit_checkpoints_total{partition}}, {@code ctx_audit_last_checkpoint_timestamp_seconds{partition}} and
 * {@code ctx_audit_checkpoint_failures_total{reason}} (the shared contract of docs/access-log-chain.md's readers).
 */
public final class MicrometerSealerMetrics implements SealerMetrics {

    public static final String SEALED = "ctx.audit.sealed";
    public static final String DUPLICATES = "ctx.audit.duplicates";
    public static final String DECODED = "ctx.audit.sealer.decoded";
    public static final String LAG = "ctx.audit.sealer.lag.seconds";
    public static final String CHECKPOINTS = "ctx.audit.checkpoints";
    public static final String LAST_CHECKPOINT = "ctx.audit.last.checkpoint.timestamp.seconds";
    public static final String CHECKPOINT_FAILURES = "ctx.audit.checkpoint.failures";

    private final MeterRegistry registry;
    private final Map<Integer, AtomicLong> lagMillis = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> lastCheckpointMillis = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> sealed = new ConcurrentHashMap<>();

    public MicrometerSealerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void sealed(int partition, double lagSeconds) {
        sealed.computeIfAbsent(partition, p -> counter(SEALED, p, "Access events chained into access-log"))
                .increment();
        gauge(lagMillis, LAG, partition, "Now minus the timestamp of the last sealed event")
                .set(Math.round(lagSeconds * 1000));
    }

    @Override
    public void duplicate(int partition) {
        counter(DUPLICATES, partition, "Access events whose id was already sealed, not chained again")
                .increment();
    }

    @Override
    public void decoded(int partition) {
        counter(DECODED, partition, "Access events decoded and encoded again: their producer's body was not canonical")
                .increment();
    }

    @Override
    public void checkpoint(int partition, double signedAtSeconds) {
        counter(CHECKPOINTS, partition, "Signed checkpoints written to access-log.checkpoints")
                .increment();
        gauge(lastCheckpointMillis, LAST_CHECKPOINT, partition, "signedAt of the last checkpoint written")
                .set(Math.round(signedAtSeconds * 1000));
    }

    @Override
    public void checkpointFailed(CheckpointFailure reason) {
        Counter.builder(CHECKPOINT_FAILURES)
                .tag("reason", reason.tag())
                .description("Checkpoints due and not written (retried later; never written unsigned)")
                .register(registry)
                .increment();
    }

    private Counter counter(String name, int partition, String description) {
        return Counter.builder(name)
                .tag("partition", Integer.toString(partition))
                .description(description)
                .register(registry);
    }

    private AtomicLong gauge(Map<Integer, AtomicLong> values, String name, int partition, String description) {
        return values.computeIfAbsent(partition, p -> {
            AtomicLong millis = new AtomicLong();
            Gauge.builder(name, millis, m -> m.get() / 1000.0)
                    .tag("partition", Integer.toString(p))
                    .description(description)
                    .register(registry);
            return millis;
        });
    }
}
