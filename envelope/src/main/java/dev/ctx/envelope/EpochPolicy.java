package dev.ctx.envelope;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

import dev.ctx.envelope.error.InvalidInputException;

/**
 * When an epoch of an epoch sealer ends: after {@code maxSeals} seals or {@code maxAge}, whichever comes first, and
 * whenever it would need more than {@code maxContexts} recipient keys. Defaults: {@value #DEFAULT_MAX_SEALS} seals,
 * 60 s, {@value #DEFAULT_MAX_CONTEXTS} recipient keys. Immutable.
 *
 * @param nanoTime monotonic clock ({@link System#nanoTime()} in production; a test clock in tests)
 */
public record EpochPolicy(long maxSeals, Duration maxAge, int maxContexts, LongSupplier nanoTime) {

    /** Default number of seals (transactions) per epoch. */
    public static final long DEFAULT_MAX_SEALS = 100_000;
    /** Default age of an epoch. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(60);
    /** Default number of recipient keys (one HPKE context each) per epoch. */
    public static final int DEFAULT_MAX_CONTEXTS = 4096;

    public EpochPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(nanoTime, "nanoTime");
        if (maxSeals < 1 || maxContexts < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new InvalidInputException("epoch policy: max seals, max contexts and max age must be positive");
        }
    }

    /** The defaults on the system's monotonic clock. */
    public static EpochPolicy defaults() {
        return of(DEFAULT_MAX_SEALS, DEFAULT_MAX_AGE);
    }

    public static EpochPolicy of(long maxSeals, Duration maxAge) {
        return new EpochPolicy(maxSeals, maxAge, DEFAULT_MAX_CONTEXTS, System::nanoTime);
    }
}
