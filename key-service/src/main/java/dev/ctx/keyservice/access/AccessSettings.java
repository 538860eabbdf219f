package dev.ctx.keyservice.access;

import java.time.Duration;
import java.util.Objects;

/**
 * How access requests are decided and audited.
 *
 * @param levels purpose to releasable fields ({@code access.levels})
 * @param requireMfa whether a request needs step-up authentication ({@code access.require.mfa})
 * @param commitTimeout how long a request waits for its access event to commit before 503
 */
public record AccessSettings(AccessLevels levels, boolean requireMfa, Duration commitTimeout) {

    public AccessSettings {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(commitTimeout, "commitTimeout");
    }
}
