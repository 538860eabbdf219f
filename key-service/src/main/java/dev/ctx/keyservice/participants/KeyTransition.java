package dev.ctx.keyservice.participants;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import dev.ctx.keyservice.custody.CustodyRecord;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.keys.KeyStatus;

/**
 * The status changes of an existing key version (a new version always starts ACTIVE): the statuses each may start from,
 * the status it ends in and the access event that records it.
 *
 * <pre>
 *   ACTIVE --retire (not current)--> RETIRED --destroy--> DESTROYED
 *   ACTIVE, RETIRED --revoke--> REVOKED --destroy--> DESTROYED
 * </pre>
 */
enum KeyTransition {

    /** A non-current ACTIVE version no envelope uses any more (called by the rewrap job). */
    RETIRE(KeyStatus.RETIRED, EnumSet.of(KeyStatus.ACTIVE), AccessEventType.KEY_RETIRED),
    /** An ACTIVE or RETIRED version; revoking the current version leaves the participant without a current key. */
    REVOKE(KeyStatus.REVOKED, EnumSet.of(KeyStatus.ACTIVE, KeyStatus.RETIRED), AccessEventType.KEY_REVOKED),
    /** A RETIRED or REVOKED version loses its sealed private key; its public entry stays. */
    DESTROY(KeyStatus.DESTROYED, EnumSet.of(KeyStatus.RETIRED, KeyStatus.REVOKED), AccessEventType.KEY_DESTROYED);

    /**
     * Why an ACTIVE version is not destroyed: this service cannot count the envelopes that wrap under a version, so
     * it requires RETIRED (which the rewrap job sets only at zero remaining envelopes) or REVOKED first.
     */
    private static final String ACTIVE_NOT_DESTROYED = ": envelopes may still wrap the DEK under it; the rewrap job "
            + "retires a version once no envelope does (or revoke it), then destroy it";

    private final KeyStatus target;
    private final Set<KeyStatus> from;
    private final AccessEventType eventType;

    KeyTransition(KeyStatus target, Set<KeyStatus> from, AccessEventType eventType) {
        this.target = target;
        this.from = from;
        this.eventType = eventType;
    }

    KeyStatus target() {
        return target;
    }

    AccessEventType eventType() {
        return eventType;
    }

    /**
     * @throws ConflictException if {@code key} may not take this transition (wrong status, or retiring the current one)
     */
    void check(ParticipantId id, KeyVersion key, int currentVersion) {
        if (!from.contains(key.status())) {
            throw new ConflictException("key " + id + " v" + key.version() + " is " + key.status() + "; cannot become "
                    + target + (this == DESTROY && key.status() == KeyStatus.ACTIVE ? ACTIVE_NOT_DESTROYED : ""));
        }
        if (this == RETIRE && key.version() == currentVersion) {
            throw new ConflictException("key " + id + " v" + key.version() + " is current; rotate before retiring it");
        }
    }

    /** {@code state} after the transition of {@code version}, checked first; DESTROY also drops the sealed key. */
    ParticipantState apply(ParticipantState state, int version, Instant now) {
        Participant participant = state.participant();
        KeyVersion key = participant
                .key(version)
                .orElseThrow(() ->
                        new NotFoundException("participant " + participant.id() + " has no key version " + version));
        check(participant.id(), key, participant.currentVersion());
        CustodyRecord custody = this == DESTROY ? state.custody().without(version) : state.custody();
        return new ParticipantState(participant.withKeyStatus(version, target, now), custody);
    }
}
