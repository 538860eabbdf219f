package dev.ctx.keyservice.escrow;

import java.time.Duration;
import java.util.Objects;

/**
 * @param maxOpens how many times an approved request may be opened ({@code escrow.max.opens}, default 1)
 * @param maxDuration the longest a request may live from filing to expiry ({@code escrow.max.duration})
 * @param commitTimeout how long a refusal waits for its {@code ESCROW_DENIED} event to commit
 */
public record EscrowSettings(int maxOpens, Duration maxDuration, Duration commitTimeout) {

    public EscrowSettings {
        if (maxOpens < 1) {
            throw new IllegalArgumentException("maxOpens must be at least 1");
        }
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(commitTimeout, "commitTimeout");
    }
}
