package dev.ctx.client.access;

import java.time.Instant;
import java.util.Objects;

/**
 * The key service's proof-of-possession challenge for a submitted public key: an HPKE base-mode seal (RFC 9180,
 * DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM) of a random 32-byte challenge to that key, with the
 * {@code info} and {@code aad} it was sealed with, and the key version the key becomes once proven. Immutable: every
 * byte accessor returns a copy.
 */
public final class KeyChallenge {

    private final String challengeId;
    private final int keyVersion;
    private final byte[] enc;
    private final byte[] ciphertext;
    private final byte[] info;
    private final byte[] aad;
    private final Instant expiresAt;

    /** Copies every array. */
    public KeyChallenge(
            String challengeId,
            int keyVersion,
            byte[] enc,
            byte[] ciphertext,
            byte[] info,
            byte[] aad,
            Instant expiresAt) {
        this.challengeId = Objects.requireNonNull(challengeId, "challengeId");
        this.keyVersion = keyVersion;
        this.enc = enc.clone();
        this.ciphertext = ciphertext.clone();
        this.info = info.clone();
        this.aad = aad.clone();
        this.expiresAt = expiresAt;
    }

    public String challengeId() {
        return challengeId;
    }

    public int keyVersion() {
        return keyVersion;
    }

    public byte[] enc() {
        return enc.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public byte[] info() {
        return info.clone();
    }

    public byte[] aad() {
        return aad.clone();
    }

    /** When the key service stops accepting an answer; null if it did not say. */
    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "KeyChallenge[id=" + challengeId + ", keyVersion=" + keyVersion + ", expiresAt=" + expiresAt + "]";
    }
}
