package dev.ctx.keyservice.participants;

import java.time.Clock;

import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.KeyCustodian;
import dev.ctx.keyservice.custody.SealedPrivateKey;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KeyStatus;

/**
 * Issues a participant's next key version: generates the key pair, seals the private key, destroys it right after,
 * and makes the new ACTIVE version current.
 */
final class KeyIssuer {

    private final KeyCustodian custodian;
    private final KeyEvents events;
    private final Clock clock;

    KeyIssuer(KeyCustodian custodian, KeyEvents events, Clock clock) {
        this.custodian = custodian;
        this.events = events;
        this.clock = clock;
    }

    /** The change adding the next version to {@code state}, recorded as {@code type}. */
    Change<KeyVersion> nextKey(ParticipantState state, AccessEventType type, AuditContext context) {
        Participant participant = state.participant();
        int version = participant.nextVersion();
        X25519KeyPair pair = X25519KeyPair.generate();
        try {
            SealedPrivateKey sealed = custodian.seal(participant.id().value(), version, pair.privateKey());
            KeyVersion key = new KeyVersion(version, pair.publicKey(), clock.instant(), KeyStatus.ACTIVE);
            ParticipantState next = new ParticipantState(
                    participant.withNewCurrentKey(key, clock.instant()),
                    state.custody().with(sealed));
            return new Change<>(next, events.of(type, participant.id(), version, context), key);
        } finally {
            pair.destroy();
        }
    }
}
