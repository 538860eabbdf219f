package dev.ctx.processor.audit;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

import dev.ctx.schemas.auditlog.ChainHash;
import dev.ctx.schemas.auditlog.MerkleTree;

/**
 * The head of one partition's chain: the next sequence, the hash of the last entry (or the genesis hash), where the
 * pending checkpoint starts, the Merkle state of the entries since then, the digest of the last checkpoint and when it
 * was signed. Mutable, confined to its stream task; persisted by {@link ChainHeadSerde}.
 */
final class ChainHead {

    private final int partition;
    private long nextSequence;
    private byte[] lastHash;
    private long checkpointFrom;
    private byte[] previousCheckpoint;
    private long lastCheckpointAtMillis;
    private MerkleTree.Builder merkle;
    /** Reused for every entry: {@code MessageDigest.getInstance} costs more than hashing one event. */
    private final MessageDigest sha = ChainHash.sha256();

    ChainHead(
            int partition,
            long nextSequence,
            byte[] lastHash,
            long checkpointFrom,
            byte[] previousCheckpoint,
            long lastCheckpointAtMillis,
            List<byte[]> frontier) {
        if (nextSequence < 0 || checkpointFrom < 0 || checkpointFrom > nextSequence) {
            throw new IllegalArgumentException("checkpointFrom " + checkpointFrom + " and nextSequence " + nextSequence
                    + " are not 0 <= checkpointFrom <= nextSequence");
        }
        this.partition = partition;
        this.nextSequence = nextSequence;
        this.lastHash = hash(lastHash).clone();
        this.checkpointFrom = checkpointFrom;
        this.previousCheckpoint = hash(previousCheckpoint).clone();
        this.lastCheckpointAtMillis = lastCheckpointAtMillis;
        this.merkle = MerkleTree.Builder.resume(nextSequence - checkpointFrom, frontier);
    }

    /** The head of an empty chain: sequence 0 follows the genesis hash; no checkpoint yet. */
    static ChainHead genesis(int partition, long nowMillis) {
        return new ChainHead(
                partition, 0, ChainHash.genesis(partition), 0, new byte[ChainHash.LENGTH], nowMillis, List.of());
    }

    /** Chains one canonical event: returns its hash; the head then points at it. */
    byte[] append(byte[] canonicalEvent) {
        byte[] hash = ChainHash.next(sha, lastHash, canonicalEvent);
        merkle.append(hash);
        lastHash = hash;
        nextSequence++;
        return hash.clone();
    }

    /** The checkpoint covers {@code checkpointFrom() .. nextSequence() - 1}; the next one starts after it. */
    void checkpointed(byte[] digest, long signedAtMillis) {
        previousCheckpoint = hash(digest).clone();
        checkpointFrom = nextSequence;
        lastCheckpointAtMillis = signedAtMillis;
        merkle = new MerkleTree.Builder();
    }

    int partition() {
        return partition;
    }

    long nextSequence() {
        return nextSequence;
    }

    byte[] lastHash() {
        return lastHash.clone();
    }

    long checkpointFrom() {
        return checkpointFrom;
    }

    /** Entries chained since the last checkpoint. */
    long pending() {
        return nextSequence - checkpointFrom;
    }

    byte[] previousCheckpoint() {
        return previousCheckpoint.clone();
    }

    long lastCheckpointAtMillis() {
        return lastCheckpointAtMillis;
    }

    byte[] merkleRoot() {
        return merkle.root();
    }

    List<byte[]> frontier() {
        return merkle.frontier();
    }

    private static byte[] hash(byte[] bytes) {
        Objects.requireNonNull(bytes, "hash");
        if (bytes.length != ChainHash.LENGTH) {
            throw new IllegalArgumentException("a hash must be " + ChainHash.LENGTH + " bytes, was " + bytes.length);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "ChainHead[partition=" + partition + ", nextSequence=" + nextSequence + ", checkpointFrom="
                + checkpointFrom + "]";
    }
}
