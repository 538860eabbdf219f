package dev.ctx.keyservice.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.ctx.envelope.key.X25519KeyPair;
import dev.ctx.envelope.key.X25519PrivateKey;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.audit.AuditContext;
import dev.ctx.keyservice.custody.KeyCustodian;
import dev.ctx.keyservice.custody.SealedPrivateKey;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KeyStatus;
import dev.ctx.schemas.keys.KycStatus;
import dev.ctx.schemas.keys.ParticipantRole;
import dev.ctx.schemas.keys.ParticipantStatus;

/**
 * Key lifecycle of participants and the audit escrow key: create, rotate, retire, revoke, destroy, and max-age rotation.
 * Key pairs are generated here; private keys are sealed before they are stored and destroyed right after. Thread-safe.
 */
public final class KeyLifecycle {

    private final ParticipantStates states;
    private final KeyCustodian custodian;
    private final AccessEvents events;
    private final Clock clock;

    public KeyLifecycle(ParticipantStates states, KeyCustodian custodian, AccessEvents events, Clock clock) {
        this.states = states;
        this.custodian = custodian;
        this.events = events;
        this.clock = Clock.tick(clock, java.time.Duration.ofMillis(1)); // the store keeps milliseconds
    }

    /**
     * Creates key version 1.
     *
     * @throws NotFoundException if the participant does not exist
     * @throws ConflictException if it already has a key, or is revoked
     */
    public KeyVersion createKey(AuditContext context, ParticipantId id) {
        return states.update(id, current -> {
            ParticipantState state = existing(id, current.orElse(null));
            if (!state.participant().keys().isEmpty()) {
                throw new ConflictException("participant " + id + " already has keys; rotate instead");
            }
            return addKey(state, AccessEventType.KEY_CREATED, context);
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
            ParticipantState state = existing(id, current.orElse(null));
            if (state.participant().keys().isEmpty()) {
                throw new ConflictException("participant " + id + " has no key to rotate; create one first");
            }
            return addKey(state, rotationEvent(id), context);
        });
    }

    /** Marks a non-current ACTIVE version RETIRED (no envelope uses it any more; called by the rewrap job). */
    public KeyVersion retire(AuditContext context, ParticipantId id, int version) {
        return setStatus(context, id, version, KeyStatus.RETIRED, EnumSet.of(KeyStatus.ACTIVE), AccessEventType.KEY_RETIRED);
    }

    /** Revokes an ACTIVE or RETIRED version; revoking the current version leaves the participant without a current key. */
    public KeyVersion revoke(AuditContext context, ParticipantId id, int version) {
        return setStatus(context, id, version, KeyStatus.REVOKED, EnumSet.of(KeyStatus.ACTIVE, KeyStatus.RETIRED),
                AccessEventType.KEY_REVOKED);
    }

    /** Destroys the sealed private key of a RETIRED or REVOKED version; its public entry stays, marked DESTROYED. */
    public KeyVersion destroy(AuditContext context, ParticipantId id, int version) {
        return setStatus(context, id, version, KeyStatus.DESTROYED, EnumSet.of(KeyStatus.RETIRED, KeyStatus.REVOKED),
                AccessEventType.KEY_DESTROYED);
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
            Participant escrow = Participant.registered(ParticipantId.ESCROW, ParticipantRole.ESCROW, KycStatus.VERIFIED, List.of(),
                    clock.instant());
            return addKey(new ParticipantState(escrow, dev.ctx.keyservice.custody.CustodyRecord.empty(escrow.id().value())),
                    AccessEventType.ESCROW_KEY_CREATED, context);
        });
    }

    /** Rotates every participant whose current key is at least {@code maxAge} old; returns the new versions. */
    public List<RotatedKey> rotateOlderThan(AuditContext context, Duration maxAge) {
        Instant cutoff = clock.instant().minus(maxAge);
        List<RotatedKey> rotated = new ArrayList<>();
        for (ParticipantState candidate : states.all()) {
            if (expired(candidate.participant(), cutoff)) {
                ParticipantId id = candidate.participant().id();
                states.update(id, current -> expired(current.orElseThrow().participant(), cutoff)
                        ? addKey(current.orElseThrow(), rotationEvent(id), context).map(Optional::of)
                        : Change.unchanged(current.orElseThrow(), Optional.<KeyVersion>empty()))
                        .ifPresent(key -> rotated.add(new RotatedKey(id, key.version())));
            }
        }
        return rotated;
    }

    private static AccessEventType rotationEvent(ParticipantId id) {
        return id.isEscrow() ? AccessEventType.ESCROW_KEY_ROTATED : AccessEventType.KEY_ROTATED;
    }

    private static boolean expired(Participant participant, Instant cutoff) {
        return participant.status() != ParticipantStatus.REVOKED
                && participant.currentKey().map(k -> !k.createdAt().isAfter(cutoff)).orElse(false);
    }

    /** Key statuses whose private key may be opened: in use for unwrapping, or kept for envelopes archived before a rewrap. */
    private static final Set<KeyStatus> OPENABLE = EnumSet.of(KeyStatus.ACTIVE, KeyStatus.RETIRED);

    /**
     * Unseals a participant's custodial private key inside this process, and records a {@code KEY_OPENED} access event
     * (requester, subject = the participant id, key version in the attributes, never key material) in the same Kafka
     * transaction: if the event is not committed, the opened key is destroyed and the call fails. The caller must
     * destroy the result and never let it leave the process.
     *
     * @throws OpenRefusedException for the escrow key, a revoked participant, or a version that is not ACTIVE or RETIRED
     * @throws NotFoundException if the participant or the version does not exist
     * @throws StoreUnavailableException if the event was not committed (nothing was opened)
     */
    public X25519PrivateKey openCustodialKeyAudited(AuditContext context, ParticipantId id, int version) {
        if (id.isEscrow()) {
            throw new OpenRefusedException("the escrow private key is never opened by the key service");
        }
        X25519PrivateKey[] opened = new X25519PrivateKey[1];
        try {
            return states.update(id, current -> {
                ParticipantState state = found(id, current.orElse(null));
                if (state.participant().status() == ParticipantStatus.REVOKED) {
                    throw new OpenRefusedException("participant " + id + " is revoked; its keys are not opened");
                }
                KeyVersion key = state.participant().key(version)
                        .orElseThrow(() -> new NotFoundException("participant " + id + " has no key version " + version));
                if (!OPENABLE.contains(key.status())) {
                    throw new OpenRefusedException("key " + id + " v" + version + " is " + key.status() + "; only ACTIVE or RETIRED keys are opened");
                }
                SealedPrivateKey sealed = state.custody().version(version)
                        .orElseThrow(() -> new NotFoundException("participant " + id + " holds no private key version " + version));
                opened[0] = custodian.open(id.value(), sealed);
                return new Change<>(state, keyEvent(AccessEventType.KEY_OPENED, id, version, context), opened[0]);
            });
        } catch (RuntimeException e) {
            if (opened[0] != null) {
                opened[0].destroy();
            }
            throw e;
        }
    }

    private KeyVersion setStatus(AuditContext context, ParticipantId id, int version, KeyStatus target, Set<KeyStatus> from,
            AccessEventType type) {
        return states.update(id, current -> {
            ParticipantState state = found(id, current.orElse(null));
            KeyVersion key = state.participant().key(version)
                    .orElseThrow(() -> new NotFoundException("participant " + id + " has no key version " + version));
            checkTransition(id, key, target, from, state.participant().currentVersion());
            Participant updated = state.participant().withKeyStatus(version, target, clock.instant());
            var custody = target == KeyStatus.DESTROYED ? state.custody().without(version) : state.custody();
            return new Change<>(new ParticipantState(updated, custody), keyEvent(type, id, version, context), updated.key(version).orElseThrow());
        });
    }

    private static void checkTransition(ParticipantId id, KeyVersion key, KeyStatus target, Set<KeyStatus> from, int currentVersion) {
        if (!from.contains(key.status())) {
            throw new ConflictException("key " + id + " v" + key.version() + " is " + key.status() + "; cannot become " + target);
        }
        if (target == KeyStatus.RETIRED && key.version() == currentVersion) {
            throw new ConflictException("key " + id + " v" + key.version() + " is current; rotate before retiring it");
        }
    }

    private Change<KeyVersion> addKey(ParticipantState state, AccessEventType type, AuditContext context) {
        Participant participant = state.participant();
        int version = participant.nextVersion();
        X25519KeyPair pair = X25519KeyPair.generate();
        try {
            SealedPrivateKey sealed = custodian.seal(participant.id().value(), version, pair.privateKey());
            KeyVersion key = new KeyVersion(version, pair.publicKey(), clock.instant(), KeyStatus.ACTIVE);
            ParticipantState next = new ParticipantState(participant.withNewCurrentKey(key, clock.instant()), state.custody().with(sealed));
            return new Change<>(next, keyEvent(type, participant.id(), version, context), key);
        } finally {
            pair.destroy();
        }
    }

    private dev.ctx.schemas.access.AccessEvent keyEvent(AccessEventType type, ParticipantId id, int version, AuditContext context) {
        return events.lifecycle(type, id.value(), context, List.of("key:" + id + "/v" + version),
                Map.of("participantId", id.value(), "keyVersion", Integer.toString(version)));
    }

    private static ParticipantState found(ParticipantId id, ParticipantState state) {
        if (state == null) {
            throw new NotFoundException("participant " + id + " does not exist");
        }
        return state;
    }

    private static ParticipantState existing(ParticipantId id, ParticipantState state) {
        if (found(id, state).participant().status() == ParticipantStatus.REVOKED) {
            throw new ConflictException("participant " + id + " is revoked");
        }
        return state;
    }

    /**
     * A key created by max-age rotation.
     *
     * @param participantId whose key
     * @param version the new current version
     */
    public record RotatedKey(ParticipantId participantId, int version) {
    }
}
