package dev.ctx.client.auditlog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.SealedAccessEvent;

/**
 * One partition of a following verifier. A {@link PartitionChain} wants every checkpoint before the entries it
 * covers, but while following, the sealer signs a checkpoint after its entries were written. So entries past the
 * newest checkpoint read are held back from that authoritative chain until a checkpoint covering them arrives
 * (then they go in, in offset order, and the checkpoint's head hash and Merkle root are checked as in a one-shot
 * verification). Meanwhile a second chain, anchored at that newest checkpoint (its signature checked, its head hash
 * the start; from the genesis hash before the first checkpoint), verifies the held entries as they arrive, so a
 * modified, dropped, reordered or injected entry is found at once and not only at the next checkpoint. The first
 * break of either chain is the partition's break; after it the partition is not verified further. Not thread-safe.
 */
final class FollowedPartition {

    private final int partition;
    private final AccessLogTopics topics;
    private final SigningKeys keys;
    private final PartitionChain chain;
    private final Deque<Held> held = new ArrayDeque<>();
    private PartitionChain tail;

    private long coveredThrough = -1;
    private long countedThrough = -1;
    private long entriesVerified;
    private long lastCheckpointSignedAt = -1;
    private long endOffset;
    private ChainBreak broken;

    FollowedPartition(int partition, AccessLogTopics topics, SigningKeys keys) {
        this.partition = partition;
        this.topics = topics;
        this.keys = keys;
        this.chain = new PartitionChain(partition, topics, keys);
        this.tail = new PartitionChain(partition, topics, keys);
    }

    /** A checkpoint read at {@code offset} of the checkpoints topic. */
    void checkpoint(long offset, AccessLogCheckpoint checkpoint) {
        if (broken != null) {
            return;
        }
        chain.checkpoint(offset, checkpoint);
        if (checkBroken()) {
            return;
        }
        coveredThrough = checkpoint.getLastSequence();
        lastCheckpointSignedAt = checkpoint.getSignedAt().toEpochMilli();
        while (!held.isEmpty() && held.peekFirst().entry.getSequence() <= coveredThrough) {
            Held next = held.removeFirst();
            feed(chain, next.offset, next.entry);
            if (checkBroken()) {
                return;
            }
        }
        tail = new PartitionChain(partition, topics, keys);
        tail.anchorAt(offset, checkpoint);
        for (Held next : held) {
            feed(tail, next.offset, next.entry);
        }
        checkBroken();
    }

    /** An entry read at {@code offset} of the entries topic. */
    void entry(long offset, SealedAccessEvent entry) {
        if (broken != null) {
            return;
        }
        if (held.isEmpty() && entry.getSequence() <= coveredThrough) {
            feed(chain, offset, entry);
        } else {
            held.addLast(new Held(offset, entry));
            feed(tail, offset, entry);
        }
        checkBroken();
    }

    /** A record of {@code topic} at {@code offset} that does not decode: a break. */
    void undecodable(String topic, long offset, String reason) {
        if (broken == null) {
            chain.undecodable(topic, offset, reason);
            checkBroken();
        }
    }

    /** The end offset of the partition as last seen. */
    void endOffset(long offset) {
        endOffset = offset;
    }

    Optional<ChainBreak> broken() {
        return Optional.ofNullable(broken);
    }

    FollowStatus status() {
        PartitionSummary signed = chain.summary();
        PartitionSummary ahead = tail.summary();
        return new FollowStatus(
                partition,
                Math.max(signed.lastSequence(), ahead.lastSequence()),
                Math.max(signed.lastOffset(), ahead.lastOffset()),
                entriesVerified,
                signed.checkpoints(),
                lastCheckpointSignedAt,
                endOffset,
                broken());
    }

    private void feed(PartitionChain target, long offset, SealedAccessEvent entry) {
        long before = target.entries();
        target.entry(offset, entry);
        if (target.entries() > before && offset > countedThrough) {
            countedThrough = offset;
            entriesVerified++;
        }
    }

    /** Takes the first break of either chain; true when the partition is broken. */
    private boolean checkBroken() {
        if (broken == null) {
            broken = chain.broken() != null ? chain.broken() : tail.broken();
            if (broken != null) {
                held.clear();
            }
        }
        return broken != null;
    }

    private record Held(long offset, SealedAccessEvent entry) {}
}
