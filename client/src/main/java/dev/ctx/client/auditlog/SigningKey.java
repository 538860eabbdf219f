package dev.ctx.client.auditlog;

import java.util.Objects;

/**
 * One published audit signing key, as {@code GET /v1/audit/signing-keys} lists it: {@code publicKey} is the base64 of
 * the raw 32-byte Ed25519 public key; {@code status} {@code CURRENT} or {@code RETIRED} (both verify the checkpoints
 * they signed); {@code createdAt} ISO-8601.
 */
public record SigningKey(String keyId, String algorithm, String publicKey, String status, String createdAt) {

    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
