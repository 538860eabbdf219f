package dev.ctx.keyservice.byok;

import java.time.Instant;
import java.util.Arrays;

import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.keyservice.registry.ParticipantId;

/**
 * A challenge waiting for its answer. The challenge bytes are secret until answered; {@link #destroy()} zeroes them
 * and {@link #toString()} never shows them.
 *
 * @param challengeId random id, in info and aad
 * @param participantId who registers the key
 * @param keyVersion the version the key will get
 * @param publicKey the submitted key
 * @param challenge the 32 random bytes sealed to it
 * @param expiresAt when the answer is no longer accepted
 */
record PendingChallenge(
        String challengeId,
        ParticipantId participantId,
        int keyVersion,
        X25519PublicKey publicKey,
        byte[] challenge,
        Instant expiresAt) {

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
