package dev.ctx.processor.audit;

import java.time.Duration;
import java.util.Objects;

import dev.ctx.processor.dlq.DeadLetters;

/**
 * How the sealer runs.
 *
 * @param signer gets checkpoints signed by the key service
 * @param checkpointEvents a checkpoint is due once this many entries were chained since the last one
 * @param checkpointInterval a checkpoint is due this long (wall clock) after the last one if any entry is pending
 * @param retryBackoff after a failed checkpoint, no new attempt of the task for this long (chaining goes on)
 * @param dedupWindow how many of the last sealed event ids of a partition are remembered
 * @param metrics the sealer's meters
 * @param deadLetters builds the dead letters of unsealable events
 */
public record SealerSettings(
        CheckpointSigner signer,
        long checkpointEvents,
        Duration checkpointInterval,
        Duration retryBackoff,
        long dedupWindow,
        SealerMetrics metrics,
        DeadLetters deadLetters) {

    public SealerSettings {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(deadLetters, "deadLetters");
        if (checkpointEvents < 1 || dedupWindow < 1) {
            throw new IllegalArgumentException("checkpointEvents and dedupWindow must be positive");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpointInterval must be positive");
        }
    }

    /** How often the wall-clock punctuator looks for a due checkpoint: a tenth of the interval, 100 ms to 1 s. */
    Duration punctuation() {
        long tenth = checkpointInterval.toMillis() / 10;
        return Duration.ofMillis(Math.max(100, Math.min(1_000, tenth)));
    }
}
