package dev.ctx.keyservice.participants;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.KeyCustodian;
import dev.ctx.keyservice.custody.ParticipantHeldKeyException;
import dev.ctx.keyservice.custody.SealedPrivateKey;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.ParticipantStatus;

/**
 * Unseals a participant's custodial private key inside this process, audited: the {@code KEY_OPENED} event commits
 * with the participant's unchanged state, and if it does not commit the opened key is destroyed and the call fails.
 */
final class CustodialKeyOpener {

    private final ParticipantStates states;
    private final KeyCustodian custodian;
    private final KeyEvents events;

    CustodialKeyOpener(ParticipantStates states, KeyCustodian custodian, KeyEvents events) {
        this.states = states;
        this.custodian = custodian;
        this.events = events;
    }

    /** See {@link KeyLifecycle#openCustodialKeyAudited}. */
    X25519PrivateKey open(AuditContext context, ParticipantId id, int version) {
        if (id.isEscrow()) {
            throw new OpenRefusedException("the escrow private key is never opened by the key service");
        }
        X25519PrivateKey[] opened = new X25519PrivateKey[1];
        try {
            return states.update(id, current -> {
                SealedPrivateKey sealed = openable(ParticipantStates.found(id, current), version);
                opened[0] = custodian.open(id.value(), sealed);
                return new Change<>(
                        current.orElseThrow(), events.of(AccessEventType.KEY_OPENED, id, version, context), opened[0]);
            });
        } catch (RuntimeException e) {
            if (opened[0] != null) {
                opened[0].destroy();
            }
            throw e;
        }
    }

    /** The sealed key of {@code version}, if the participant and the version may be opened. */
    private static SealedPrivateKey openable(ParticipantState state, int version) {
        ParticipantId id = state.participant().id();
        if (state.participant().status() == ParticipantStatus.REVOKED) {
            throw new OpenRefusedException("participant " + id + " is revoked; its keys are not opened");
        }
        KeyVersion key = state.participant()
                .key(version)
                .orElseThrow(() -> new NotFoundException("participant " + id + " has no key version " + version));
        if (!key.isOpenable()) {
            throw new OpenRefusedException(
                    "key " + id + " v" + version + " is " + key.status() + "; only ACTIVE or RETIRED keys are opened");
        }
        if (state.custody().isParticipantHeld(version)) {
            throw new ParticipantHeldKeyException(id.value(), version);
        }
        return state.custody()
                .version(version)
                .orElseThrow(
                        () -> new NotFoundException("participant " + id + " holds no private key version " + version));
    }
}
