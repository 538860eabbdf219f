package dev.ctx.keyservice.participants;

import java.util.Map;

import dev.ctx.schemas.access.AccessEvent;

/**
 * Durable storage of participant state and the access events that describe each change (the participant registry's
 * store; not a Kafka Streams state store).
 *
 * <p>Contract: {@link #commit} returns only after the new state and its event are durably acknowledged, together; if
 * it throws, neither is visible to readers and the caller must not apply the change.
 */
public interface ParticipantStore {

    /** Every participant's last committed state, as replayed at startup. */
    Map<ParticipantId, ParticipantState> load();

    /**
     * Writes {@code state} and {@code event} atomically.
     *
     * @throws StoreUnavailableException if the write was not acknowledged; nothing was written
     */
    void commit(ParticipantState state, AccessEvent event);

    /**
     * Registers the in-memory view a store that recovers by itself (after a write with an unknown outcome) must refresh
     * through {@code gate}. Stores that never recover ignore it.
     */
    default void onRecovery(RecoveryGate gate) {}
}
