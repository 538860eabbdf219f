package dev.ctx.keyservice.grants;

import java.time.Instant;
import java.util.Objects;

/**
 * A grant as the book holds it: the grant, when it was given, and its revocation once there is one. The grant itself
 * never changes; revocation is terminal.
 *
 * @param grant the grant
 * @param grantedAt when it was created
 * @param revokedAt when it was revoked, or null
 * @param revokedBy who revoked it, or null
 */
public record GrantState(Grant grant, Instant grantedAt, Instant revokedAt, String revokedBy) {

    public GrantState {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(grantedAt, "grantedAt");
        if ((revokedAt == null) != (revokedBy == null)) {
            throw new IllegalArgumentException("revokedAt and revokedBy are set together");
        }
    }

    /** A grant just created. */
    public static GrantState active(Grant grant, Instant grantedAt) {
        return new GrantState(grant, grantedAt, null, null);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** This grant, revoked by {@code by} at {@code at}. */
    public GrantState revoked(String by, Instant at) {
        return new GrantState(grant, grantedAt, Objects.requireNonNull(at, "at"), Objects.requireNonNull(by, "by"));
    }

    public String grantId() {
        return grant.grantId();
    }
}
