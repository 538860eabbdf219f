package dev.ctx.keyservice.byok;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.ctx.envelope.HpkeChallenge;
import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.audit.DenialSink;
import dev.ctx.keyservice.participants.KeyLifecycle;
import dev.ctx.keyservice.participants.KeyVersion;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.schemas.access.AccessEventType;

/**
 * Registers a participant's own X25519 public key with a proof of possession: {@link #challenge} seals a random
 * challenge to the submitted key and records {@code KEY_POSSESSION_CHALLENGED}; {@link #prove} compares the answer in
 * constant time and, if it is the challenge, makes the key the participant's current version (participant-held,
 * {@code KEY_POSSESSION_PROVEN}). A wrong answer or an unknown/expired challenge is a denied
 * {@code KEY_POSSESSION_PROVEN} event with reason {@code PROOF_FAILED} / {@code CHALLENGE_EXPIRED}. Thread-safe.
 */
public final class ParticipantHeldKeys {

    private final KeyLifecycle keys;
    private final AccessEvents events;
    private final DenialSink denials;
    private final Clock clock;
    private final Duration ttl;
    private final PendingChallenges pending = new PendingChallenges();

    /** @param ttl how long a challenge can be answered ({@code byok.challenge.ttl}) */
    public ParticipantHeldKeys(KeyLifecycle keys, AccessEvents events, DenialSink denials, Clock clock, Duration ttl) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.events = Objects.requireNonNull(events, "events");
        this.denials = Objects.requireNonNull(denials, "denials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /**
     * Starts a proof of possession of {@code publicKey} for {@code id}'s next key version.
     *
     * @throws dev.ctx.envelope.error.InvalidInputException if the key is not 32 bytes or is a low-order point
     * @throws dev.ctx.keyservice.participants.NotFoundException if the participant does not exist
     * @throws dev.ctx.keyservice.participants.ConflictException for the escrow key or a revoked participant
     */
    public IssuedChallenge challenge(AuditContext context, ParticipantId id, byte[] publicKey) {
        X25519PublicKey key = X25519PublicKey.of(publicKey);
        PossessionChallengeSealer.requireSealable(key);
        String challengeId = UUID.randomUUID().toString();
        int version = keys.challengeParticipantHeldKey(context, id, challengeId);
        byte[] info = PossessionProtocol.info(id.value(), version, challengeId);
        byte[] aad = PossessionProtocol.aad(id.value(), version, challengeId);
        HpkeChallenge.Sealed sealed = PossessionChallengeSealer.seal(key, info, aad);
        byte[] challenge = sealed.exposeExpectedAnswerForVerifierStorage();
        Instant expiresAt = clock.instant().plus(ttl);
        pending.put(new PendingChallenge(challengeId, id, version, key, challenge, expiresAt), clock.instant());
        return new IssuedChallenge(challengeId, version, sealed.enc(), sealed.ciphertext(), info, aad, expiresAt);
    }

    /**
     * Accepts the opened challenge: the key becomes {@code id}'s current version {@code version}.
     *
     * @throws ChallengeExpiredException if no such challenge is pending (unknown, answered, superseded, expired)
     * @throws ProofFailedException if {@code answer} is not the challenge
     * @throws dev.ctx.keyservice.participants.ConflictException if another key version was added since the challenge
     */
    public KeyVersion prove(AuditContext context, ParticipantId id, int version, String challengeId, byte[] answer) {
        PendingChallenge challenge = pending.take(id, version, challengeId, clock.instant())
                .orElseThrow(() -> {
                    deny(context, id, version, challengeId, ChallengeExpiredException.REASON);
                    return new ChallengeExpiredException(id.value(), version);
                });
        boolean proven;
        try {
            proven = MessageDigest.isEqual(challenge.challenge(), answer);
        } finally {
            challenge.destroy();
            Arrays.fill(answer, (byte) 0);
        }
        if (!proven) {
            deny(context, id, version, challengeId, ProofFailedException.REASON);
            throw new ProofFailedException(id.value(), version);
        }
        return keys.addParticipantHeldKey(context, id, version, challenge.publicKey(), challengeId);
    }

    private void deny(AuditContext context, ParticipantId id, int version, String challengeId, String reason) {
        denials.submit(events.denied(
                AccessEventType.KEY_POSSESSION_PROVEN,
                "key:" + id + "/v" + version,
                context,
                reason,
                Map.of(
                        "participantId",
                        id.value(),
                        "keyVersion",
                        Integer.toString(version),
                        "challengeId",
                        challengeId)));
    }

    /** Challenges waiting for an answer (tests, metrics). */
    int pendingCount() {
        return pending.size();
    }
}
