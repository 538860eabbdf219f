package dev.ctx.keyservice.byok;

import java.time.Instant;
import java.util.Arrays;

import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.keyservice.participants.ParticipantId;

/**
 * A challenge waiting for its answer. The challenge bytes are secret until answered; {@link #destroy()} zeroes them
 * and {@link #toString()} never shows them.
 *
 * <p>{@code challengeId}: random id, in info and aad
 * <p>{@code participantId}: who registers the key
 * <p>{@code keyVersion}: the version the key will get
 * <p>{@code publicKey}: the submitted key
 * <p>{@code challenge}: the 32 random bytes sealed to it
 * <p>{@code expiresAt}: when the answer is no longer accepted
 */
final class PendingChallenge {

    private final String challengeId;
    private final ParticipantId participantId;
    private final int keyVersion;
    private final X25519PublicKey publicKey;
    private final byte[] challenge;
    private final Instant expiresAt;

    PendingChallenge(
            String challengeId,
            ParticipantId participantId,
            int keyVersion,
            X25519PublicKey publicKey,
            byte[] challenge,
            Instant expiresAt) {
        this.challengeId = challengeId;
        this.participantId = participantId;
        this.keyVersion = keyVersion;
        this.publicKey = publicKey;
        this.challenge = challenge;
        this.expiresAt = expiresAt;
    }

    String challengeId() {
        return challengeId;
    }

    ParticipantId participantId() {
        return participantId;
    }

    int keyVersion() {
        return keyVersion;
    }

    X25519PublicKey publicKey() {
        return publicKey;
    }

    byte[] challenge() {
        return challenge;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean matches(ParticipantId id, int version, String otherChallengeId) {
        return participantId.equals(id) && keyVersion == version && challengeId.equals(otherChallengeId);
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void destroy() {
        Arrays.fill(challenge, (byte) 0);
    }

    @Override
    public String toString() {
        return "PendingChallenge[" + challengeId + ", " + participantId + " v" + keyVersion + ", <redacted>]";
    }
}
