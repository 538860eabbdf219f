package dev.ctx.processor.audit;

import java.util.Arrays;

import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.ChainHash;

/**
 * What the sealer asks the key service to sign: every field of an {@link AccessLogCheckpoint} except the ones the
 * signer chooses ({@code signedAt}, {@code signingKeyId}, {@code signature}). Immutable; hashes are copied.
 */
public final class CheckpointDraft {

    private final int partition;
    private final long firstSequence;
    private final long lastSequence;
    private final byte[] headHash;
    private final byte[] merkleRoot;
    private final byte[] previousCheckpoint;

    public CheckpointDraft(
            int partition,
            long firstSequence,
            long lastSequence,
            byte[] headHash,
            byte[] merkleRoot,
            byte[] previousCheckpoint) {
        if (partition < 0 || firstSequence < 0 || lastSequence < firstSequence) {
            throw new IllegalArgumentException("not a checkpoint range: partition " + partition + ", sequences "
                    + firstSequence + ".." + lastSequence);
        }
        this.partition = partition;
        this.firstSequence = firstSequence;
        this.lastSequence = lastSequence;
        this.headHash = hash(headHash);
        this.merkleRoot = hash(merkleRoot);
        this.previousCheckpoint = hash(previousCheckpoint);
    }

    public int partition() {
        return partition;
    }

    public long firstSequence() {
        return firstSequence;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public byte[] headHash() {
        return headHash.clone();
    }

    public byte[] merkleRoot() {
        return merkleRoot.clone();
    }

    public byte[] previousCheckpoint() {
        return previousCheckpoint.clone();
    }

    /** Whether {@code signed} carries exactly this draft's fields (a signer must not change what it was asked). */
    boolean matches(AccessLogCheckpoint signed) {
        return signed.getFormatVersion() == 1
                && signed.getPartition() == partition
                && signed.getFirstSequence() == firstSequence
                && signed.getLastSequence() == lastSequence
                && Arrays.equals(signed.getHeadHash().bytes(), headHash)
                && Arrays.equals(signed.getMerkleRoot().bytes(), merkleRoot)
                && Arrays.equals(signed.getPreviousCheckpoint().bytes(), previousCheckpoint);
    }

    private static byte[] hash(byte[] bytes) {
        if (bytes == null || bytes.length != ChainHash.LENGTH) {
            throw new IllegalArgumentException("a checkpoint hash must be " + ChainHash.LENGTH + " bytes");
        }
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "CheckpointDraft[partition=" + partition + ", sequences=" + firstSequence + ".." + lastSequence + "]";
    }
}
