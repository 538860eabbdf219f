package dev.ctx.keyservice.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.participants.KeyLifecycle;
import dev.ctx.keyservice.participants.ParticipantId;
import dev.ctx.keyservice.participants.ParticipantState;
import dev.ctx.keyservice.participants.ParticipantStates;

/**
 * The max-key-age policy: rotates every participant (the escrow key included) whose current key is at least
 * {@code maxAge} old and who is not revoked. Each rotation checks again under the participant's lock, so a key rotated
 * meanwhile is not rotated twice. Thread-safe.
 */
public final class MaxAgeRotation {

    private final ParticipantStates states;
    private final KeyLifecycle keys;
    private final Duration maxAge;
    private final Clock clock;

    public MaxAgeRotation(ParticipantStates states, KeyLifecycle keys, Duration maxAge, Clock clock) {
        this.states = Objects.requireNonNull(states, "states");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Clock.tick(clock, Duration.ofMillis(1)); // the store keeps milliseconds
    }

    /** The max key age this policy applies. */
    public Duration maxAge() {
        return maxAge;
    }

    /** Rotates every key due now; returns the new versions, ordered by participant id. */
    public List<RotatedKey> run(AuditContext context) {
        Instant cutoff = clock.instant().minus(maxAge);
        List<RotatedKey> rotated = new ArrayList<>();
        for (ParticipantState candidate : states.all()) {
            if (candidate.participant().dueForRotation(cutoff)) {
                ParticipantId id = candidate.participant().id();
                keys.rotateIfDue(context, id, cutoff).ifPresent(key -> rotated.add(new RotatedKey(id, key.version())));
            }
        }
        return rotated;
    }
}
