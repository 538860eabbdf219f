package dev.ctx.keyservice.participants;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.ParticipantStatus;

/**
 * The registry side of participant-held keys (BYOK): records a proof-of-possession challenge for the participant's
 * next version, and once the proof is accepted adds the submitted public key as the new current version, marked
 * participant-held in custody (no sealed key). The proof itself is checked by {@code byok}.
 */
final class ParticipantHeldKeyIssuer {

    private static final String CUSTODY = "participant-held";

    private final ParticipantStates states;
    private final AccessEvents events;
    private final Clock clock;

    ParticipantHeldKeyIssuer(ParticipantStates states, AccessEvents events, Clock clock) {
        this.states = states;
        this.events = events;
        this.clock = clock;
    }

    /** See {@link KeyLifecycle#challengeParticipantHeldKey}. */
    int challenge(AuditContext context, ParticipantId id, String challengeId) {
        return states.update(id, current -> {
            ParticipantState state = registrable(id, current);
            int version = state.participant().nextVersion();
            return new Change<>(
                    state,
                    event(AccessEventType.KEY_POSSESSION_CHALLENGED, id, version, challengeId, context),
                    version);
        });
    }

    /** See {@link KeyLifecycle#addParticipantHeldKey}. */
    KeyVersion add(AuditContext context, ParticipantId id, int version, X25519PublicKey publicKey, String challengeId) {
        return states.update(id, current -> {
            ParticipantState state = registrable(id, current);
            if (state.participant().nextVersion() != version) {
                throw new ConflictException("participant " + id + " has a key version " + version
                        + " already; start a new proof of possession");
            }
            KeyVersion key = new KeyVersion(version, publicKey, clock.instant(), KeyStatus.ACTIVE);
            ParticipantState next = new ParticipantState(
                    state.participant().withNewCurrentKey(key, clock.instant()),
                    state.custody().withParticipantHeld(version));
            return new Change<>(
                    next, event(AccessEventType.KEY_POSSESSION_PROVEN, id, version, challengeId, context), key);
        });
    }

    private static ParticipantState registrable(ParticipantId id, Optional<ParticipantState> current) {
        if (id.isEscrow()) {
            throw new ConflictException("the escrow key is custodial; it cannot be participant-held");
        }
        ParticipantState state = ParticipantStates.found(id, current);
        if (state.participant().status() == ParticipantStatus.REVOKED) {
            throw new ConflictException("participant " + id + " is revoked");
        }
        return state;
    }

    private AccessEvent event(
            AccessEventType type, ParticipantId id, int version, String challengeId, AuditContext context) {
        return events.lifecycle(
                type,
                id.value(),
                context,
                List.of("key:" + id + "/v" + version),
                Map.of(
                        "participantId",
                        id.value(),
                        "keyVersion",
                        Integer.toString(version),
                        "challengeId",
                        challengeId,
                        "custody",
                        CUSTODY));
    }
}
