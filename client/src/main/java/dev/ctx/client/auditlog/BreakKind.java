package dev.ctx.client.auditlog;

/** What is wrong at the first broken place of a partition (docs/access-log-chain.md §6). */
public enum BreakKind {
    /** The entry's {@code hash} is not SHA-256(prevHash || event), or its event id differs from {@code eventId}. */
    MODIFIED_EVENT,
    /** The entry's sequence skips one or more sequences: an entry was dropped (or moved further than its neighbour). */
    SEQUENCE_GAP,
    /** The entry's sequence comes after a later one: entries were swapped or moved back. */
    REORDERED,
    /** An entry the sealer did not write: a second entry for a position already taken, or a replayed copy. */
    INJECTED,
    /** The entry's {@code prevHash} is not the previous entry's {@code hash} (or the genesis hash). */
    BAD_PREV_HASH,
    /** The record's {@code partition} field is not the partition it is in. */
    WRONG_PARTITION,
    /** A {@code formatVersion} this verifier does not know. */
    UNSUPPORTED_FORMAT,
    /** The record (or the stored event in it, or an export line) does not decode. */
    UNDECODABLE,
    /** The checkpoint's Ed25519 signature does not verify under the published key of its {@code signingKeyId}. */
    BAD_SIGNATURE,
    /** The checkpoint names a {@code signingKeyId} that is not published. */
    UNKNOWN_SIGNING_KEY,
    /** The checkpoint does not follow the previous one ({@code firstSequence} or {@code previousCheckpoint}). */
    CHECKPOINT_CHAIN_BROKEN,
    /** The checkpoint's {@code headHash} is not the hash of the entry at its {@code lastSequence}. */
    BAD_HEAD_HASH,
    /** The checkpoint's {@code merkleRoot} is not the tree hash over the entries it covers. */
    BAD_MERKLE_ROOT,
    /** The log ends before the last sequence a signed checkpoint covers. */
    TRUNCATED
}
