package dev.ctx.schemas.schemaregistry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retry with exponential backoff and jitter, for connection failures and 5xx answers only.
 *
 * @param maxAttempts total attempts including the first, >= 1
 * @param initialBackoff wait after the first failure
 * @param maxBackoff cap on any single wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Validates the components. */
    public RetryPolicy {
        if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry needs maxAttempts >= 1 and 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** Returns how long to wait after failed attempt number {@code attempt} (1-based): half fixed, half random. */
    public Duration backoffAfter(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
