package dev.ctx.keyservice.rewrap;

/** Why one item of a rewrap batch got no new wrap; the job keeps the envelope as it is and decides what to do. */
public enum RewrapError {
    /** The lookup view knows no such transaction (or only half of it so far). */
    UNKNOWN_TRANSACTION,
    /** The view holds an older envelope generation than the item names: retry later. */
    NOT_YET_VISIBLE,
    /**
     * The item's wrap is not the participant's wrap at that key version in the view's envelope (stale generation,
     * another seal, already on the target version, or nothing sealed).
     */
    WRAP_MISMATCH,
    /** The record, envelope or wrap failed to parse or authenticate. */
    INTEGRITY_FAILURE,
    /** The envelope was tombstoned (crypto-shredded). */
    SHREDDED,
    /** The old key version is revoked, destroyed or unknown, so it may not be opened. */
    KEY_NOT_OPENABLE,
    /** The old key version is held by the participant (BYOK): this service has no private key to unwrap with. */
    PARTICIPANT_HELD_KEY
}
