package dev.ctx.keyservice.byok;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.ctx.keyservice.participants.ParticipantId;

/**
 * The challenges waiting for an answer, in memory: at most one per participant (a new one replaces the previous), so
 * memory is bounded by the number of participants; lost on restart and not shared between replicas (the participant
 * starts again). Single use: an answer, right or wrong, ends its challenge. Thread-safe.
 */
final class PendingChallenges {

    private final Map<ParticipantId, PendingChallenge> pending = new HashMap<>();

    /** Stores {@code challenge}, replacing (and destroying) the participant's previous one; drops expired ones. */
    synchronized void put(PendingChallenge challenge, Instant now) {
        pending.values().removeIf(p -> {
            boolean expired = p.isExpiredAt(now);
            if (expired) {
                p.destroy();
            }
            return expired;
        });
        PendingChallenge previous = pending.put(challenge.participantId(), challenge);
        if (previous != null) {
            previous.destroy();
        }
    }

    /**
     * Removes and returns the matching challenge if it has not expired; empty for an unknown, superseded or expired
     * one. A challenge of the participant that does not match (another id or version) stays.
     */
    synchronized Optional<PendingChallenge> take(ParticipantId id, int version, String challengeId, Instant now) {
        PendingChallenge challenge = pending.get(id);
        if (challenge == null || !challenge.matches(id, version, challengeId)) {
            return Optional.empty();
        }
        pending.remove(id);
        if (challenge.isExpiredAt(now)) {
            challenge.destroy();
            return Optional.empty();
        }
        return Optional.of(challenge);
    }

    synchronized int size() {
        return pending.size();
    }
}
