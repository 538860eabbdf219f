package dev.ctx.keyservice.custody;

import dev.ctx.schemas.keys.KeyStatus;

/**
 * Told after a committed change to a participant's keys or registry status, so that whatever holds unsealed keys (the
 * custodial key cache) can drop them. Called on the thread that made the change, after the store acknowledged it and
 * after the participant's lock is released, and before the change returns to its caller. Implementations must be
 * fast and must not throw; they must not call back into the registry.
 */
public interface KeyStatusListener {

    /**
     * A key version was added (rotation, creation) or changed status (retired, revoked, destroyed).
     *
     * @param status the version's new status
     */
    void keyStatusChanged(String participantId, int version, KeyStatus status);

    /**
     * The participant's registry status changed (suspended, revoked, reactivated), or a store recovery replaced its
     * state; every key of it may have changed.
     */
    void participantChanged(String participantId);
}
