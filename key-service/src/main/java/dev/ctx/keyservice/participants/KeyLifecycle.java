package dev.ctx.keyservice.participants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.envelope.key.X25519PublicKey;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.CustodyRecord;
import dev.ctx.keyservice.custody.KeyCustodian;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;

/**
 * Key lifecycle of participants and the audit escrow key: create and rotate ({@link KeyIssuer}), retire, revoke and
 * destroy ({@link KeyTransition}), and the audited custodial open ({@link CustodialKeyOpener}). The max-age policy
 * that decides which keys to rotate lives in {@code rotation}. Thread-safe.
 */
public final class KeyLifecycle {

    private final ParticipantStates states;
    private final KeyIssuer issuer;
    private final KeyEvents events;
    private final CustodialKeyOpener opener;
    private final ParticipantHeldKeyIssuer participantHeld;
    private final Clock clock;
    private final KeyCustodian custodian;
    private final AtomicBoolean escrowUnsealingHandedOver = new AtomicBoolean();
    private final AtomicBoolean escrowRewrappingHandedOver = new AtomicBoolean();

    public KeyLifecycle(ParticipantStates states, KeyCustodian custodian, AccessEvents accessEvents, Clock clock) {
        this.states = states;
        this.custodian = custodian;
        this.clock = Clock.tick(clock, Duration.ofMillis(1)); // the store keeps milliseconds
        this.events = new KeyEvents(accessEvents);
        this.issuer = new KeyIssuer(custodian, events, this.clock);
        this.opener = new CustodialKeyOpener(states, custodian, events);
        this.participantHeld = new ParticipantHeldKeyIssuer(states, accessEvents, this.clock);
    }

    /**
     * Creates key version 1.
     *
     * @throws NotFoundException if the participant does not exist
     * @throws ConflictException if it already has a key, or is revoked
     */
    public KeyVersion createKey(AuditContext context, ParticipantId id) {
        return states.update(id, current -> {
            ParticipantState state = notRevoked(id, current);
            if (!state.participant().keys().isEmpty()) {
                throw new ConflictException("participant " + id + " already has keys; rotate instead");
            }
            return issuer.nextKey(state, AccessEventType.KEY_CREATED, context);
        });
    }

    /**
     * Adds a new current version; older versions stay ACTIVE for unwrapping until the rewrap job retires them.
     *
     * @throws NotFoundException if the participant does not exist
     * @throws ConflictException if it has no key yet, or is revoked
     */
    public KeyVersion rotate(AuditContext context, ParticipantId id) {
        return states.update(id, current -> {
            ParticipantState state = notRevoked(id, current);
            if (state.participant().keys().isEmpty()) {
                throw new ConflictException("participant " + id + " has no key to rotate; create one first");
            }
            return issuer.nextKey(state, KeyEvents.rotation(id), context);
        });
    }

    /**
     * Rotates {@code id} if its current key is still due at the time of the change
     * ({@link Participant#dueForRotation}); returns the new version, or empty when nothing was due.
     */
    public Optional<KeyVersion> rotateIfDue(AuditContext context, ParticipantId id, Instant cutoff) {
        return states.update(
                id,
                current -> dueForCustodialRotation(current.orElseThrow(), cutoff)
                        ? issuer.nextKey(current.orElseThrow(), KeyEvents.rotation(id), context)
                                .map(Optional::of)
                        : Change.unchanged(current.orElseThrow(), Optional.<KeyVersion>empty()));
    }

    /** A participant-held current key is the participant's to rotate (with a new proof of possession), never ours. */
    private static boolean dueForCustodialRotation(ParticipantState state, Instant cutoff) {
        Participant participant = state.participant();
        return participant.dueForRotation(cutoff) && !state.custody().isParticipantHeld(participant.currentVersion());
    }

    /**
     * Records a {@code KEY_POSSESSION_CHALLENGED} event for a proof of possession of a participant-held key (BYOK) and
     * returns the version the key will get: the participant's next version at this moment.
     *
     * @throws NotFoundException if the participant does not exist
     * @throws ConflictException for the escrow key or a revoked participant
     */
    public int challengeParticipantHeldKey(AuditContext context, ParticipantId id, String challengeId) {
        return participantHeld.challenge(context, id, challengeId);
    }

    /**
     * Adds {@code publicKey}, whose possession was proven, as the participant's new current version {@code version},
     * marked participant-held: no private key is sealed for it, and {@link #openCustodialKeyAudited} refuses it with
     * {@link dev.ctx.keyservice.custody.ParticipantHeldKeyException}. Commits with a {@code KEY_POSSESSION_PROVEN}
     * event.
     *
     * @throws ConflictException if {@code version} is no longer the next version (another key was added meanwhile)
     */
    public KeyVersion addParticipantHeldKey(
            AuditContext context, ParticipantId id, int version, X25519PublicKey publicKey, String challengeId) {
        return participantHeld.add(context, id, version, publicKey, challengeId);
    }

    /** Marks a non-current ACTIVE version RETIRED (no envelope uses it any more; called by the rewrap job). */
    public KeyVersion retire(AuditContext context, ParticipantId id, int version) {
        return transition(context, id, version, KeyTransition.RETIRE);
    }

    /**
     * Revokes an ACTIVE or RETIRED version; revoking the current version leaves the participant without a current key.
     */
    public KeyVersion revoke(AuditContext context, ParticipantId id, int version) {
        return transition(context, id, version, KeyTransition.REVOKE);
    }

    /** Destroys the sealed private key of a RETIRED or REVOKED version; its public entry stays, marked DESTROYED. */
    public KeyVersion destroy(AuditContext context, ParticipantId id, int version) {
        return transition(context, id, version, KeyTransition.DESTROY);
    }

    /**
     * Creates the audit escrow key (participant {@code __escrow}, role ESCROW, version 1).
     *
     * @throws ConflictException if it exists
     */
    public KeyVersion createEscrowKey(AuditContext context) {
        return states.update(ParticipantId.ESCROW, current -> {
            if (current.isPresent()) {
                throw new ConflictException("the escrow key already exists; rotate it instead");
            }
            Participant escrow = Participant.registered(
                    ParticipantId.ESCROW, ParticipantRole.ESCROW, KycStatus.VERIFIED, List.of(), clock.instant());
            return issuer.nextKey(
                    new ParticipantState(escrow, CustodyRecord.empty(escrow.id().value())),
                    AccessEventType.ESCROW_KEY_CREATED,
                    context);
        });
    }

    /**
     * Unseals a participant's custodial private key inside this process, and records a {@code KEY_OPENED} access event
     * (requester, subject = the participant id, key version in the attributes, never key material) in the same Kafka
     * transaction: if the event is not committed, the opened key is destroyed and the call fails. The caller must
     * destroy the result and never let it leave the process.
     *
     * @throws OpenRefusedException for the escrow key, a revoked participant, or a version that is not ACTIVE or
     * RETIRED
     * @throws dev.ctx.keyservice.custody.ParticipantHeldKeyException for a participant-held (BYOK) version
     * @throws NotFoundException if the participant or the version does not exist
     * @throws StoreUnavailableException if the event was not committed (nothing was opened)
     */
    public X25519PrivateKey openCustodialKeyAudited(AuditContext context, ParticipantId id, int version) {
        return opener.open(context, id, version);
    }

    /**
     * <strong>Dangerous</strong>: hands over the one capability that unseals the audit escrow private key. Callable
     * once per lifecycle: the service's wiring gives it to the escrow workflow at startup, so no other component can
     * obtain it later.
     *
     * @throws IllegalStateException if it was handed over before
     */
    public EscrowKeyUnsealing handOverEscrowKeyUnsealingOnce() {
        if (!escrowUnsealingHandedOver.compareAndSet(false, true)) {
            throw new IllegalStateException("the escrow key unsealing capability was already handed over");
        }
        return new EscrowKeyUnsealing(states, custodian, events);
    }

    /**
     * <strong>Dangerous</strong>: hands over the capability that rewraps escrow wraps with the audit escrow private key
     * (key rotation: an escrow rotation, or a participant-held key's rotation). Callable once per lifecycle: the
     * service's wiring gives it to the rewrap endpoint at startup.
     *
     * @throws IllegalStateException if it was handed over before
     */
    public EscrowRewrapping handOverEscrowRewrappingOnce() {
        if (!escrowRewrappingHandedOver.compareAndSet(false, true)) {
            throw new IllegalStateException("the escrow rewrapping capability was already handed over");
        }
        return new EscrowRewrapping(states, custodian, events);
    }

    private KeyVersion transition(AuditContext context, ParticipantId id, int version, KeyTransition transition) {
        return states.update(id, current -> {
            ParticipantState next = transition.apply(ParticipantStates.found(id, current), version, clock.instant());
            return new Change<>(
                    next,
                    events.of(transition.eventType(), id, version, context),
                    next.participant().key(version).orElseThrow());
        });
    }

    private static ParticipantState notRevoked(ParticipantId id, Optional<ParticipantState> current) {
        ParticipantState state = ParticipantStates.found(id, current);
        if (state.participant().status() == ParticipantStatus.REVOKED) {
            throw new ConflictException("participant " + id + " is revoked");
        }
        return state;
    }
}
