package dev.ctx.processor.encrypt;

import java.time.Clock;
import java.util.Objects;

import dev.ctx.processor.config.EncryptionMode;
import dev.ctx.processor.dlq.DeadLetters;
import dev.ctx.processor.metrics.ProcessorMetrics;

/**
 * What the encryption step needs besides its input: the mode, the sealer, metrics, the dead-letter factory, the
 * writing component name (e.g. {@code processor/encrypt-1}) and a clock.
 */
public record EncryptionSettings(
        EncryptionMode mode,
        Sealer sealer,
        ProcessorMetrics metrics,
        DeadLetters deadLetters,
        String source,
        Clock clock) {

    public EncryptionSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(sealer, "sealer");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(clock, "clock");
    }
}
