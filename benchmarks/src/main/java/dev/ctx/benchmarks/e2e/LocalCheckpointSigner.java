package dev.ctx.benchmarks.e2e;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;

import dev.ctx.envelope.sign.Ed25519SigningKey;
import dev.ctx.processor.audit.CheckpointDraft;
import dev.ctx.processor.audit.CheckpointSigner;
import dev.ctx.schemas.auditlog.AccessLogCheckpoint;
import dev.ctx.schemas.auditlog.CheckpointSigningInput;
import dev.ctx.schemas.auditlog.Sha256;

/**
 * Signs checkpoints in this JVM with a throwaway Ed25519 key: the sealer's checkpoint work (Merkle root, signing
 * input, Ed25519) is measured without the key service's HTTP round trip.
 */
final class LocalCheckpointSigner implements CheckpointSigner {

    private final Ed25519SigningKey key = Ed25519SigningKey.generate(new SecureRandom());

    @Override
    public AccessLogCheckpoint sign(CheckpointDraft draft) {
        AccessLogCheckpoint unsigned = AccessLogCheckpoint.newBuilder()
                .setFormatVersion(1)
                .setPartition(draft.partition())
                .setFirstSequence(draft.firstSequence())
                .setLastSequence(draft.lastSequence())
                .setHeadHash(new Sha256(draft.headHash()))
                .setMerkleRoot(new Sha256(draft.merkleRoot()))
                .setPreviousCheckpoint(new Sha256(draft.previousCheckpoint()))
                .setSignedAt(Instant.now())
                .setSigningKeyId(key.verifyingKey().fingerprint())
                .setSignature(ByteBuffer.allocate(0))
                .build();
        return AccessLogCheckpoint.newBuilder(unsigned)
                .setSignature(ByteBuffer.wrap(key.sign(CheckpointSigningInput.bytes(unsigned))))
                .build();
    }
}
