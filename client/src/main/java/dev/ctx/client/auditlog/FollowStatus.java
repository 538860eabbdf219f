package dev.ctx.client.auditlog;

import java.util.Optional;

/**
 * What a following verifier knows of one partition at a moment: the last entry it verified (sequence and offset of
 * {@code access-log}, -1 before the first), how many entries and matched checkpoints it verified since it started,
 * when the newest checkpoint whose signature verified was signed (epoch millis, -1 before the first), the end offset
 * of the partition when it last looked (read_committed: the last stable offset) and the first break, if any.
 */
public record FollowStatus(
        int partition,
        long lastSequence,
        long lastOffset,
        long entriesVerified,
        long checkpointsVerified,
        long lastCheckpointSignedAtMillis,
        long endOffset,
        Optional<ChainBreak> broken) {

    /** The entries after the last verified one: end offset minus the next offset to verify (never negative). */
    public long lag() {
        return Math.max(0, endOffset - (lastOffset + 1));
    }
}
