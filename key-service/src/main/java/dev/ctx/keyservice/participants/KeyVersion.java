package dev.ctx.keyservice.participants;

import java.time.Instant;
import java.util.Objects;

import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.schemas.keys.KeyStatus;

/**
 * One public key version of a participant. Immutable.
 *
 * @param version 1, 2, ... never reused
 * @param publicKey the X25519 public key
 * @param createdAt when it was generated
 * @param status ACTIVE (usable), RETIRED (no envelope uses it), REVOKED, DESTROYED (private key gone)
 */
public record KeyVersion(int version, X25519PublicKey publicKey, Instant createdAt, KeyStatus status) {

    public KeyVersion {
        if (version < 1) {
            throw new IllegalArgumentException("key version must be >= 1");
        }
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
    }

    /** Whether its private key may be opened: in use for unwrapping, or kept for envelopes archived before a rewrap. */
    public boolean isOpenable() {
        return status == KeyStatus.ACTIVE || status == KeyStatus.RETIRED;
    }

    public KeyVersion withStatus(KeyStatus newStatus) {
        return new KeyVersion(version, publicKey, createdAt, newStatus);
    }
}
